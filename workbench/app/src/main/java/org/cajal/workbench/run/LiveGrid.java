package org.cajal.workbench.run;

/**
 * The points the live view asks the model about: a square grid over two inputs (or a line over one), 10 % beyond
 * the training examples' range, every other input held at its training mean. Cell {@code k} is column
 * {@code k % resolution}, row {@code k / resolution} from the bottom.
 */
record LiveGrid(int resolution, double[] xRange, double[] yRange, double[][] points) {

    static final double MARGIN = 0.10;

    /** The grid over inputs {@code x} and {@code y} ({@code y < 0}: a line of {@code resolution²} points, ≤ 400). */
    static LiveGrid over(double[][] rows, int inputs, int x, int y, int resolution) {
        double[] held = new double[inputs];
        for (double[] row : rows) {
            for (int f = 0; f < inputs; f++) {
                held[f] += row[f] / rows.length;
            }
        }
        double[] xRange = range(rows, x);
        if (y < 0) {
            int n = Math.min(400, resolution * resolution);
            double[][] points = new double[n][];
            for (int i = 0; i < n; i++) {
                points[i] = held.clone();
                points[i][x] = centre(xRange, i, n);
            }
            return new LiveGrid(n, xRange, new double[] {0, 1}, points);
        }
        double[] yRange = range(rows, y);
        double[][] points = new double[resolution * resolution][];
        for (int j = 0; j < resolution; j++) {
            for (int i = 0; i < resolution; i++) {
                double[] p = held.clone();
                p[x] = centre(xRange, i, resolution);
                p[y] = centre(yRange, j, resolution);
                points[j * resolution + i] = p;
            }
        }
        return new LiveGrid(resolution, xRange, yRange, points);
    }

    /** Minimum and maximum of an input over the rows, widened by {@link #MARGIN} on both sides. */
    static double[] range(double[][] rows, int f) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double[] row : rows) {
            if (Double.isFinite(row[f])) {
                low = Math.min(low, row[f]);
                high = Math.max(high, row[f]);
            }
        }
        if (low > high) {
            return new double[] {-1, 1};
        }
        double margin = high > low ? (high - low) * MARGIN : Math.max(1, Math.abs(low)) * MARGIN * 5;
        return new double[] {low - margin, high + margin};
    }

    /**
     * The vertical range of a line plot: the targets' and the first output's values (class probabilities span
     * 0 .. 1), widened by {@link #MARGIN}.
     */
    static double[] valueRange(double[][] outputs, double[][] targets, boolean classes) {
        if (classes) {
            return new double[] {-0.05, 1.05};
        }
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        double[][] rows = targets.length > 0 ? targets : outputs;
        {
            for (double[] r : rows) {
                if (r.length > 0 && Double.isFinite(r[0])) {
                    low = Math.min(low, r[0]);
                    high = Math.max(high, r[0]);
                }
            }
        }
        if (low > high) {
            return new double[] {-1, 1};
        }
        double margin = high > low ? (high - low) * MARGIN : 1;
        return new double[] {low - margin, high + margin};
    }

    private static double centre(double[] range, int cell, int cells) {
        return range[0] + (cell + 0.5) * (range[1] - range[0]) / cells;
    }
}
