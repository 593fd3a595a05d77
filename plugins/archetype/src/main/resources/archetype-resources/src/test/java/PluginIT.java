package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cajal.testkit.CajalExtension;
import org.cajal.testkit.CommandOutcome;
import org.cajal.api.ComponentKind;
import org.cajal.testkit.DroppedPlugin;
import org.cajal.testkit.RunningCajal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The plugin as a user meets it: the built jar dropped into plugins/ of a real Cajal (the installation named by
 * -Dcajal.home or CAJAL_HOME), its layer type and visualiser appear, the example pipeline trains with the layer and
 * the visualiser draws the run; taking the jar out removes both again.
 */
@ExtendWith(CajalExtension.class)
class PluginIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void theDroppedPluginTrainsAndDrawsAndGoesAgain(RunningCajal cajal) throws Exception {
        DroppedPlugin plugin = cajal.drop(Path.of(System.getProperty("plugin.jar")));
        try {
            cajal.awaitComponent(ComponentKind.LAYER_TYPE, GaussianNoiseLayerType.ID, WAIT);
            cajal.awaitComponent(ComponentKind.VISUALISER, GeneralisationGapVisualiser.ID, WAIT);

            Path dir = cajal.newFolder("noisy-xor");
            Path pipeline = Files.copy(Path.of(System.getProperty("plugin.examples"), "noisy-xor.json"),
                    dir.resolve("noisy-xor.json"));
            CommandOutcome trained = cajal.run(pipeline.toString(), "--out", dir.resolve("runs").toString());
            assertEquals(0, trained.status(), trained::toString);
            Matcher accuracy = Pattern.compile("\"accuracy\"\\s*:\\s*([0-9.]+)").matcher(
                    Files.readString(trained.runFolder().resolve("evaluation.json")));
            assertTrue(accuracy.find(), "evaluation.json reports an accuracy");
            assertTrue(Double.parseDouble(accuracy.group(1)) > 0.8, "held-out accuracy " + accuracy.group(1));

            Path plots = dir.resolve("plots");
            CommandOutcome plotted = cajal.command("plot", trained.runFolder().toString(), "--out", plots.toString());
            assertEquals(0, plotted.status(), plotted::toString);
            assertTrue(Files.size(plots.resolve(GeneralisationGapVisualiser.ID + ".png")) > 0, plotted::toString);
        } finally {
            plugin.remove(WAIT);
        }
        cajal.awaitComponentGone(ComponentKind.LAYER_TYPE, GaussianNoiseLayerType.ID, WAIT);
        cajal.awaitComponentGone(ComponentKind.VISUALISER, GeneralisationGapVisualiser.ID, WAIT);
    }
}
