package org.cajal.visualisers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.cajal.api.data.TargetKind;
import org.cajal.api.visual.RunData;
import org.cajal.api.visual.RunRecord;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYZDataset;
import org.junit.jupiter.api.Test;

class EvaluationChartsTest {

    private static RunRecord withEvaluation(Map<String, Object> evaluation, RunData data) {
        return new RunRecord("run-2", Path.of("runs/run-2"), List.of("epoch"), List.of(), evaluation, data);
    }

    @Test
    void confusionMatrixDatasetHoldsTheCountsRowsActualColumnsPredicted() {
        ConfusionMatrixVisualiser v = new ConfusionMatrixVisualiser();
        assertEquals("confusion-matrix", v.id());
        assertEquals("Evaluation", v.descriptor().category());
        RunRecord run = withEvaluation(Map.of("classes", List.of("cat", "dog", "fox"), "confusionMatrix",
                List.of(List.of(5, 1, 0), List.of(2, 7, 1), List.of(0, 0, 9))), null);
        assertTrue(v.accepts(run));
        assertFalse(v.accepts(withEvaluation(Map.of("mse", 0.1), null)));
        assertFalse(v.accepts(withEvaluation(Map.of("confusionMatrix", List.of(List.of(1, 2))), null)));

        XYZDataset counts = (XYZDataset) v.chart(run, VisualiserTestSupport.parameters(v, Map.of()))
                .getXYPlot().getDataset();
        assertEquals(9, counts.getItemCount(0));
        long[][] expected = {{5, 1, 0}, {2, 7, 1}, {0, 0, 9}};
        for (int item = 0; item < 9; item++) {
            int predicted = (int) counts.getXValue(0, item);
            int actual = (int) counts.getYValue(0, item);
            assertEquals(expected[actual][predicted], counts.getZValue(0, item), 0.0, "cell " + actual + "," + predicted);
        }
        XYZDataset shares = (XYZDataset) v.chart(run, VisualiserTestSupport.parameters(v, Map.of("normalise", "rows")))
                .getXYPlot().getDataset();
        assertEquals(0.7, shares.getZValue(0, 1 * 3 + 1), 1e-12); // row "dog": 7 of 10 predicted dog
        VisualiserTestSupport.render(v, run, Map.of(), "confusion-matrix");
        VisualiserTestSupport.render(v, run, Map.of("normalise", "rows"), "confusion-matrix-rows");
    }

    @Test
    void rocAucOfATinyExampleEqualsTheHandComputedValue() {
        // positives score 0.9, 0.8, 0.6; negatives 0.7, 0.55, 0.4: 8 of 9 pairs ranked right
        RocCurveVisualiser.Roc roc = RocCurveVisualiser.roc(new double[] {0.9, 0.8, 0.7, 0.6, 0.55, 0.4},
                new boolean[] {true, true, false, true, false, false});
        assertEquals(8.0 / 9, roc.auc(), 1e-12);
        assertArrayEquals(new double[] {0, 0, 0, 1 / 3.0, 1 / 3.0, 2 / 3.0, 1}, roc.falsePositiveRate(), 1e-12);
        assertArrayEquals(new double[] {0, 1 / 3.0, 2 / 3.0, 2 / 3.0, 1, 1, 1}, roc.truePositiveRate(), 1e-12);
    }

    @Test
    void rocTiesMoveTheCurveDiagonallyAndCountHalf() {
        // 0.8 (pos) > 0.5 (pos) = 0.5 (neg) > 0.2 (neg): pairs 1 + 1 + 0.5 + 1 of 4
        RocCurveVisualiser.Roc roc = RocCurveVisualiser.roc(new double[] {0.5, 0.2, 0.8, 0.5},
                new boolean[] {false, false, true, true});
        assertEquals(3.5 / 4, roc.auc(), 1e-12);
        assertArrayEquals(new double[] {0, 0, 0.5, 1}, roc.falsePositiveRate(), 1e-12);
        assertArrayEquals(new double[] {0, 0.5, 1, 1}, roc.truePositiveRate(), 1e-12);
        assertEquals(0.5, RocCurveVisualiser.roc(new double[] {0.3, 0.3}, new boolean[] {true, false}).auc());
        assertTrue(Double.isNaN(RocCurveVisualiser.roc(new double[] {0.3, 0.4}, new boolean[] {true, true}).auc()));
    }

