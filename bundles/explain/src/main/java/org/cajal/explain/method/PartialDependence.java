package org.cajal.explain.method;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * Partial dependence and individual conditional expectation (ICE; Friedman 2001, Goldstein et al. 2015; scikit-learn's
 * {@code partial_dependence(method="brute", kind="both")}): every row is predicted again with one feature set to each
 * grid value in turn, all its other features kept. The ICE curve of a row is its outputs along the grid; the partial
 * dependence is their mean. The grid of a numeric feature is its distinct values when there are fewer than
 * {@code points}, else {@code points} evenly spaced values from its smallest to its largest value in the rows; a
 * categorical feature's grid is the categories found in the rows.
 */
public final class PartialDependence {

    /**
     * One feature's curves.
     *
     * @param grid    the feature's values
     * @param ice     {@code ice[row][g][output]}: each row's outputs with the feature at {@code grid[g]}
     * @param average {@code average[g][output]}: the mean over rows
     */
    public record Curves(Feature feature, double[] grid, double[][][] ice, double[][] average) {
    }

    private PartialDependence() {
    }

    /** The grid of a feature over the rows (see the class comment). */
    public static double[] grid(double[][] rows, Feature feature, int points) {
        TreeSet<Double> distinct = new TreeSet<>();
        for (double[] row : rows) {
            double v = row[feature.column()];
            if (!Double.isNaN(v)) {
                distinct.add(v);
            }
        }
        if (feature.categorical() || distinct.size() < points) {
            return distinct.stream().mapToDouble(Double::doubleValue).toArray();
        }
        double lo = distinct.first();
        double hi = distinct.last();
        double[] grid = new double[points];
        for (int g = 0; g < points; g++) {
            grid[g] = lo + (hi - lo) * g / (points - 1);
        }
        grid[points - 1] = hi;
        return grid;
    }

    public static Curves compute(Predictor model, double[][] rows, Feature feature, double[] grid) {
        int n = rows.length;
        double[][] batch = new double[n * grid.length][];
        for (int g = 0; g < grid.length; g++) {
            for (int i = 0; i < n; i++) {
                double[] row = rows[i].clone();
                row[feature.column()] = grid[g];
                batch[g * n + i] = row;
            }
        }
        double[][] out = model.predict(batch);
        int width = out.length == 0 ? 0 : out[0].length;
        double[][][] ice = new double[n][grid.length][];
        double[][] average = new double[grid.length][width];
        for (int g = 0; g < grid.length; g++) {
            for (int i = 0; i < n; i++) {
                ice[i][g] = out[g * n + i];
                for (int k = 0; k < width; k++) {
                    average[g][k] += out[g * n + i][k] / n;
                }
            }
        }
        return new Curves(feature, Arrays.copyOf(grid, grid.length), ice, average);
    }
}
