package org.cajal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * `cajal plot` draws a finished run with the installed visualisers — the same ones the workbench's Results view
 * shows — to PNG and SVG, without a window.
 */
@ExtendWith(CajalRuntime.class)
class PlotTest {

    @Test
    void plotsEveryVisualiserThatFitsAClassificationRun(CajalRuntime cajal) throws Exception {
        Path runs = cajal.newFolder("plot-runs");
        CajalRuntime.Outcome trained = cajal.run(
                CajalRuntime.distribution().resolve("examples/xor.json").toString(), "--out", runs.toString());
        assertEquals(0, trained.status(), trained::toString);
        Path run = CajalRuntime.runFolder(trained);
        assertTrue(Files.isRegularFile(run.resolve("predictions.csv")), "predictions.csv in the run folder");

        Path out = cajal.newFolder("plots");
        CajalRuntime.Outcome plotted = cajal.command("plot", run.toString(), "--out", out.toString(),
                "--width", "640", "--height", "480");
        assertEquals(0, plotted.status(), plotted::toString);
        // a tabular binary classification: everything but the regression scatter fits
        for (String id : List.of("loss-curves", "metric-curves", "confusion-matrix", "roc-curve", "decision-boundary",
                "weight-histogram", "activation-histogram")) {
            BufferedImage png = ImageIO.read(out.resolve(id + ".png").toFile());
            assertEquals(640, png.getWidth(), id);
            assertEquals(480, png.getHeight(), id);
            String svg = Files.readString(out.resolve(id + ".svg"));
            assertTrue(svg.contains("<svg") && svg.contains("</svg>"), id + ".svg is an SVG document");
        }
        assertTrue(Files.notExists(out.resolve("predicted-vs-actual.png")), "no regression chart for a classifier");
    }

    @Test
    void plotNamesAFolderThatIsNotARun(CajalRuntime cajal) throws Exception {
        Path notARun = cajal.newFolder("not-a-run");
        CajalRuntime.Outcome o = cajal.command("plot", notARun.toString());
        assertEquals(1, o.status(), o::toString);
        assertTrue(o.err().contains(notARun.getFileName().toString()), o::toString);
    }
}
