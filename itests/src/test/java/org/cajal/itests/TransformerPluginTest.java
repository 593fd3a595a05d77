package org.cajal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.cajal.testkit.DroppedPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The transformer plugin as a third party ships it: a separate jar, written only against the public API, dropped
 * into plugins/ of the running framework. Its architecture, text dataset and attention-map visualiser appear; a
 * pipeline trains with them and learns the negation corpus; removing the jar removes them and the pipeline names
 * the missing type.
 */
@ExtendWith(CajalRuntime.class)
class TransformerPluginTest {

    static final String EXAMPLES = "cajal.transformer.examples";
    private static final String ARCHITECTURE = "(&(objectClass=org.cajal.api.model.ArchitectureProvider)"
            + "(component.name=org.cajal.plugins.transformer.TransformerArchitecture))";

    @Test
    void aDroppedTransformerLearnsTheNegationCorpusAndGoesWhenRemoved(CajalRuntime cajal) throws Exception {
        Path jar = PluginExamples.jar("transformer");
        Path dir = cajal.newFolder("transformer");
        // the shipped example with fewer epochs, to keep the test short
        Path pipeline = PluginExamples.shortened(EXAMPLES, "transformer-negation.json", 30, 12, dir, "negation.csv");

        DroppedPlugin dropped = cajal.kit().drop(jar);
        try {
            assertTrue(cajal.framework().waitForService(ARCHITECTURE, Duration.ofSeconds(30)).isPresent(),
                    "the dropped plugin's architecture did not appear within 30 s");
            CajalRuntime.Outcome trained = cajal.run(pipeline.toString(), "--out", dir.resolve("runs").toString());
            assertEquals(0, trained.status(), trained::toString);
            Path run = CajalRuntime.runFolder(trained);
            Map<?, ?> evaluation = new ObjectMapper().readValue(run.resolve("evaluation.json").toFile(), Map.class);
            double accuracy = ((Number) evaluation.get("accuracy")).doubleValue();
            // every word occurs in both classes: chance is 0.5, a bag of words cannot do much better
            assertTrue(accuracy > 0.8, "held-out accuracy " + accuracy);
            assertTrue(Files.isRegularFile(run.resolve("attention.json")), "attention maps saved with the model");

            Path plots = dir.resolve("plots");
            CajalRuntime.Outcome plotted = cajal.command("plot", run.toString(), "--out", plots.toString());
            assertEquals(0, plotted.status(), plotted::toString);
            assertTrue(Files.isRegularFile(plots.resolve("attention-map.png")), plotted::toString);
            assertTrue(Files.notExists(plots.resolve("weight-histogram.png")),
                    "layer-stack visualisers do not take a model the runtime cannot open");
        } finally {
            dropped.remove(Duration.ofSeconds(30));
        }
        CajalRuntime.Outcome missing = cajal.run(pipeline.toString(), "--out", dir.resolve("runs").toString());
        assertEquals(1, missing.status(), missing::toString);
        assertTrue(missing.err().contains("text-csv"), missing::toString);
    }
}
