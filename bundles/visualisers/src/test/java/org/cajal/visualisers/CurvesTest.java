package org.cajal.visualisers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.cajal.api.visual.RunRecord;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

class CurvesTest {

    private final LossCurvesVisualiser loss = new LossCurvesVisualiser();
    private final MetricCurvesVisualiser metric = new MetricCurvesVisualiser();
    private final RunRecord run = FakeRunData.record(null);
    private final RunRecord empty = new RunRecord("run-0", Path.of("runs/run-0"), List.of("epoch"), List.of(), Map.of());

    @Test
    void lossCurvesHoldTrainingAndValidationLossPerEpoch() {
        assertEquals("loss-curves", loss.id());
        assertEquals("Training", loss.descriptor().category());
        assertTrue(loss.accepts(run));
        assertFalse(loss.accepts(empty));
        JFreeChart chart = loss.chart(run, VisualiserTestSupport.parameters(loss, Map.of()));
        XYDataset data = chart.getXYPlot().getDataset();
        assertEquals(2, data.getSeriesCount());
        assertEquals("training", data.getSeriesKey(0));
        assertEquals(3, data.getItemCount(0));
        assertEquals(3.0, data.getXValue(1, 2));
        assertEquals(0.45, data.getYValue(1, 2));
        VisualiserTestSupport.render(loss, run, Map.of(), "loss-curves");
    }

    @Test
    void logScaleUsesALogAxisAndDropsNonPositiveLosses() {
        RunRecord withZero = new RunRecord("r", Path.of("r"), List.of("epoch", "train_loss"),
                List.of(new double[] {1, 1.0}, new double[] {2, 0.0}, new double[] {3, 0.01}), Map.of());
        JFreeChart chart = loss.chart(withZero, VisualiserTestSupport.parameters(loss, Map.of("logScale", true)));
        assertInstanceOf(LogAxis.class, chart.getXYPlot().getRangeAxis());
        assertEquals(2, chart.getXYPlot().getDataset().getItemCount(0));
        VisualiserTestSupport.render(loss, run, Map.of("logScale", true), "loss-curves-log");
    }

    @Test
    void metricCurvesShowValidationMetricsButNotTheLoss() {
        assertEquals("metric-curves", metric.id());
        assertTrue(metric.accepts(run));
        assertFalse(metric.accepts(empty));
        RunRecord onlyLoss = new RunRecord("r", Path.of("r"), List.of("epoch", "validation_loss"),
                List.of(new double[] {1, 0.5}), Map.of());
        assertFalse(metric.accepts(onlyLoss));
        JFreeChart chart = metric.chart(run);
        XYDataset data = chart.getXYPlot().getDataset();
        assertEquals(1, data.getSeriesCount());
        assertEquals("accuracy", data.getSeriesKey(0));
        assertEquals(0.8, data.getYValue(0, 2));
        assertTrue(chart.getTitle().getText().contains("accuracy"));
        VisualiserTestSupport.render(metric, run, Map.of(), "metric-curves");
    }
}
