package ${package};

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.cajal.api.Parameters;
import org.cajal.api.visual.RunRecord;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;

/** The visualiser on a hand-made run record: what it accepts, the numbers it plots, and that it draws. */
class GeneralisationGapVisualiserTest {

    private final GeneralisationGapVisualiser visualiser = new GeneralisationGapVisualiser();

    @Test
    void theGapIsValidationMinusTrainingLossPerEpoch() {
        RunRecord run = run(List.of("epoch", "train_loss", "validation_loss"),
                new double[] {1, 0.9, 0.8}, new double[] {2, 0.5, 0.6}, new double[] {3, 0.2, 0.7});
        assertArrayEquals(new double[] {-0.1, 0.1, 0.5}, GeneralisationGapVisualiser.gap(run), 1e-12);
        assertTrue(visualiser.accepts(run));
    }

    @Test
    void theMovingAverageUsesTheEpochsSoFarAndSkipsGaps() {
        double[] smoothed = GeneralisationGapVisualiser.movingAverage(new double[] {1, 3, Double.NaN, 5}, 2);
        assertArrayEquals(new double[] {1, 2, 3, 5}, smoothed, 1e-12);
    }

    @Test
    void aRunWithoutValidationLossHasNoGapToShow() {
        RunRecord run = run(List.of("epoch", "train_loss"), new double[] {1, 0.9});
        assertFalse(visualiser.accepts(run));
        assertFalse(visualiser.accepts(null));
    }

    @Test
    void itDrawsBothSeriesWhenSmoothing() {
        RunRecord run = run(List.of("epoch", "train_loss", "validation_loss"),
                new double[] {1, 0.9, 0.8}, new double[] {2, 0.5, 0.6}, new double[] {3, 0.2, 0.7});
        JFreeChart chart = visualiser.chart(run, 2);
        assertEquals(2, chart.getXYPlot().getDataset().getSeriesCount());

        BufferedImage image = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 400, 300);
        visualiser.render(run, Parameters.resolve(visualiser.descriptor(), Map.of("smoothing", 2), Path.of(".")))
                .draw(g, new Rectangle2D.Double(0, 0, 400, 300));
        g.dispose();
        long coloured = 0;
        for (int x = 0; x < 400; x++) {
            for (int y = 0; y < 300; y++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                int r = rgb >> 16;
                int b = rgb & 0xFF;
                if (Math.abs(r - b) > 60) { // a coloured series line, not grey text or white background
                    coloured++;
                }
            }
        }
        assertTrue(coloured > 100, "coloured pixels drawn: " + coloured);
    }

    private static RunRecord run(List<String> columns, double[]... rows) {
        return new RunRecord("test-run", Path.of("runs/test-run"), columns, List.of(rows), Map.of());
    }
}
