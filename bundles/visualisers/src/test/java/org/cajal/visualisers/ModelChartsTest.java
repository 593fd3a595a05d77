package org.cajal.visualisers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

import org.cajal.api.data.TargetKind;
import org.cajal.api.visual.RunData;
import org.cajal.api.visual.RunRecord;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.IntervalXYDataset;
import org.junit.jupiter.api.Test;

class ModelChartsTest {

    @Test
    void decisionBoundaryAcceptsOnlyTabularRunsWithTwoFeatures() {
        DecisionBoundaryVisualiser v = new DecisionBoundaryVisualiser();
        assertEquals("decision-boundary", v.id());
        assertEquals("Model", v.descriptor().category());
        assertTrue(v.accepts(FakeRunData.record(FakeRunData.xor(2))));
        assertTrue(v.accepts(FakeRunData.record(FakeRunData.regression())));
        assertFalse(v.accepts(FakeRunData.record(null)));
        FakeRunData xor = FakeRunData.xor(2);
        FakeRunData images = new FakeRunData(TargetKind.BINARY, xor.features, xor.classes, false, xor.predictions,
                xor.inputs, xor.model, xor.weights);
        assertFalse(v.accepts(FakeRunData.record(images)));
        FakeRunData oneFeature = new FakeRunData(TargetKind.BINARY, List.of("x0"), xor.classes, true,
                xor.predictions, xor.inputs, xor.model, xor.weights);
        assertFalse(v.accepts(FakeRunData.record(oneFeature)));
    }

    @Test
    void decisionBoundaryPaintsEachClassWhereTheModelPredictsIt() {
        DecisionBoundaryVisualiser v = new DecisionBoundaryVisualiser();
        FakeRunData xor = FakeRunData.xor(2);
        RunRecord run = FakeRunData.record(xor);
        JFreeChart chart = v.chart(run, VisualiserTestSupport.parameters(v, Map.of("resolution", 50)));
        assertEquals(1, xor.predictCalls.size(), "the grid is predicted in one call");
        assertEquals(50 * 50, xor.predictCalls.get(0).length);
        assertTrue(chart.getTitle().getText().contains("x0") && chart.getTitle().getText().contains("x1"));

        BufferedImage image = new BufferedImage(600, 400, BufferedImage.TYPE_INT_RGB);
        ChartRenderingInfo info = new ChartRenderingInfo();
        Graphics2D g = image.createGraphics();
        chart.draw(g, new Rectangle2D.Double(0, 0, 600, 400), info);
        g.dispose();
        Rectangle2D area = info.getPlotInfo().getDataArea();
        XYPlot plot = chart.getXYPlot();
        // class 1 ("on", orange) where x0 * x1 > 0, class 0 ("off", blue) elsewhere; no input lies at (±0.5, ±0.5)
        for (double[] p : new double[][] {{0.5, 0.5}, {-0.5, -0.5}, {-0.5, 0.5}, {0.5, -0.5}}) {
            int px = (int) plot.getDomainAxis().valueToJava2D(p[0], area, plot.getDomainAxisEdge());
            int py = (int) plot.getRangeAxis().valueToJava2D(p[1], area, plot.getRangeAxisEdge());
            Color c = new Color(image.getRGB(px, py));
            boolean on = p[0] * p[1] > 0;
            String where = "pixel at (" + p[0] + ", " + p[1] + ") is " + c;
            assertTrue(c.getRed() < 250 || c.getBlue() < 250, where + ": should be coloured, not white");
            if (on) {
                assertTrue(c.getRed() > c.getBlue() + 60, where + ": should be class 1's orange");
            } else {
                assertTrue(c.getBlue() > c.getRed() + 60, where + ": should be class 0's blue");
            }
        }
        VisualiserTestSupport.render(v, run, Map.of(), "decision-boundary");
    }

    @Test
    void decisionBoundaryHoldsOtherFeaturesAtTheirMeanAndChecksIndices() {
        DecisionBoundaryVisualiser v = new DecisionBoundaryVisualiser();
        FakeRunData xor = FakeRunData.xor(4);
        RunRecord run = FakeRunData.record(xor);
        v.chart(run, VisualiserTestSupport.parameters(v, Map.of("x", 1, "y", 0, "resolution", 10)));
        double[][] grid = xor.predictCalls.get(0);
        assertEquals(100, grid.length);
        for (double[] row : grid) {
            assertEquals(2.0, row[2], 1e-9);
            assertEquals(3.0, row[3], 1e-9);
        }
        // x (feature 1) runs along the row of cells, and spans the inputs' range plus 10% on both sides
        double span = 1.8 * 1.2;
        assertEquals(-1.08 + span / 20, grid[0][1], 1e-9);
        assertEquals(-1.08 + span / 20, grid[0][0], 1e-9);
        assertEquals(1.08 - span / 20, grid[9][1], 1e-9);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> v.chart(run, VisualiserTestSupport.parameters(v, Map.of("x", 7))));
        assertTrue(e.getMessage().contains("x = 7") && e.getMessage().contains("4 features"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> v.chart(run, VisualiserTestSupport.parameters(v, Map.of("x", 1, "y", 1))));
        VisualiserTestSupport.render(v, run, Map.of("x", 0, "y", 1), "decision-boundary-4-features");
    }

