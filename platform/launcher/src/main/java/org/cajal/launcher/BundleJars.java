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
 * The bundle jars of a distribution: {@code <home>/bundles/*.jar}, plus {@code <home>/bundles/shell/*.jar} (the
 * Gogo shell) when the shell is wanted, in file-name order, less those whose file name matches an exclusion glob.
 */
final class BundleJars {

    static final String BUNDLES_FOLDER = "bundles";
    static final String SHELL_FOLDER = "shell";

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
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*.jar")) {
            for (Path jar : stream) {
                if (Files.isRegularFile(jar) && excluded.stream().noneMatch(m -> m.matches(jar.getFileName()))) {
                    jars.add(jar);
                }
            }
        }
        jars.sort(null);
        return jars;
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
