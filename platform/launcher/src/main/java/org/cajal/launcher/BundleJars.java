package org.cajal.launcher;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * The bundles of a distribution: {@code <home>/bundles/*.jar} and the unpacked bundles beside them (folders holding
 * {@code META-INF/MANIFEST.MF}), plus {@code <home>/bundles/shell/*.jar} (the Gogo shell) when the shell is wanted,
 * in file-name order, less those whose file name matches an exclusion glob.
 *
 * <p>Why unpacked bundles: Felix reads a jar that a bundle jar embeds (its {@code Bundle-ClassPath}) only after
 * inflating it into the framework's storage folder, and the launcher gives every process a fresh one. The engine
 * embeds DL4J, ND4J and their libraries, 47 MB of jars, so every start inflated 47 MB before ND4J could load; from an
 * unpacked bundle Felix opens the embedded jars where they lie. The distribution therefore ships the engine as
 * {@code bundles/engine/}.
 */
final class BundleJars {

    static final String BUNDLES_FOLDER = "bundles";
    static final String SHELL_FOLDER = "shell";
    static final String MANIFEST = "META-INF/MANIFEST.MF";

    private BundleJars() {
    }

    static List<Path> find(Path home, boolean withShell, String excludeGlobs) throws IOException {
        Path bundles = home.resolve(BUNDLES_FOLDER);
        if (!Files.isDirectory(bundles)) {
            throw new IOException("no bundles folder at " + bundles + ": is " + home + " a Cajal distribution?");
        }
        List<PathMatcher> excluded = matchers(excludeGlobs);
        List<Path> jars = new ArrayList<>(jarsIn(bundles, excluded));
        if (withShell) {
            jars.addAll(jarsIn(bundles.resolve(SHELL_FOLDER), excluded));
        }
        return jars;
    }

    private static List<Path> jarsIn(Path folder, List<PathMatcher> excluded) throws IOException {
        List<Path> jars = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return jars;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            for (Path entry : stream) {
                if (isBundle(entry) && excluded.stream().noneMatch(m -> m.matches(entry.getFileName()))) {
                    jars.add(entry);
                }
            }
        }
        jars.sort(null);
        return jars;
    }

    /** A jar file, or a folder holding an unpacked bundle (one with {@code META-INF/MANIFEST.MF}). */
    static boolean isBundle(Path entry) {
        String name = entry.getFileName().toString();
        if (name.endsWith(".jar")) {
            return Files.isRegularFile(entry);
        }
        return Files.isRegularFile(entry.resolve(MANIFEST));
    }

    private static List<PathMatcher> matchers(String globs) {
        List<PathMatcher> matchers = new ArrayList<>();
        if (globs != null) {
            for (String glob : globs.split(",")) {
                if (!glob.isBlank()) {
                    matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob.strip()));
                }
            }
        }
        return matchers;
    }
}