    @Test
    void decisionBoundaryOfARegressionRunColoursThePredictedValue() {
        DecisionBoundaryVisualiser v = new DecisionBoundaryVisualiser();
        RunRecord run = FakeRunData.record(FakeRunData.regression());
        JFreeChart chart = v.chart(run, VisualiserTestSupport.parameters(v, Map.of()));
        assertTrue(chart.getTitle().getText().contains("a × b"));
        VisualiserTestSupport.render(v, run, Map.of(), "decision-boundary-regression");
    }

    @Test
    void histogramBinCountsSumToTheNumberOfFiniteValues() {
        float[] values = FakeRunData.gaussian(1000, 1, 7);
        values[3] = Float.NaN;
        values[4] = 0f;
        double[] range = HistogramVisualiser.range(List.of(new RunData.Values("l", values)));
        HistogramVisualiser.Histogram h = HistogramVisualiser.histogram(values, range[0], range[1], 40);
        assertEquals(999, h.total());
        assertEquals(1, h.nonFinite());
        assertEquals(1000, h.values());
        assertTrue(h.counts()[0] > 0 && h.counts()[39] > 0, "the extremes fall in the end bins");
        HistogramVisualiser.Histogram small = HistogramVisualiser.histogram(new float[] {0, 0.5f, 1, 1}, 0, 1, 2);
        assertEquals(1, small.counts()[0]);
        assertEquals(3, small.counts()[1]);
        assertEquals(1, small.zeros());
    }

    @Test
    void weightHistogramOfOneLayerCountsItsValues() {
        WeightHistogramVisualiser v = new WeightHistogramVisualiser();
        assertEquals("weight-histogram", v.id());
        FakeRunData xor = FakeRunData.xor(2);
        RunRecord run = FakeRunData.record(xor);
        assertTrue(v.accepts(run));
        assertFalse(v.accepts(FakeRunData.record(null)));
        IntervalXYDataset one = (IntervalXYDataset) v.chart(run,
                VisualiserTestSupport.parameters(v, Map.of("layer", 0, "bins", 25))).getXYPlot().getDataset();
        assertEquals(1, one.getSeriesCount());
        assertEquals(25, one.getItemCount(0));
        assertEquals(200, sum(one, 0), 1e-9);
        IntervalXYDataset all = (IntervalXYDataset) v.chart(run, VisualiserTestSupport.parameters(v, Map.of()))
                .getXYPlot().getDataset();
        assertEquals(2, all.getSeriesCount(), "the dropout layer has no weights and is left out");
        assertEquals(1.0, sum(all, 1), 1e-9, "overlaid layers are shares of their values");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> v.chart(run, VisualiserTestSupport.parameters(v, Map.of("layer", 1))));
        assertTrue(e.getMessage().contains("dropout"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> v.chart(run, VisualiserTestSupport.parameters(v, Map.of("layer", 3))));
        VisualiserTestSupport.render(v, run, Map.of(), "weight-histogram");
        VisualiserTestSupport.render(v, run, Map.of("layer", 0), "weight-histogram-layer-0");
    }

    @Test
    void activationHistogramGivesTheShareOfExactZeros() {
        ActivationHistogramVisualiser v = new ActivationHistogramVisualiser();
        assertEquals("activation-histogram", v.id());
        FakeRunData xor = FakeRunData.xor(2);
        RunRecord run = FakeRunData.record(xor);
        assertTrue(v.accepts(run));
        assertFalse(v.accepts(FakeRunData.record(null)));
        IntervalXYDataset hidden = (IntervalXYDataset) v.chart(run,
                VisualiserTestSupport.parameters(v, Map.of("layer", 0))).getXYPlot().getDataset();
        assertEquals(32, sum(hidden, 0), 1e-9, "16 inputs x 2 units");
        // relu(x0 + x1) and relu(x0 - x1) over the symmetric 4 x 4 grid: each is 0 for 6 negative and 4 zero
        // sums of 16, so 20 of 32 activations (62.5%) are exactly 0
        String key = hidden.getSeriesKey(0).toString();
        assertTrue(key.contains("62.5% exactly 0"), key);
        VisualiserTestSupport.render(v, run, Map.of(), "activation-histogram");
    }

    private static double sum(IntervalXYDataset data, int series) {
        double sum = 0;
        for (int i = 0; i < data.getItemCount(series); i++) {
            sum += data.getYValue(series, i);
        }
        return sum;
    }
}
