package org.cajal.visualisers;

import org.cajal.api.visual.RunData;

/**
 * A square grid over the plane of two input features, 10% beyond the range of the evaluated inputs, with the other
 * features held at their mean; and the model's predictions at the grid's cell centres. Cell {@code k} is column
 * {@code k % resolution}, row {@code k / resolution} from the bottom.
 */
record PredictionGrid(int resolution, double[] xRange, double[] yRange, double[][] points) {

    /** Share of each feature's range added on both sides. */
    static final double MARGIN = 0.10;

    /** The grid over features {@code fx} and {@code fy} of the rows. */
    static PredictionGrid over(double[][] rows, int fx, int fy, int resolution) {
        double[] mean = means(rows);
        double[] xRange = range(rows, fx);
        double[] yRange = range(rows, fy);
        double[][] grid = new double[resolution * resolution][];
        for (int j = 0; j < resolution; j++) {
            for (int i = 0; i < resolution; i++) {
                double[] point = mean.clone();
                point[fx] = centre(xRange, i, resolution);
                point[fy] = centre(yRange, j, resolution);
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

    /** The mean of each feature's known values (a missing value, NaN, would make every grid point's feature NaN). */
    private static double[] means(double[][] rows) {
        int features = rows[0].length;
        double[] mean = new double[features];
        int[] known = new int[features];
        for (double[] row : rows) {
            for (int f = 0; f < features; f++) {
                if (Double.isFinite(row[f])) {
                    mean[f] += row[f];
                    known[f]++;
                }
            }
        }
        for (int f = 0; f < features; f++) {
            mean[f] = known[f] == 0 ? 0 : mean[f] / known[f];
        }
        return mean;
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
