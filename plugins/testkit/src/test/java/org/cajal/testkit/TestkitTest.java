package org.cajal.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts of the testkit that need no framework: finding the installation, reading jars and outcomes. */
class TestkitTest {

    @TempDir
    Path dir;

    @Test
    void anInstallationFolderIsAcceptedAndAnythingElseExplained() throws IOException {
        Files.createDirectories(dir.resolve("cajal/bundles"));
        IllegalStateException noLib = assertThrows(IllegalStateException.class,
                () -> CajalHome.check(dir.resolve("cajal"), "the system property cajal.home"));
        assertTrue(noLib.getMessage().startsWith("the system property cajal.home names " + dir.resolve("cajal")
                + ", which has no lib/ folder"), noLib.getMessage());

        Files.createDirectories(dir.resolve("cajal/lib"));
        assertEquals(dir.resolve("cajal").toAbsolutePath(), CajalHome.check(dir.resolve("cajal"), "x"));

        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> CajalHome.check(dir.resolve("nowhere"), "CAJAL_HOME"));
        assertTrue(missing.getMessage().contains("nowhere, which is not a folder"), missing.getMessage());
    }

    @Test
    void theBundleNameComesFromTheManifestWithoutDirectives() throws IOException {
        Path jar = jar("plugin.jar", "org.example.noise;singleton:=true");
        assertEquals("org.example.noise", DroppedPlugin.symbolicName(jar));

        Path plain = jar("plain.jar", null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DroppedPlugin.symbolicName(plain));
        assertTrue(e.getMessage().contains("is not an OSGi bundle"), e.getMessage());
        IllegalArgumentException absent = assertThrows(IllegalArgumentException.class,
                () -> DroppedPlugin.symbolicName(dir.resolve("target/missing.jar")));
        assertTrue(absent.getMessage().contains("build it first"), absent.getMessage());
    }

    @Test
    void theRunFolderIsTheLastOnePrinted() {
        CommandOutcome ok = new CommandOutcome(0, "epoch 1 ...\nrun folder: /tmp/runs/a\n", "");
        assertEquals(Path.of("/tmp/runs/a"), ok.runFolder());
        assertTrue(ok.succeeded());
        CommandOutcome failed = new CommandOutcome(1, "", "$.dataset.type: no dataset 'x' is installed\n");
        AssertionError e = assertThrows(AssertionError.class, failed::runFolder);
        assertTrue(e.getMessage().contains("exit 1") && e.getMessage().contains("no dataset 'x'"), e.getMessage());
    }

    private Path jar(String name, String symbolicName) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (symbolicName != null) {
            manifest.getMainAttributes().putValue("Bundle-SymbolicName", symbolicName);
        }
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, manifest)) {
            j.flush();
        }
        return jar;
    }
}
