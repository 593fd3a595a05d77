package org.cajal.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cajal.launcher.spi.LauncherCommand;
import org.cajal.launcher.testbundle.EchoCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.startlevel.BundleStartLevel;

class CajalFrameworkTest {

    @TempDir
    Path home;

    private Bundle bundle(CajalFramework cajal, String symbolicName) {
        for (Bundle b : cajal.context().getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError(symbolicName + " is not installed:\n" + cajal.describeAllBundles());
    }

    private static int level(Bundle b) {
        return b.adapt(BundleStartLevel.class).getStartLevel();
    }

    private void sampleBundles() throws IOException {
        Path bundles = TestBundles.distribution(home).resolve("bundles");
        TestBundles.write(bundles.resolve("slf4j-api.jar"), Map.of("Bundle-SymbolicName", "slf4j.api"));
        TestBundles.write(bundles.resolve("sample.jar"), Map.of("Bundle-SymbolicName", "org.cajal.sample",
                "Import-Package", "org.cajal.launcher.spi;version=\"[1.0,2)\""));
        TestBundles.write(bundles.resolve("sample-fragment.jar"), Map.of("Bundle-SymbolicName",
                "org.cajal.sample.fragment", "Fragment-Host", "org.cajal.sample"));
        TestBundles.write(bundles.resolve("shell/gogo-shell.jar"),
                Map.of("Bundle-SymbolicName", "org.apache.felix.gogo.shell"));
    }

    @Test
    void installsEveryBundleAtItsStartLevelAndStartsAllButFragments() throws Exception {
        sampleBundles();
        try (CajalFramework cajal = CajalFramework.start(home, Map.of())) {
            assertEquals(List.of(), cajal.problemBundles(), cajal.describeAllBundles());
            assertEquals(StartLevels.INFRASTRUCTURE, level(bundle(cajal, "slf4j.api")));
            Bundle sample = bundle(cajal, "org.cajal.sample");
            assertEquals(StartLevels.PLATFORM, level(sample));
            assertEquals(Bundle.ACTIVE, sample.getState(), "imports org.cajal.launcher.spi from the framework");
            assertEquals(Bundle.RESOLVED, bundle(cajal, "org.cajal.sample.fragment").getState());
            assertTrue(sample.getLocation().startsWith("reference:file:"), sample.getLocation());
            assertFalse(cajal.describeAllBundles().contains("gogo"), "the shell only comes with cajal.shell=true");
            assertEquals(home.toAbsolutePath().toString(), cajal.context().getProperty(CajalFramework.HOME_PROPERTY));
        }
    }

    @Test
    void theShellBundlesComeLastWhenAskedFor() throws Exception {
        sampleBundles();
        try (CajalFramework cajal = CajalFramework.start(home, Map.of(CajalFramework.SHELL_PROPERTY, "true"))) {
            Bundle shell = bundle(cajal, "org.apache.felix.gogo.shell");
            assertEquals(StartLevels.PLUGINS, level(shell));
            assertEquals(Bundle.ACTIVE, shell.getState());
        }
    }

    @Test
    void excludedJarsAreNotInstalledAndCopyingCanReplaceReferences() throws Exception {
        sampleBundles();
        Map<String, String> config = Map.of(CajalFramework.EXCLUDE_PROPERTY, "sample-fragment.jar, slf4j-*",
                CajalFramework.REFERENCE_PROPERTY, "false");
        try (CajalFramework cajal = CajalFramework.start(home, config)) {
            String table = cajal.describeAllBundles();
            assertFalse(table.contains("org.cajal.sample.fragment"), table);
            assertFalse(table.contains("slf4j.api"), table);
            assertTrue(bundle(cajal, "org.cajal.sample").getLocation().startsWith("file:"));
        }
    }

    @Test
    void aBundleThatCannotResolveIsReportedWithTheReason() throws Exception {
        Path bundles = TestBundles.distribution(home).resolve("bundles");
        TestBundles.write(bundles.resolve("broken.jar"), Map.of("Bundle-SymbolicName", "org.cajal.broken",
                "Import-Package", "org.nowhere.missing"));
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (CajalFramework cajal = CajalFramework.start(home, Map.of())) {
            List<Bundle> problems = cajal.problemBundles();
            assertEquals(1, problems.size());
            String report = cajal.describe(problems);
            assertTrue(report.contains("INSTALLED"), report);
            assertTrue(report.contains("org.cajal.broken"), report);
            assertTrue(report.contains("org.nowhere.missing"), report);
        } finally {
            System.setErr(stderr);
        }
        assertTrue(captured.toString(StandardCharsets.UTF_8).contains("cajal: bundle org.cajal.broken:"), captured.toString());
    }

    @Test
    void findsACommandThatABundleRegisters() throws Exception {
        TestBundles.write(TestBundles.distribution(home).resolve("bundles/echo.jar"), Map.of(
                "Bundle-SymbolicName", "org.cajal.echo",
                "Bundle-Activator", EchoCommand.class.getName(),
                "Import-Package", "org.cajal.launcher.spi;version=\"[1.0,2)\",org.osgi.framework"), EchoCommand.class);
        try (CajalFramework cajal = CajalFramework.start(home, Map.of())) {
            LauncherCommand run = cajal.waitForCommand("run", Duration.ofSeconds(10)).orElseThrow();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertEquals(7, run.execute(List.of("a.json"), new PrintStream(out, true, StandardCharsets.UTF_8), System.err));
            assertEquals("echo a.json", out.toString(StandardCharsets.UTF_8).strip());
            assertEquals(Optional.empty(), cajal.waitForCommand("train", Duration.ofMillis(50)));
        }
    }

    @Test
    void anUnpackedBundleIsInstalledByReferenceAndItsEmbeddedJarReadInPlace() throws Exception {
        Path echo = TestBundles.distribution(home).resolve("bundles/echo");
        TestBundles.write(echo.resolve("lib/echo-classes.jar"), Map.of(), EchoCommand.class);
        TestBundles.writeManifest(echo, Map.of(
                "Bundle-SymbolicName", "org.cajal.echo",
                "Bundle-ClassPath", "lib/echo-classes.jar",
                "Bundle-Activator", EchoCommand.class.getName(),
                "Import-Package", "org.cajal.launcher.spi;version=\"[1.0,2)\",org.osgi.framework"));
        // copying is asked for, but a folder can only be installed by reference
        try (CajalFramework cajal = CajalFramework.start(home, Map.of(CajalFramework.REFERENCE_PROPERTY, "false"))) {
            Bundle bundle = bundle(cajal, "org.cajal.echo");
            assertEquals(Bundle.ACTIVE, bundle.getState(), cajal.describeAllBundles());
            assertTrue(bundle.getLocation().startsWith("reference:file:"), bundle.getLocation());
            LauncherCommand run = cajal.waitForCommand("run", Duration.ofSeconds(10)).orElseThrow();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertEquals(7, run.execute(List.of("b.json"), new PrintStream(out, true, StandardCharsets.UTF_8), System.err));
            try (java.util.stream.Stream<Path> files = Files.walk(cajal.storage())) {
                assertEquals(List.of(), files.filter(f -> f.getFileName().toString().equals("echo-classes.jar")).toList(),
                        "the embedded jar is read where it lies, not inflated into the framework's storage");
            }
        }
    }

    @Test
    void waitsForAServiceThatArrivesLater() throws Exception {
        TestBundles.distribution(home);
        try (CajalFramework cajal = CajalFramework.start(home, Map.of())) {
            Thread registrar = new Thread(() -> {
                sleep(300);
                Hashtable<String, Object> properties = new Hashtable<>();
                properties.put("id", "late");
                cajal.context().registerService(CharSequence.class, "hello", properties);
            });
            registrar.start();
            assertEquals(Optional.of("hello"), cajal.waitForService("(id=late)", Duration.ofSeconds(10)));
            assertEquals(Optional.of("hello"), cajal.waitForService(CharSequence.class.getName(), Duration.ofSeconds(1)));
            assertEquals(Optional.empty(), cajal.waitForService("java.lang.Runnable", Duration.ofMillis(50)));
            assertThrows(IllegalArgumentException.class, () -> cajal.waitForService("(broken", Duration.ofMillis(1)));
            registrar.join();
        }
    }

    @Test
    void aTemporaryStorageFolderIsDeletedAtCloseButAGivenOneIsKept() throws Exception {
        TestBundles.distribution(home);
        CajalFramework temporary = CajalFramework.start(home, Map.of());
        Path storage = temporary.storage();
        assertTrue(Files.isDirectory(storage));
        temporary.close();
        temporary.close();
        assertFalse(Files.exists(storage), "the framework cache must not outlive the process");

        Map<String, String> config = new HashMap<>();
        config.put("org.osgi.framework.storage", home.resolve("cache").toString());
        try (CajalFramework kept = CajalFramework.start(home, config)) {
            assertEquals(home.resolve("cache"), kept.storage());
        }
        assertTrue(Files.isDirectory(home.resolve("cache")));
    }

    @Test
    void aFolderWithoutBundlesIsNotADistribution() {
        IOException e = assertThrows(IOException.class, () -> CajalFramework.start(home, Map.of()));
        assertTrue(e.getMessage().contains("no bundles folder"), e.getMessage());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
