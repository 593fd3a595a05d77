package org.cajal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.cajal.testkit.CommandOutcome;
import org.cajal.api.ComponentKind;
import org.cajal.testkit.DroppedPlugin;
import org.cajal.testkit.RunningCajal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The plugin SDK end to end, as a third party uses it: a project generated from cajal-plugin-archetype, built with
 * Maven into a drop-in jar, loaded into the running framework: its layer type and visualiser appear, the project's
 * example pipeline trains with the layer, the visualiser draws the run, and removing the jar removes both.
 *
 * <p>The nested Maven runs offline against a local repository of its own (target/plugin-sdk/repository), so that
 * it neither needs org.cajal artifacts installed in ~/.m2 nor writes any there: its org/cajal holds this build's
 * api, charts, launcher, testkit and archetype (copied by maven-dependency-plugin, from the reactor in a full
 * build), and every other top-level entry is a link into the outer build's local repository, where the outer build
 * has already put the Maven plugins and libraries the generated project uses (the same versions). The nested build
 * runs the generated project's unit tests but not its integration test, which would boot a second Cajal: loading
 * the jar into this test's framework is that check.
 */
@ExtendWith(CajalRuntime.class)
class PluginSdkTest {

    private static final String ARCHETYPE_PLUGIN = "org.apache.maven.plugins:maven-archetype-plugin:3.2.1:generate";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long NESTED_BUILD_MINUTES = 8;

    @Test
    void aProjectGeneratedFromTheArchetypeBuildsToAPluginThatLoadsTrainsDrawsAndGoes(CajalRuntime runtime)
            throws Exception {
        RunningCajal cajal = runtime.kit();
        Path work = Path.of(System.getProperty("cajal.sdk.work")).toAbsolutePath();
        deleteWithoutFollowingLinks(work);
        Path repository = localRepository(work.resolve("repository"));
        Path generated = Files.createDirectories(work.resolve("generated"));

        String version = System.getProperty("cajal.version");
        maven(generated, repository, "generate", ARCHETYPE_PLUGIN, "-DarchetypeGroupId=org.cajal",
                "-DarchetypeArtifactId=cajal-plugin-archetype", "-DarchetypeVersion=" + version,
                "-DgroupId=org.example.noise", "-DartifactId=noise-plugin", "-Dversion=1.0.0",
                "-Dpackage=org.example.noise", "-DinteractiveMode=false");
        Path project = generated.resolve("noise-plugin");
        assertTrue(Files.isRegularFile(project.resolve("src/main/java/org/example/noise/GaussianNoiseLayerType.java")),
                "the archetype generated the sample layer type in the chosen package");
        maven(project, repository, "package", "package");
        Path jar = project.resolve("target/noise-plugin-1.0.0.jar");
        assertTrue(Files.isRegularFile(jar), "mvn package built the drop-in jar");

        DroppedPlugin plugin = cajal.drop(jar);
        try {
            assertEquals("org.example.noise", plugin.symbolicName());
            assertEquals("org.example.noise.GaussianNoiseLayerType",
                    cajal.awaitComponent(ComponentKind.LAYER_TYPE, "gaussian-noise", WAIT).componentName());
            assertEquals("org.example.noise",
                    cajal.awaitComponent(ComponentKind.VISUALISER, "generalisation-gap", WAIT).bundle());

            Path dir = cajal.newFolder("plugin-sdk");
            Path pipeline = Files.copy(project.resolve("examples/noisy-xor.json"), dir.resolve("noisy-xor.json"));
            CommandOutcome trained = cajal.run(pipeline.toString(), "--out", dir.resolve("runs").toString());
            assertEquals(0, trained.status(), trained::toString);
            Matcher accuracy = Pattern.compile("\"accuracy\"\\s*:\\s*([0-9.]+)")
                    .matcher(Files.readString(trained.runFolder().resolve("evaluation.json")));
            assertTrue(accuracy.find(), "evaluation.json has an accuracy");
            assertTrue(Double.parseDouble(accuracy.group(1)) > 0.8, "held-out accuracy " + accuracy.group(1));

            Path plots = dir.resolve("plots");
            CommandOutcome plotted = cajal.command("plot", trained.runFolder().toString(), "--out", plots.toString());
            assertEquals(0, plotted.status(), plotted::toString);
            assertTrue(Files.size(plots.resolve("generalisation-gap.png")) > 1000, plotted::toString);
        } finally {
            plugin.remove(WAIT);
        }
        cajal.awaitComponentGone(ComponentKind.LAYER_TYPE, "gaussian-noise", WAIT);
        cajal.awaitComponentGone(ComponentKind.VISUALISER, "generalisation-gap", WAIT);
        CommandOutcome missing = cajal.run(project.resolve("examples/noisy-xor.json").toString(),
                "--out", cajal.newFolder("plugin-sdk-gone").toString());
        assertEquals(1, missing.status(), missing::toString);
        assertTrue(missing.err().contains("no layer type 'gaussian-noise' is installed"), missing::toString);
        assertTrue(cajal.framework().problemBundles().isEmpty(),
                () -> cajal.framework().describe(cajal.framework().problemBundles()));
    }

