package org.cajal.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Checks the jars in {@code plugins/} before FileInstall takes them, because FileInstall passes over a jar that is
 * not a bundle, or cannot be read, without a word: each such jar gets one line saying what is wrong and what to do.
 */
final class PluginJars {

    private PluginJars() {
    }

    /** One message per jar in the folder that will not be installed; empty when all are bundles (or no folder). */
    static List<String> problems(Path folder) {
        List<String> problems = new ArrayList<>();
        byJar(folder).forEach((jar, problem) -> problems.add(folder.getFileName() + "/" + jar + ": " + problem));
        return problems;
    }

    /** What is wrong with each jar of the folder that will not be installed, by file name, in name order. */
    static Map<String, String> byJar(Path folder) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (folder == null || !Files.isDirectory(folder)) {
            return problems;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path jar : files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                String problem = problem(jar);
                if (problem != null) {
                    problems.put(jar.getFileName().toString(), problem);
                }
            }
        } catch (IOException e) {
            problems.put("", "the folder " + folder + " cannot be listed (" + e.getMessage() + ")");
        }
        return problems;
    }

    /** What is wrong with one jar, or null when it is a bundle. */
    static String problem(Path jar) {
        if (!Files.isReadable(jar)) {
            return "cannot be read (check its permissions); it is not installed";
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String name = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
            if (name == null || name.isBlank()) {
                return "is not an OSGi bundle (its manifest has no Bundle-SymbolicName), so it is not installed; "
                        + "build plugins with the cajal-plugin-archetype (docs/plugins.md) or bnd";
            }
            return null;
        } catch (IOException | SecurityException e) {
            return "is not a readable jar (truncated or damaged: " + e.getMessage() + "), so it is not installed; "
                    + "copy it again";
        }
    }
}
