package org.cajal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.cajal.api.ComponentKind;
import org.cajal.testkit.DroppedPlugin;
import org.cajal.testkit.InstalledComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A plugin jar copied into plugins/ of the running framework registers its service within seconds and can be used
 * by a pipeline; removing the jar unregisters it cleanly, the pipeline then names the missing type, and every
 * other bundle stays active.
 */
@ExtendWith(CajalRuntime.class)
class PluginDropInTest {

    private static final String FIXTURE = "org.cajal.itests.fixture";
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
        Path dir = cajal.newFolder("plugin");
        Path pipeline = Files.writeString(dir.resolve("line.json"), PIPELINE);
        awaitGone(cajal, Duration.ofSeconds(30)); // not there yet (another test may have dropped it before)

        DroppedPlugin plugin = cajal.kit().drop(jar);
        assertEquals(FIXTURE, plugin.symbolicName());
        InstalledComponent dataset = cajal.kit().awaitComponent(ComponentKind.DATASET, "fixture-line",
                Duration.ofSeconds(30));
        assertEquals("org.cajal.itests.fixture.internal.NoisyLineDataset", dataset.componentName());
        assertEquals(FIXTURE, dataset.bundle());
        CajalRuntime.Outcome used = cajal.run(pipeline.toString(), "--out", dir.toString());
        assertEquals(0, used.status(), used::toString);
        assertTrue(used.out().contains("r2"), used::toString);

        plugin.remove(Duration.ofSeconds(30));
        awaitGone(cajal, Duration.ofSeconds(30));
        assertTrue(cajal.kit().component(ComponentKind.DATASET, "fixture-line").isEmpty(), "dataset unregistered");
        CajalRuntime.Outcome missing = cajal.run(pipeline.toString(), "--out", dir.toString());
        assertEquals(1, missing.status(), missing::toString);
        assertTrue(missing.err().contains("$.dataset.type: no dataset 'fixture-line' is installed"), missing::toString);
        assertTrue(missing.err().contains("installed: ") && missing.err().contains("csv, ")
                && missing.err().contains("xor"), missing::toString);
        assertTrue(cajal.framework().problemBundles().isEmpty(),
                () -> cajal.framework().describe(cajal.framework().problemBundles()));
    }

    /** Waits until the fixture plugin's dataset and bundle are both gone (other tests that drop it use this too). */
    static void awaitGone(CajalRuntime cajal, Duration timeout) throws Exception {
        // FileInstall unregisters the service when it stops the bundle, then uninstalls it: wait for both
        cajal.kit().awaitComponentGone(ComponentKind.DATASET, "fixture-line", timeout);
        long end = System.nanoTime() + timeout.toNanos();
        while (cajal.kit().bundle(FIXTURE).isPresent()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("bundle " + FIXTURE + " was still installed " + timeout.toSeconds()
                        + " s after its jar was removed");
            }
            Thread.sleep(100);
        }
    }
}
