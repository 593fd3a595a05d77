package org.cajal.checks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import aQute.bnd.differ.Baseline;
import aQute.bnd.differ.DiffPluginImpl;
import aQute.bnd.osgi.Jar;
import aQute.bnd.osgi.Processor;
import org.cajal.api.ComponentKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bnd's semantic-versioning baseline of the API bundle (the plugin SDK) against the API as last released
 * (src/test/resources/baseline/api.jar): every exported package whose change needs a higher version than the
 * {@code @Version} of its package-info fails, with bnd's suggested version. When a round ends, the built API jar
 * becomes the new baseline.
 */
class ApiBaselineTest {

    @Test
    void everyApiChangeCarriesItsVersionBump(@TempDir Path dir) throws Exception {
        File current = new File(ComponentKind.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(current.isFile(), "the API bundle jar on the class path: " + current);
        Path released = dir.resolve("api-released.jar");
        try (InputStream in = ApiBaselineTest.class.getResourceAsStream("/baseline/api.jar")) {
            Files.copy(in, released);
        }
        List<String> mismatches = new ArrayList<>();
        try (Processor reporter = new Processor(); Jar newer = new Jar(current); Jar older = new Jar(released.toFile())) {
            Set<Baseline.Info> infos = new Baseline(reporter, new DiffPluginImpl()).baseline(newer, older, null);
            assertFalse(infos.isEmpty(), "the baseline compared the API's packages");
            for (Baseline.Info info : infos) {
                if (info.mismatch) {
                    mismatches.add(info.packageName + ": declared " + info.newerVersion + ", the change needs "
                            + info.suggestedVersion + " (was " + info.olderVersion + ")");
                }
            }
        }
        assertTrue(mismatches.isEmpty(), "bump @Version in the package-info of:\n" + String.join("\n", mismatches));
    }
}
