package org.cajal.explain.method;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cajal's permutation importance and partial dependence against scikit-learn 1.2's on the same predictions: the
 * model functions of src/test/resources/sklearn/make_fixtures.py, whose output (fixtures.json) is committed. The
 * importance uses the row orders scikit-learn's shuffles amount to (the script checks that they reproduce it).
 */
class SklearnFixtureTest {

    private static final double[] EFFECT = {0, 1, -1};

    private static JsonNode fixtures;
    private static double[][] x;
    private static List<Feature> features;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = SklearnFixtureTest.class.getResourceAsStream("/sklearn/fixtures.json")) {
            fixtures = new ObjectMapper().readTree(in);
        }
        x = matrix(fixtures.get("X"));
        features = List.of(new Feature("x1", 0, List.of()), new Feature("x2", 1, List.of()),
                new Feature("x3", 2, List.of()), new Feature("c", 3, List.of("a", "b", "c")));
    }

    static double[][] regression(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            double[] r = rows[i];
            out[i] = new double[] {3 * r[0] + 0.5 * r[1] * r[1] + EFFECT[(int) r[3]] + r[0] * r[1]};
        }
        return out;
    }

    static double[][] probabilities(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            double[] z = {2 * rows[i][0], rows[i][1] + EFFECT[(int) rows[i][3]], 0};
            double max = Math.max(z[0], Math.max(z[1], z[2]));
            double sum = 0;
            for (int k = 0; k < 3; k++) {
                z[k] = Math.exp(z[k] - max);
                sum += z[k];
            }
            for (int k = 0; k < 3; k++) {
                z[k] /= sum;
            }
            out[i] = z;
        }
        return out;
    }

    @Test
    void regressionImportanceEqualsScikitLearns() {
        double[][] y = column(fixtures.get("yRegression"));
        check(SklearnFixtureTest::regression, y, fixtures.at("/regression/importance/0"), Metric.RMSE);
        check(SklearnFixtureTest::regression, y, fixtures.at("/regression/importance/1"), Metric.R2);
        check(SklearnFixtureTest::regression, y, fixtures.at("/regression/importance/2"), Metric.MAE);
    }

    @Test
    void classificationImportanceEqualsScikitLearns() {
        double[][] y = column(fixtures.get("yClass"));
        check(SklearnFixtureTest::probabilities, y, fixtures.at("/classification/importance/0"), Metric.ACCURACY);
        check(SklearnFixtureTest::probabilities, y, fixtures.at("/classification/importance/1"), Metric.LOG_LOSS);
    }

    @Test
    void partialDependenceAndIceEqualScikitLearns() {
        for (int j = 0; j < 4; j++) {
            compare(SklearnFixtureTest::regression, fixtures.at("/regression/pdp/" + j), features.get(j), false);
            compare(SklearnFixtureTest::probabilities, fixtures.at("/classification/pdp/" + j), features.get(j), true);
        }
    }

    private static void check(Predictor model, double[][] y, JsonNode expected, Metric metric) {
        int[][] orders = orders(fixtures.get("orders"));
        PermutationImportance.Importance got = PermutationImportance.compute(model, x, y, features, metric, orders);
        for (int j = 0; j < features.size(); j++) {
            PermutationImportance.Result r = got.results().get(j);
            String what = expected.get("scoring").asText() + ", feature " + features.get(j).name();
            assertEquals(expected.get("mean").get(j).asDouble(), r.mean(), 1e-12, what);
            assertEquals(expected.get("std").get(j).asDouble(), r.sd(), 1e-12, what);
            assertArrayEquals(vector(expected.get("values").get(j)), r.values(), 1e-12, what);
        }
    }

    private static void compare(Predictor model, JsonNode expected, Feature feature, boolean classes) {
        double[] grid = PartialDependence.grid(x, feature, 7);
        assertArrayEquals(vector(expected.get("grid")), grid, 1e-12, "grid of " + feature.name());
        PartialDependence.Curves curves = PartialDependence.compute(model, x, feature, grid);
        JsonNode average = expected.get("average");
        for (int k = 0; k < average.size(); k++) {
            for (int g = 0; g < grid.length; g++) {
                String what = feature.name() + " output " + k + " at " + grid[g];
                assertEquals(average.get(k).get(g).asDouble(), curves.average()[g][k], 1e-12, what);
                for (int i = 0; i < x.length; i++) {
                    assertEquals(expected.get("individual").get(k).get(i).get(g).asDouble(),
                            curves.ice()[i][g][k], 1e-12, what + ", row " + i);
                }
            }
        }
        assertEquals(classes ? 3 : 1, average.size());
    }

    private static double[][] matrix(JsonNode n) {
        double[][] out = new double[n.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = vector(n.get(i));
        }
        return out;
    }

    private static double[] vector(JsonNode n) {
        double[] out = new double[n.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = n.get(i).asDouble();
        }
        return out;
    }

    private static double[][] column(JsonNode n) {
        double[][] out = new double[n.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new double[] {n.get(i).asDouble()};
        }
        return out;
    }

    private static int[][] orders(JsonNode n) {
        List<int[]> out = new ArrayList<>();
        n.forEach(o -> {
            int[] order = new int[o.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = o.get(i).asInt();
            }
            out.add(order);
        });
        return out.toArray(int[][]::new);
    }
}
