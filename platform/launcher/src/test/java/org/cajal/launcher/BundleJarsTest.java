package org.cajal.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleJarsTest {

    @TempDir
    Path home;

    @Test
    void findsJarsAndUnpackedBundlesInNameOrder() throws Exception {
        Path bundles = TestBundles.distribution(home).resolve("bundles");
        TestBundles.write(bundles.resolve("b.jar"), Map.of("Bundle-SymbolicName", "b"));
        TestBundles.writeManifest(bundles.resolve("a"), Map.of("Bundle-SymbolicName", "a"));
        TestBundles.write(bundles.resolve("shell/gogo.jar"), Map.of("Bundle-SymbolicName", "gogo"));
        Files.createDirectories(bundles.resolve("notes"));
        Files.writeString(bundles.resolve("README.txt"), "not a bundle");

        assertEquals(List.of(bundles.resolve("a"), bundles.resolve("b.jar")), BundleJars.find(home, false, null),
                "a folder without META-INF/MANIFEST.MF (shell/, notes/) and other files are not bundles");
        assertEquals(List.of(bundles.resolve("a"), bundles.resolve("b.jar"), bundles.resolve("shell/gogo.jar")),
                BundleJars.find(home, true, ""));
        assertEquals(List.of(bundles.resolve("b.jar")), BundleJars.find(home, false, "a"));
    }
}
