package org.cajal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.cajal.api.ComponentKind;
import org.cajal.testkit.DroppedPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The GAN plugin as a third party ships it: its jar dropped into plugins/ of the running framework, the shipped
 * 2-D mixture example trained in batch mode (the generated distribution moves toward the data), both visualisers
 * drawn by {@code cajal plot}; the jar removed, its types are gone and the pipeline names the missing one.
 */
@ExtendWith(CajalRuntime.class)
class GanPluginTest {

    static final String EXAMPLES = "cajal.gan.examples";
    static final String MIXTURE = "gan-mixture.json";
    static final int MIXTURE_EPOCHS = 40;
    static final int SHORT_EPOCHS = 20;
    static final List<String> VISUALISER_TITLES = List.of("samples", "losses");
    private static final String ARCHITECTURE = "(&(objectClass=org.cajal.api.model.ArchitectureProvider)"
            + "(component.name=org.cajal.plugins.gan.GanArchitecture))";

    @Test
    void aDroppedGanLearnsTheMixtureAndGoesWhenRemoved(CajalRuntime cajal) throws Exception {
        Path dir = cajal.newFolder("gan");
        Path pipeline = PluginExamples.shortened(EXAMPLES, MIXTURE, MIXTURE_EPOCHS, SHORT_EPOCHS, dir);
        DroppedPlugin dropped = cajal.kit().drop(PluginExamples.jar("gan"));
        try {
            // drop() returns once every component of the plugin is registered, not only the first
            assertTrue(cajal.kit().component(ComponentKind.DATASET, "gaussian-mixture").isPresent(),
                    "the plugin's dataset is registered when drop() returns");
            assertTrue(cajal.framework().waitForService(ARCHITECTURE, Duration.ofSeconds(1)).isPresent(),
                    "the plugin's architecture is registered when drop() returns");
            CajalRuntime.Outcome trained = cajal.run(pipeline.toString(), "--out", dir.resolve("runs").toString());
            assertEquals(0, trained.status(), trained::toString);
            Path run = CajalRuntime.runFolder(trained);

            List<String> metrics = Files.readAllLines(run.resolve("metrics.csv"));
            assertEquals("epoch,train_loss,validation_loss,validation_energy_distance,generator_loss,"
                    + "discriminator_loss", metrics.get(0));
            assertEquals(SHORT_EPOCHS + 1, metrics.size());
            double first = Double.parseDouble(metrics.get(1).split(",")[3]);
            // GAN training oscillates: the best of the last five epochs, not the very last one
            double late = metrics.subList(SHORT_EPOCHS - 4, SHORT_EPOCHS + 1).stream()
                    .mapToDouble(line -> Double.parseDouble(line.split(",")[3])).min().orElseThrow();
            assertTrue(late < first / 2, "the generated distribution moves toward the data: energy distance "
                    + first + " after epoch 1, " + late + " at best in the last five epochs; " + metrics);
            Map<?, ?> evaluation = new ObjectMapper().readValue(run.resolve("evaluation.json").toFile(), Map.class);
            assertTrue(evaluation.get("energy_distance") instanceof Number, evaluation::toString);
            assertTrue(Files.isRegularFile(run.resolve("gan-samples.json")), "samples saved with the model");

            Path plots = dir.resolve("plots");
            CajalRuntime.Outcome plotted = cajal.command("plot", run.toString(), "--out", plots.toString());
            assertEquals(0, plotted.status(), plotted::toString);
            for (String visualiser : List.of("gan-samples", "gan-losses", "loss-curves")) {
                assertTrue(Files.isRegularFile(plots.resolve(visualiser + ".png")), visualiser + ": " + plotted);
            }
            assertTrue(Files.notExists(plots.resolve("confusion-matrix.png")), "no target, no confusion matrix");
        } finally {
            dropped.remove(Duration.ofSeconds(30));
        }
        CajalRuntime.Outcome missing = cajal.run(pipeline.toString(), "--out", dir.resolve("runs").toString());
        assertEquals(1, missing.status(), missing::toString);
        assertTrue(missing.err().contains("gaussian-mixture"), missing::toString);
    }

    @Test
    void theFashionExampleTrainsOnImagesWithItsPreprocessingSavedInTheModel(CajalRuntime cajal) throws Exception {
        Path dir = cajal.newFolder("gan-fashion");
        Path pipeline = PluginExamples.shortened(EXAMPLES, "gan-fashion.json", 10, 2, dir);
        // a subset, to keep the test short: the example's images, labels ignored, pixels scaled, sigmoid output
        Files.writeString(pipeline, Files.readString(pipeline).replace("\"limit\": 6000", "\"limit\": 600"));
        DroppedPlugin dropped = cajal.kit().drop(PluginExamples.jar("gan"));
        try {
            assertTrue(cajal.framework().waitForService(ARCHITECTURE, Duration.ofSeconds(30)).isPresent());
            CajalRuntime.Outcome trained = cajal.run(pipeline.toString(), "--out", dir.resolve("runs").toString());
            assertEquals(0, trained.status(), trained::toString);
            Path run = CajalRuntime.runFolder(trained);
            Map<?, ?> evaluation = new ObjectMapper().readValue(run.resolve("evaluation.json").toFile(), Map.class);
            assertEquals(60, ((Number) evaluation.get("examples")).intValue(), evaluation::toString);
            assertTrue(evaluation.get("energy_distance") instanceof Number, evaluation::toString);
            assertEquals("none", new ObjectMapper().readTree(run.resolve("schema.json").toFile())
                    .get("targetKind").asText(), "the images' class labels are ignored");
            // the fitted image-scale step travels inside the GAN's zip, beside both networks
            try (var zip = new java.util.zip.ZipFile(run.resolve("model.zip").toFile())) {
                assertTrue(zip.getEntry("objects/cajal-preprocessing") != null, "preprocessing in model.zip");
                assertTrue(zip.getEntry("generator.zip") != null && zip.getEntry("discriminator.zip") != null);
            }
            Path plots = dir.resolve("plots");
            CajalRuntime.Outcome plotted = cajal.command("plot", run.toString(), "--out", plots.toString());
            assertEquals(0, plotted.status(), plotted::toString);
            assertTrue(Files.isRegularFile(plots.resolve("gan-samples.png")), plotted::toString);
        } finally {
            dropped.remove(Duration.ofSeconds(30));
        }
    }
}
