package org.cajal.datasets.internal;

import static org.cajal.datasets.internal.GeneratedData.all;
import static org.cajal.datasets.internal.GeneratedData.open;
import static org.cajal.datasets.internal.GeneratedData.standardDeviation;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

import org.cajal.api.data.Dataset;
import org.cajal.api.data.DatasetException;
import org.cajal.api.data.Examples;
import org.cajal.api.data.TargetKind;
import org.junit.jupiter.api.Test;

/** regression-1d, house-prices and sine-sequence: the regression sets of the course. */
class RegressionGeneratorsTest {

    private final Regression1dDatasetProvider oneD = new Regression1dDatasetProvider();
    private final HousePricesDatasetProvider houses = new HousePricesDatasetProvider();
    private final SineSequenceDatasetProvider sine = new SineSequenceDatasetProvider();

    @Test
    void gradientDescentOnTheLineRecoversSlopeAndIntercept() throws Exception {
        Examples data = all(open(oneD, Map.of("samples", 500, "slope", -1.5, "intercept", 0.7, "noise", 0.2), 4L));
        float[] x = data.features().toFloatVector();
        float[] y = data.targets().toFloatVector();
        double w = 0;
        double b = 0;
        for (int step = 0; step < 500; step++) {
            double gw = 0;
            double gb = 0;
            for (int i = 0; i < x.length; i++) {
                double error = w * x[i] + b - y[i];
                gw += 2 * error * x[i] / x.length;
                gb += 2 * error / x.length;
            }
            w -= 0.1 * gw;
            b -= 0.1 * gb;
        }
        assertEquals(-1.5, w, 0.03);
        assertEquals(0.7, b, 0.03);
    }

    @Test
    void curvesWithoutNoiseAreExactAndXStaysInItsInterval() throws Exception {
        Map<String, DoubleUnaryOperator> curves = Map.of("sine", Math::sin, "cubic", v -> v * v * v,
                "abs", Math::abs, "linear", v -> 2 * v + 1);
        for (Map.Entry<String, DoubleUnaryOperator> curve : curves.entrySet()) {
            Dataset data = open(oneD, Map.of("function", curve.getKey(), "noise", 0.0, "xMin", -1.0, "xMax", 2.0), 2L);
            assertEquals(TargetKind.REGRESSION, data.schema().targetKind());
            assertEquals(List.of("x"), data.schema().featureNames());
            Examples all = all(data);
            float[] x = all.features().toFloatVector();
            float[] y = all.targets().toFloatVector();
            for (int i = 0; i < x.length; i++) {
                assertTrue(x[i] >= -1 && x[i] <= 2, curve.getKey() + " x " + x[i]);
                assertEquals(curve.getValue().applyAsDouble(x[i]), y[i], 1e-5, curve.getKey());
            }
        }
    }

    @Test
    void noiseHasTheRequestedStandardDeviation() throws Exception {
        Examples data = all(open(oneD, Map.of("function", "sine", "noise", 0.3, "samples", 5000), 9L));
        float[] x = data.features().toFloatVector();
        float[] y = data.targets().toFloatVector();
        double[] residuals = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            residuals[i] = y[i] - Math.sin(x[i]);
        }
        assertEquals(0.3, standardDeviation(residuals), 0.015);
    }

    @Test
    void emptyXIntervalIsExplained() {
        String message = assertThrows(DatasetException.class,
                () -> open(oneD, Map.of("xMin", 2.0, "xMax", 2.0), 1L)).getMessage();
        assertEquals("regression-1d: xMin (2.0) must be below xMax (2.0); swap them or widen the interval", message);
    }

    @Test
    void housePricesFollowTheCourseFormulaWithinTheRanges() throws Exception {
        Dataset data = open(houses, Map.of("samples", 4000), 2024L);
        assertEquals(List.of("area", "distance"), data.schema().featureNames());
        assertEquals(List.of("price"), data.schema().targetNames());
        Examples all = all(data);
        float[][] x = all.features().toFloatMatrix();
        float[] y = all.targets().toFloatVector();
        double[] residuals = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            assertTrue(x[i][0] >= 0.5 && x[i][0] <= 2.5 && x[i][1] >= 0 && x[i][1] <= 3, "house " + i);
            residuals[i] = y[i] - (0.5 + 1.2 * x[i][0] - 0.3 * x[i][1]);
        }
        assertEquals(0.05, standardDeviation(residuals), 0.003);
        double[] fit = leastSquares(x, y);
        assertArrayEquals(new double[] {0.5, 1.2, -0.3}, fit, 0.01, "least squares finds bias and weights");
    }

    @Test
    void sineSequencesAreWindowsOfOneFeatureAndTheNextValue() throws Exception {
        Dataset data = open(sine, Map.of("samples", 30, "window", 12), 1L);
        assertEquals(List.of(1L, 12L), data.schema().featureShape());
        assertEquals(List.of(), data.schema().featureNames());
        assertEquals(TargetKind.REGRESSION, data.schema().targetKind());
        assertEquals(1, data.schema().targetWidth());
        Examples all = all(data);
        assertArrayEquals(new long[] {30, 1, 12}, all.features().shape());
        assertArrayEquals(new long[] {30, 1}, all.targets().shape());
    }

    @Test
    void withoutNoiseTheNextValueFollowsTheSineRecurrence() throws Exception {
        double period = 16;
        Examples all = all(open(sine, Map.of("samples", 50, "window", 8, "noise", 0.0, "period", period), 3L));
        float[][] x = all.features().reshape(50, 8).toFloatMatrix();
        float[] next = all.targets().toFloatVector();
        double twoCos = 2 * Math.cos(2 * Math.PI / period);
        double firstValues = 0;
        for (int i = 0; i < x.length; i++) {
            for (int t = 2; t < 8; t++) {
                assertEquals(twoCos * x[i][t - 1] - x[i][t - 2], x[i][t], 1e-5);
            }
            assertEquals(twoCos * x[i][7] - x[i][6], next[i], 1e-5);
            firstValues += Math.abs(x[i][0]);
        }
        assertTrue(firstValues / x.length > 0.3, "examples start at different phases, not all at sin(0) = 0");
    }

    /** Ordinary least squares with a bias for two features, via the normal equations. */
    private static double[] leastSquares(float[][] x, float[] y) {
        double[][] a = new double[3][4];
        for (int i = 0; i < x.length; i++) {
            double[] row = {1, x[i][0], x[i][1]};
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    a[r][c] += row[r] * row[c];
                }
                a[r][3] += row[r] * y[i];
            }
        }
        for (int p = 0; p < 3; p++) {
            for (int r = 0; r < 3; r++) {
                if (r != p) {
                    double factor = a[r][p] / a[p][p];
                    for (int c = p; c < 4; c++) {
                        a[r][c] -= factor * a[p][c];
                    }
                }
            }
        }
        return new double[] {a[0][3] / a[0][0], a[1][3] / a[1][1], a[2][3] / a[2][2]};
    }
}
