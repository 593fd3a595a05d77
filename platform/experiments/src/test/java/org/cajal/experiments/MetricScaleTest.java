package org.cajal.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Intervals that keep to the metric's range, against SciPy: src/test/resources/intervals/reference.py computed
 * reference.txt (SciPy 1.17.1's t quantile, the standard library's mean and stdev, the same transforms).
 */
class MetricScaleTest {

    private static final Map<String, double[]> CASES = Map.of(
            "accuracy", new double[] {0.9971, 0.9990, 0.9962, 1.0, 0.9933},
            "f1", new double[] {0.81, 0.86, 0.78, 0.84, 0.83},
            "logLoss", new double[] {0.0121, 0.0142, 0.0098, 0.0310, 0.0105},
            "mse", new double[] {0.0, 0.004, 0.002},
            "r2", new double[] {0.97, 0.99, 0.93, 0.98});

    @Test
    void intervalsOnTheMetricsScaleMatchScipy() throws IOException {
        List<String> lines;
        try (InputStream in = getClass().getResourceAsStream("/intervals/reference.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        assertEquals(CASES.size(), lines.size());
        for (String line : lines) {
            String[] f = line.split(" ");
            double[] values = CASES.get(f[0]);
            Summary s = Statistics.summarise(values, MetricScale.of(f[0]));
            assertEquals(values.length, s.n(), f[0]);
            assertEquals(Double.parseDouble(f[1]), s.mean(), 1e-12, f[0] + " mean");
            assertEquals(Double.parseDouble(f[2]), s.sd(), 1e-12, f[0] + " sd");
            assertEquals(Double.parseDouble(f[3]), s.ciLow(), 1e-9, f[0] + " low");
            assertEquals(Double.parseDouble(f[4]), s.ciHigh(), 1e-9, f[0] + " high");
        }
    }

    @Test
    void theIssuesAccuracyStaysBelowOneWhereThePlainIntervalDidNot() {
        double[] accuracy = CASES.get("accuracy");
        assertTrue(Statistics.summarise(accuracy).ciHigh() > 1, "the plain t interval leaves the range");
        Summary s = Statistics.summarise(accuracy, MetricScale.PROPORTION);
        assertTrue(s.ciLow() < s.mean() && s.mean() < s.ciHigh() && s.ciHigh() < 1, s.toString());
        Summary loss = Statistics.summarise(new double[] {0.002, 0.03, 0.004, 0.001, 0.05}, MetricScale.POSITIVE);
        assertTrue(loss.ciLow() > 0, loss.toString());
    }

    @Test
    void degenerateSamplesGiveThePointItself() {
        for (MetricScale scale : MetricScale.values()) {
            assertEquals(new Summary(5, 1.0, 0, 1.0, 1.0), Statistics.summarise(new double[] {1, 1, 1, 1, 1}, scale));
            assertEquals(new Summary(1, 0.0, 0, 0.0, 0.0), Statistics.summarise(new double[] {0}, scale));
        }
        Summary ones = Statistics.summarise(new double[] {1, 1, 1, 1, 0.99}, MetricScale.PROPORTION);
        assertTrue(ones.ciLow() >= 0 && ones.ciHigh() <= 1 && ones.ciLow() <= ones.mean(), ones.toString());
        Summary zeros = Statistics.summarise(new double[] {0, 0, 0.5}, MetricScale.POSITIVE);
        assertTrue(zeros.ciLow() > 0, zeros.toString());
    }

    @Test
    void aValueOutsideTheRangeFallsBackToThePlainInterval() {
        double[] values = {0.5, 1.2, 0.9};
        assertEquals(MetricScale.UNBOUNDED, Statistics.scaleUsed(values, MetricScale.PROPORTION));
        assertEquals(Statistics.summarise(values), Statistics.summarise(values, MetricScale.PROPORTION));
        assertEquals(MetricScale.POSITIVE, Statistics.scaleUsed(new double[] {0, 2}, MetricScale.POSITIVE));
    }

    @Test
    void scalesFollowTheMetricsName() {
        for (String p : List.of("accuracy", "validation_accuracy", "train_accuracy", "f1", "precision", "recall",
                "rocAuc", "balancedAccuracy")) {
            assertEquals(MetricScale.PROPORTION, MetricScale.of(p), p);
        }
        for (String p : List.of("logLoss", "train_loss", "validation_loss", "mse", "mae", "rmse", "test_error")) {
            assertEquals(MetricScale.POSITIVE, MetricScale.of(p), p);
        }
        assertEquals(MetricScale.AT_MOST_ONE, MetricScale.of("r2"));
        assertEquals(MetricScale.UNBOUNDED, MetricScale.of("learning_rate"));
        assertEquals("t on logit scale", MetricScale.PROPORTION.method());
        assertEquals(0.0, MetricScale.POSITIVE.clamp(-0.3));
        assertEquals(1.0, MetricScale.PROPORTION.clamp(1.0051));
        assertTrue(Double.isNaN(MetricScale.POSITIVE.clamp(Double.NaN)));
        assertEquals(List.of(-0.3), Arrays.stream(new double[] {-0.3}).boxed().map(MetricScale.UNBOUNDED::clamp)
                .toList());
    }
}
