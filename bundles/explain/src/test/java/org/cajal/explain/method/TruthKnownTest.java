package org.cajal.explain.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The methods on models whose truth is known: y = 4 x1 + 0.5 x2 + 2 x1 x4 with x3 unused, x4 a category.
 */
class TruthKnownTest {

    private static final List<Feature> FEATURES = List.of(new Feature("x1", 0, List.of()),
            new Feature("x2", 1, List.of()), new Feature("x3", 2, List.of()), new Feature("x4", 3, List.of("0", "1")));

    private static double[][] model(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            double[] r = rows[i];
            out[i] = new double[] {4 * r[0] + 0.5 * r[1] + 2 * r[0] * r[3]};
        }
        return out;
    }

    private static double[][] rows(int n, long seed) {
        Random random = new Random(seed);
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = new double[] {random.nextGaussian(), random.nextGaussian(), random.nextGaussian(),
                random.nextInt(2)};
        }
        return rows;
    }

    @Test
    void importanceRanksStrongWeakAndUnusedWithIntervals() {
        double[][] x = rows(200, 1);
        double[][] y = model(x);
        var imp = PermutationImportance.compute(TruthKnownTest::model, x, y, FEATURES, Metric.RMSE,
                PermutationImportance.shuffles(x.length, 10, 3));
        var r = imp.results();
        assertEquals(0, imp.baseline(), 1e-12);
        assertTrue(r.get(0).low() > r.get(1).high(), "x1 above x2: " + r);
        assertTrue(r.get(1).low() > 0, "x2 matters a little: " + r.get(1));
        assertEquals(0, r.get(2).mean(), 1e-12, "x3 is unused");
        assertEquals(0, r.get(2).high() - r.get(2).low(), 1e-12);
        assertTrue(r.get(3).low() > 0, "x4 acts through its interaction with x1: " + r.get(3));
        assertTrue(r.get(0).high() - r.get(0).low() > 0, "an interval over the repeats");
    }

    @Test
    void partialDependenceFollowsTheSlopeAndIceShowsTheInteraction() {
        double[][] x = rows(100, 2);
        Feature x1 = FEATURES.get(0);
        var curves = PartialDependence.compute(TruthKnownTest::model, x, x1, PartialDependence.grid(x, x1, 11));
        double[] grid = curves.grid();
        double meanX4 = 0;
        for (double[] r : x) {
            meanX4 += r[3] / x.length;
        }
        double slope = (curves.average()[10][0] - curves.average()[0][0]) / (grid[10] - grid[0]);
        assertEquals(4 + 2 * meanX4, slope, 1e-9, "the PD slope is 4 + 2 mean(x4)");
        // ICE: rows with x4 = 1 rise with slope 6, rows with x4 = 0 with slope 4
        for (int i = 0; i < x.length; i++) {
            double s = (curves.ice()[i][10][0] - curves.ice()[i][0][0]) / (grid[10] - grid[0]);
            assertEquals(x[i][3] == 1 ? 6 : 4, s, 1e-9);
        }
        Feature x3 = FEATURES.get(2);
        var flat = PartialDependence.compute(TruthKnownTest::model, x, x3, PartialDependence.grid(x, x3, 5));
        assertEquals(flat.average()[0][0], flat.average()[4][0], 1e-12, "x3 unused: flat");
        Feature x4 = FEATURES.get(3);
        assertEquals(2, PartialDependence.grid(x, x4, 20).length, "one value per category");
    }

    @Test
    void exactShapleyValuesOfAnAdditiveModelAreEachTermsDeviation() {
        double[][] background = rows(30, 4);
        double[] row = {1.5, -2, 7, 0};
        var a = ShapleyValues.compute(TruthKnownTest::model, row, background, FEATURES, 0, 1);
        assertTrue(a.exact());
        double m1 = 0;
        double m2 = 0;
        for (double[] b : background) {
            m1 += b[0] / background.length;
            m2 += b[1] / background.length;
        }
        // with x4 = 0 in the row, the x1 x4 term: Shapley splits it evenly between x1 and x4
        double meanX1X4 = 0;
        for (double[] b : background) {
            meanX1X4 += 2 * b[0] * b[3] / background.length;
        }
        double sum = 0;
        for (double[] p : a.phi()) {
            sum += p[0];
        }
        assertEquals(a.output()[0] - a.base()[0], sum, 1e-9, "efficiency");
        assertEquals(0.5 * (row[1] - m2), a.phi()[1][0], 1e-9, "x2's own term");
        assertEquals(0, a.phi()[2][0], 1e-12, "x3 unused");
        assertEquals(a.phi()[0][0] + a.phi()[3][0], 4 * (row[0] - m1) - meanX1X4, 1e-9);
    }

    @Test
    void sampledShapleyValuesAgreeWithExactOnesWithinTheirError() {
        List<Feature> many = new ArrayList<>();
        for (int j = 0; j < 12; j++) {
            many.add(new Feature("f" + j, j, List.of()));
        }
        Predictor linear = rows -> {
            double[][] out = new double[rows.length][];
            for (int i = 0; i < rows.length; i++) {
                double s = 3 * rows[i][0] * rows[i][1] * rows[i][2];
                for (int j = 0; j < 12; j++) {
                    s += (j + 1) * rows[i][j];
                }
                out[i] = new double[] {s};
            }
            return out;
        };
        Random random = new Random(5);
        double[][] background = new double[20][12];
        for (double[] b : background) {
            for (int j = 0; j < 12; j++) {
                b[j] = random.nextGaussian();
            }
        }
        double[] row = new double[12];
        for (int j = 0; j < 12; j++) {
            row[j] = 1;
        }
        var a = ShapleyValues.compute(linear, row, background, many, 64, 9);
        assertFalse(a.exact());
        assertEquals(64, a.samples());
        double sum = 0;
        for (int j = 0; j < 12; j++) {
            sum += a.phi()[j][0];
            if (j >= 3) {
                double mean = 0;
                for (double[] b : background) {
                    mean += b[j] / background.length;
                }
                // a term of one feature alone is attributed exactly, in every sample
                assertEquals((j + 1) * (1 - mean), a.phi()[j][0], 1e-9);
                assertEquals(0, a.error()[j][0], 1e-6);
            }
        }
        // the three-way term: the other features add to it, so the 3-feature game gives feature 0's exact value
        var exact = ShapleyValues.compute(linear, row, background, many.subList(0, 3), 0, 1);
        for (int j = 0; j < 3; j++) {
            assertTrue(a.error()[j][0] > 0, "x0 x1 x2 interaction: a sampling error is stated");
            assertEquals(exact.phi()[j][0], a.phi()[j][0], 4 * a.error()[j][0], "within 4 standard errors");
        }
        assertEquals(a.output()[0] - a.base()[0], sum, 1e-9, "antithetic orders keep efficiency");
    }
}