    /**
     * A local repository for the nested build: org/cajal holds this build's artifacts in repository layout, and
     * every other entry links to the outer build's local repository (read only in practice: the nested build is
     * offline and installs nothing).
     */
    private static Path localRepository(Path repository) throws IOException {
        Path outer = Path.of(System.getProperty("cajal.sdk.outerRepository"));
        Path org = Files.createDirectories(repository.resolve("org"));
        try (Stream<Path> top = Files.list(outer)) {
            for (Path entry : top.toList()) {
                if (!entry.getFileName().toString().equals("org")) {
                    Files.createSymbolicLink(repository.resolve(entry.getFileName().toString()), entry);
                }
            }
        }
        if (Files.isDirectory(outer.resolve("org"))) {
            try (Stream<Path> orgs = Files.list(outer.resolve("org"))) {
                for (Path entry : orgs.toList()) {
                    if (!entry.getFileName().toString().equals("cajal")) {
                        Files.createSymbolicLink(org.resolve(entry.getFileName().toString()), entry);
                    }
                }
            }
        }
        // maven-dependency-plugin copied them as <artifactId>-<version>.<jar|pom>
        String version = System.getProperty("cajal.version");
        String suffix = "-" + version + ".";
        Path artifacts = Path.of(System.getProperty("cajal.sdk.artifacts"));
        List<String> laidOut = new ArrayList<>();
        try (Stream<Path> files = Files.list(artifacts)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                int at = name.lastIndexOf(suffix);
                if (at < 0) {
                    continue;
                }
                String artifactId = name.substring(0, at);
                Path folder = Files.createDirectories(org.resolve("cajal").resolve(artifactId).resolve(version));
                Files.copy(file, folder.resolve(name));
                laidOut.add(name);
            }
        }
        assertTrue(laidOut.stream().anyMatch(n -> n.startsWith("cajal-plugin-archetype-")), "laid out: " + laidOut);
        return repository;
    }

    /** Runs the outer build's Maven, offline, on the nested repository; fails with the log's end if it fails. */
    private static void maven(Path dir, Path repository, String name, String... arguments) throws Exception {
        String home = System.getProperty("maven.home");
        String mvn = home == null || home.isBlank() ? "mvn" : Path.of(home, "bin", "mvn").toString();
        List<String> command = new ArrayList<>(List.of(mvn, "-B", "-o", "-Dmaven.repo.local=" + repository,
                "-Dstyle.color=never"));
        command.addAll(List.of(arguments));
        Path log = dir.getParent().resolve("mvn-" + name + ".log");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(NESTED_BUILD_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("nested mvn " + name + " did not finish within " + NESTED_BUILD_MINUTES
                    + " minutes; log: " + log + "\n" + tail(log));
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        System.out.println("PluginSdkTest: nested mvn " + name + " took " + seconds + " s");
        if (process.exitValue() != 0) {
            throw new AssertionError("nested mvn " + name + " failed (exit " + process.exitValue() + "): "
                    + String.join(" ", command) + "\nin " + dir + "; log " + log + ":\n" + tail(log));
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    /** Deletes a folder tree; a link is deleted itself, never what it points to (the outer local repository). */
    private static void deleteWithoutFollowingLinks(Path folder) throws IOException {
        if (!Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file); // links to folders arrive here too: walkFileTree does not follow links
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
