package org.cajal.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;

class LineChartTest {

    private static final double[] EPOCHS = {1, 2, 3};

    @Test
    void linesLeaveOutNonFinitePairsAndNamesStayUnique() {
        LineChart line = LineChart.of("Loss", "epoch", "loss");
        assertTrue(line.isEmpty());
        JFreeChart chart = line.line("run", EPOCHS, new double[] {0.9, Double.NaN, 0.4})
                .line("run", EPOCHS, new double[] {1, 0.8, 0.7}).points("dots", EPOCHS, EPOCHS).chart();
        XYDataset data = chart.getXYPlot().getDataset();
        assertEquals(3, data.getSeriesCount());
        assertEquals(2, data.getItemCount(0));
        assertEquals("run (2)", data.getSeriesKey(1));
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
        assertFalse(renderer.getSeriesLinesVisible(2));
        assertTrue(renderer.getSeriesShapesVisible(2));
        assertEquals("Loss", chart.getTitle().getText());
    }

    @Test
    void aBandMakesADeviationChartAndNotesAreSubtitles() {
        JFreeChart chart = LineChart.of("Mean", "epoch", "loss").wholeNumbersOnX()
                .band("mean", EPOCHS, new double[] {1, 2, 3}, new double[] {0.5, Double.NaN, 2}, new double[] {2, 3, 4})
                .line("single", EPOCHS, EPOCHS).note("left out: r9").chart();
        assertInstanceOf(DeviationRenderer.class, chart.getXYPlot().getRenderer());
        YIntervalSeriesCollection data = (YIntervalSeriesCollection) chart.getXYPlot().getDataset();
        assertEquals(2.0, data.getStartYValue(0, 1), "a missing bound is the value");
        assertEquals(2.0, data.getEndYValue(1, 1));
        assertTrue(chart.getSubtitles().stream().anyMatch(t -> t instanceof TextTitle text
                && text.getText().equals("left out: r9")));
        ChartDrawings.image(LineChart.of("Mean", "epoch", "loss").band("m", EPOCHS, EPOCHS, EPOCHS, EPOCHS)
                .drawing(), 200, 100);
    }

    @Test
    void logarithmicYUsesALogAxis() {
        JFreeChart chart = LineChart.of("Loss", "epoch", "loss (log scale)").logarithmicY()
                .line("training", EPOCHS, new double[] {1, 0.1, 0.01}).chart();
        assertInstanceOf(LogAxis.class, chart.getXYPlot().getRangeAxis());
        assertEquals("loss (log scale)", chart.getXYPlot().getRangeAxis().getLabel());
    }
}
