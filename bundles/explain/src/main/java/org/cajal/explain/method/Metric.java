package org.cajal.explain.method;

import java.util.List;

/**
 * A score of predictions against targets. Classification: {@code accuracy} (the class with the highest probability)
 * and {@code logLoss}; regression: {@code rmse}, {@code mse}, {@code mae} and {@code r2} (over every target column).
 * Importance is how much worse the score gets, so it is positive for a feature the model uses, whichever way the
 * metric points.
 */
public enum Metric {
    ACCURACY("accuracy", true, true),
    LOG_LOSS("logLoss", false, true),
    RMSE("rmse", false, false),
    MSE("mse", false, false),
    MAE("mae", false, false),
    R2("r2", true, false);

    private final String id;
    private final boolean higherIsBetter;
    private final boolean classification;

    Metric(String id, boolean higherIsBetter, boolean classification) {
        this.id = id;
        this.higherIsBetter = higherIsBetter;
        this.classification = classification;
    }

    public String id() {
        return id;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** The metric a run is evaluated with by default: accuracy for classification, RMSE for regression. */
    public static Metric defaultFor(boolean classification) {
        return classification ? ACCURACY : RMSE;
    }

    /**
     * The metric with this id for a classification or regression run.
     *
     * @throws IllegalArgumentException naming the metrics that fit the run
     */
    public static Metric of(String id, boolean classification) {
        List<Metric> fit = java.util.Arrays.stream(values()).filter(m -> m.classification == classification).toList();
        for (Metric m : fit) {
            if (m.id.equalsIgnoreCase(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("--metric " + id + " does not fit a " + (classification ? "classification"
                : "regression") + " run; use one of " + String.join(", ", fit.stream().map(Metric::id).toList()));
    }

    /** How much worse {@code permuted} is than {@code baseline}: positive when the score got worse. */
    public double loss(double baseline, double permuted) {
        return higherIsBetter ? baseline - permuted : permuted - baseline;
    }

    /**
     * @param outputs probabilities (classification) or predicted values, one row per example
     * @param targets class index, or the target values, one row per example
     */
    public double score(double[][] outputs, double[][] targets) {
        int n = outputs.length;
        double sum = 0;
        if (this == R2) {
            return r2(outputs, targets);
        }
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (classification) {
                sum += classScore(outputs[i], (int) Math.round(targets[i][0]));
                count++;
                continue;
            }
            for (int k = 0; k < targets[i].length; k++) {
                double e = outputs[i][k] - targets[i][k];
                sum += this == MAE ? Math.abs(e) : e * e;
                count++;
            }
        }
        double mean = sum / count;
        return this == RMSE ? Math.sqrt(mean) : mean;
    }

    private double classScore(double[] p, int actual) {
        if (this == LOG_LOSS) {
            return -Math.log(Math.max(1e-15, Math.min(1 - 1e-15, p[actual])));
        }
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best == actual ? 1 : 0;
    }

    /** R² over all target columns together (1 - residual sum of squares / total), as averaged per column. */
    private static double r2(double[][] outputs, double[][] targets) {
        int width = targets[0].length;
        double total = 0;
        for (int k = 0; k < width; k++) {
            double mean = 0;
            for (double[] t : targets) {
                mean += t[k];
            }
            mean /= targets.length;
            double ssRes = 0;
            double ssTot = 0;
            for (int i = 0; i < targets.length; i++) {
                ssRes += Math.pow(targets[i][k] - outputs[i][k], 2);
                ssTot += Math.pow(targets[i][k] - mean, 2);
            }
            total += ssTot == 0 ? (ssRes == 0 ? 1 : 0) : 1 - ssRes / ssTot;
        }
        return total / width;
    }

    @Override
    public String toString() {
        return id;
    }
}