    @Test
    void rocCurveForBinaryAndMultiClassRuns() {
        RocCurveVisualiser v = new RocCurveVisualiser();
        FakeRunData binary = FakeRunData.xor(2);
        assertTrue(v.accepts(FakeRunData.record(binary)));
        assertFalse(v.accepts(FakeRunData.record(null)));
        assertFalse(v.accepts(FakeRunData.record(FakeRunData.regression())));
        JFreeChart chart = v.chart(FakeRunData.record(binary));
        XYDataset curves = chart.getXYPlot().getDataset();
        assertEquals(1, curves.getSeriesCount());
        assertEquals("on (positive class) (AUC 1.000)", curves.getSeriesKey(0));
        VisualiserTestSupport.render(v, FakeRunData.record(binary), Map.of(), "roc-curve");

        // three classes, class c is predicted with probability 0.6 when right, class 2 is never separable
        double[] actual = {0, 0, 1, 1, 2, 2};
        double[][] outputs = {{0.6, 0.2, 0.2}, {0.5, 0.3, 0.2}, {0.2, 0.6, 0.2}, {0.3, 0.4, 0.3}, {0.4, 0.3, 0.3},
            {0.3, 0.4, 0.3}};
        FakeRunData multi = new FakeRunData(TargetKind.MULTICLASS, List.of("a", "b"), List.of("r", "g", "b"), true,
                new RunData.Predictions(actual, outputs), new RunData.Inputs(new double[0][], new double[0]),
                row -> row, List.of());
        XYDataset perClass = v.chart(FakeRunData.record(multi)).getXYPlot().getDataset();
        assertEquals(3, perClass.getSeriesCount());
        assertEquals("r vs rest (AUC 1.000)", perClass.getSeriesKey(0));
        double gAuc = RocCurveVisualiser.roc(RocCurveVisualiser.column(outputs, 1),
                new boolean[] {false, false, true, true, false, false}).auc();
        assertEquals("g vs rest (AUC " + Plots.brief(gAuc) + ")", perClass.getSeriesKey(1));
        VisualiserTestSupport.render(v, FakeRunData.record(multi), Map.of(), "roc-curve-multiclass");
    }

    @Test
    void singleSigmoidOutputIsTheProbabilityOfClassOne() {
        assertArrayEquals(new double[] {0.8, 0.1}, RocCurveVisualiser.column(new double[][] {{0.8}, {0.1}}, 1), 1e-12);
        assertArrayEquals(new double[] {0.2, 0.9}, RocCurveVisualiser.column(new double[][] {{0.8}, {0.1}}, 0), 1e-12);
    }

    @Test
    void predictedVsActualGivesRSquaredInTheTitle() {
        assertEquals(0.8, PredictedVsActualVisualiser.rSquared(new double[] {1, 2, 3, 4}, new double[] {1, 2, 3, 5}),
                1e-12);
        PredictedVsActualVisualiser v = new PredictedVsActualVisualiser();
        FakeRunData regression = FakeRunData.regression();
        assertTrue(v.accepts(FakeRunData.record(regression)));
        assertFalse(v.accepts(FakeRunData.record(FakeRunData.xor(2))));
        assertFalse(v.accepts(FakeRunData.record(null)));
        JFreeChart chart = v.chart(FakeRunData.record(regression));
        double[] predicted = new double[regression.predictions.actual().length];
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = regression.predictions.outputs()[i][0];
        }
        double r2 = PredictedVsActualVisualiser.rSquared(regression.predictions.actual(), predicted);
        assertTrue(r2 > 0.9 && r2 < 1, "R² " + r2);
        assertEquals("Predicted vs actual (R² = " + Plots.brief(r2) + ")", chart.getTitle().getText());
        assertEquals(60, chart.getXYPlot().getDataset().getItemCount(0));
        VisualiserTestSupport.render(v, FakeRunData.record(regression), Map.of(), "predicted-vs-actual");
    }
}
