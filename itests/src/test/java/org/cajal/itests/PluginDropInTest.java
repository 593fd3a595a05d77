package org.cajal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A plugin jar copied into plugins/ of the running framework registers its service within seconds and can be used
 * by a pipeline; removing the jar unregisters it cleanly, the pipeline then names the missing type, and every
 * other bundle stays active.
 */
@ExtendWith(CajalRuntime.class)
class PluginDropInTest {

    private static final String SERVICE = "(&(objectClass=org.cajal.api.data.DatasetProvider)"
            + "(component.name=org.cajal.itests.fixture.internal.NoisyLineDataset))";
    private static final String PIPELINE = """
            {
              "schema": 1,
              "name": "line",
              "dataset": { "type": "fixture-line", "params": { "samples": 200, "noise": 0.05 } },
              "model": { "layers": [ { "type": "output", "params": { "activation": "identity" } } ] },
              "training": { "loss": "mse", "optimizer": { "type": "sgd", "params": { "learningRate": 0.1 } },
                            "epochs": 100, "batchSize": 0 }
            }
            """;

    @Test
    void aDroppedPluginComesAndGoes(CajalRuntime cajal) throws Exception {
        Path jar = Path.of(System.getProperty("cajal.fixtures"), "itests-fixture-plugin.jar");
        Path dropped = cajal.plugins().resolve("fixture-plugin.jar");
        Path dir = cajal.newFolder("plugin");
        Path pipeline = Files.writeString(dir.resolve("line.json"), PIPELINE);
        awaitGone(cajal, Duration.ofSeconds(30)); // not there yet (another test may have dropped it before)

        Files.copy(jar, dropped);
        assertTrue(cajal.framework().waitForService(SERVICE, Duration.ofSeconds(30)).isPresent(),
                "the dropped plugin's dataset did not appear within 30 s");
        CajalRuntime.Outcome used = cajal.run(pipeline.toString(), "--out", dir.toString());
        assertEquals(0, used.status(), used::toString);
        assertTrue(used.out().contains("r2"), used::toString);

        Files.delete(dropped);
        awaitGone(cajal, Duration.ofSeconds(30));
        assertTrue(Arrays.stream(cajal.framework().context().getBundles())
                .noneMatch(PluginDropInTest::isFixture), "bundle uninstalled");
        CajalRuntime.Outcome missing = cajal.run(pipeline.toString(), "--out", dir.toString());
        assertEquals(1, missing.status(), missing::toString);
        assertTrue(missing.err().contains("$.dataset.type: no dataset 'fixture-line' is installed"), missing::toString);
        assertTrue(missing.err().contains("installed: ") && missing.err().contains("csv, ")
                && missing.err().contains("xor"), missing::toString);
        assertTrue(cajal.framework().problemBundles().isEmpty(),
                () -> cajal.framework().describe(cajal.framework().problemBundles()));
    }

    /** Waits until the fixture plugin's service and bundle are both gone (other tests that drop it use this too). */
    static void awaitGone(CajalRuntime cajal, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            // FileInstall unregisters the service when it stops the bundle, then uninstalls it: wait for both
            if (cajal.framework().context().getServiceReferences((String) null, SERVICE) == null
                    && Arrays.stream(cajal.framework().context().getBundles()).noneMatch(PluginDropInTest::isFixture)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the plugin's service or bundle was still there " + timeout.toSeconds()
                + " s after its jar was removed");
    }

    private static boolean isFixture(org.osgi.framework.Bundle b) {
        return "org.cajal.itests.fixture".equals(b.getSymbolicName());
    }

}
