package org.cajal.visualisers;

import org.cajal.api.visual.RunData;

/**
 * A square grid over the plane of two input features, 10% beyond the range of the evaluated inputs, with the other
 * features held at their mean (numeric) or most frequent category (categorical); and the model's predictions at the
 * grid's cell centres. A categorical axis spans its category indices (-0.5 .. k - 0.5) and each cell takes the
 * nearest index, so the model never sees a fractional category. Cell {@code k} is column {@code k % resolution},
 * row {@code k / resolution} from the bottom.
 */
record PredictionGrid(int resolution, double[] xRange, double[] yRange, double[][] points) {

    /** Share of each feature's range added on both sides. */
    static final double MARGIN = 0.10;

    /**
     * The grid over features {@code fx} and {@code fy} of the rows.
     *
     * @param levels per feature, its number of categories, or 0 for a numeric feature
     */
    static PredictionGrid over(double[][] rows, int fx, int fy, int resolution, int[] levels) {
        double[] held = held(rows, levels);
        double[] xRange = levels[fx] > 0 ? new double[] {-0.5, levels[fx] - 0.5} : range(rows, fx);
        double[] yRange = levels[fy] > 0 ? new double[] {-0.5, levels[fy] - 0.5} : range(rows, fy);
        double[][] grid = new double[resolution * resolution][];
        for (int j = 0; j < resolution; j++) {
            for (int i = 0; i < resolution; i++) {
                double[] point = held.clone();
                point[fx] = value(centre(xRange, i, resolution), levels[fx]);
                point[fy] = value(centre(yRange, j, resolution), levels[fy]);
                grid[j * resolution + i] = point;
            }
        }
        return new PredictionGrid(resolution, xRange, yRange, grid);
    }

    /** The model's output for every grid point, in grid order. */
    double[][] predict(RunData data, String visualiser) {
        double[][] outputs = data.predict(points);
        if (outputs.length != points.length) {
            throw new IllegalStateException(visualiser + ": the model returned " + outputs.length
                    + " predictions for " + points.length + " grid points");
        }
        return outputs;
    }

    /** The image x of cell {@code k}. */
    int column(int k) {
        return k % resolution;
    }

    /** The image y of cell {@code k} (images count rows from the top). */
    int imageRow(int k) {
        return resolution - 1 - k / resolution;
    }

    /** A grid coordinate as the feature's value: itself, or for a categorical feature the nearest index. */
    private static double value(double coordinate, int levels) {
        return levels == 0 ? coordinate : Math.max(0, Math.min(levels - 1, Math.rint(coordinate)));
    }

    /**
     * The value each feature is held at: the mean of a numeric feature's known values (a missing value, NaN,
     * would make every grid point's feature NaN), the most frequent index of a categorical one (ties: the lowest).
     */
    static double[] held(double[][] rows, int[] levels) {
        int features = rows[0].length;
        double[] held = new double[features];
        for (int f = 0; f < features; f++) {
            held[f] = levels[f] > 0 ? mostFrequent(rows, f, levels[f]) : mean(rows, f);
        }
        return held;
    }

    private static double mean(double[][] rows, int feature) {
        double sum = 0;
        int known = 0;
        for (double[] row : rows) {
            if (Double.isFinite(row[feature])) {
                sum += row[feature];
                known++;
            }
        }
        return known == 0 ? 0 : sum / known;
    }

    private static int mostFrequent(double[][] rows, int feature, int levels) {
        int[] counts = new int[levels];
        for (double[] row : rows) {
            double v = row[feature];
            if (v >= 0 && v < levels && v == Math.rint(v)) {
                counts[(int) v]++;
            }
        }
        int best = 0;
        for (int k = 1; k < levels; k++) {
            best = counts[k] > counts[best] ? k : best;
        }
        return best;
    }

    /** Minimum and maximum of a feature over the rows, widened by {@link #MARGIN} on both sides. */
    static double[] range(double[][] rows, int feature) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double[] row : rows) {
            if (Double.isFinite(row[feature])) {
                low = Math.min(low, row[feature]);
                high = Math.max(high, row[feature]);
            }
        }
        if (low > high) {
            return new double[] {-1, 1};
        }
        double margin = high > low ? (high - low) * MARGIN : Math.max(1, Math.abs(low)) * MARGIN * 5;
        return new double[] {low - margin, high + margin};
    }

    private static double centre(double[] range, int cell, int cells) {
        return range[0] + (cell + 0.5) * (range[1] - range[0]) / cells;
    }
}
