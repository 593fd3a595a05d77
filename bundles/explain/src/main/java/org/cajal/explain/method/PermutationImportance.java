package org.cajal.explain.method;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Permutation feature importance (Breiman 2001; scikit-learn's {@code permutation_importance}): how much the score on
 * a set of rows gets worse when one feature's column is shuffled across the rows, breaking its link with the target
 * while keeping its distribution. Repeated over {@code repeats} shuffles; each repeat uses one shuffle of the row
 * order for every feature (as scikit-learn does). The interval is the 95% Student-t interval of the mean over the
 * repeats: it says how much the number depends on the shuffles, not how it would vary over other data or another
 * training run.
 */
public final class PermutationImportance {

    /**
     * One feature's importance.
     *
     * @param values the loss of score per repeat
     * @param low    lower end of the 95% interval of the mean (the mean itself when there is one repeat)
     * @param high   upper end
     */
    public record Result(Feature feature, double mean, double sd, double low, double high, double[] values) {
    }

    /** All features' importance with the baseline score. */
    public record Importance(Metric metric, double baseline, int repeats, List<Result> results) {
    }

    private PermutationImportance() {
    }

    /** The shuffles of row order, one per repeat, drawn from {@code seed}. */
    public static int[][] shuffles(int rows, int repeats, long seed) {
        Random random = new Random(seed);
        int[][] out = new int[repeats][];
        for (int r = 0; r < repeats; r++) {
            int[] order = new int[rows];
            for (int i = 0; i < rows; i++) {
                order[i] = i;
            }
            for (int i = rows - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            out[r] = order;
        }
        return out;
    }

    /**
     * @param shuffles one row order per repeat: repeat r gives row i the feature's value of row {@code shuffles[r][i]}
     */
    public static Importance compute(Predictor model, double[][] rows, double[][] targets, List<Feature> features,
                                     Metric metric, int[][] shuffles) {
        double baseline = metric.score(model.predict(rows), targets);
        List<Result> results = new ArrayList<>();
        for (Feature f : features) {
            double[] values = new double[shuffles.length];
            for (int r = 0; r < shuffles.length; r++) {
                double[][] permuted = copy(rows);
                for (int i = 0; i < rows.length; i++) {
                    permuted[i][f.column()] = rows[shuffles[r][i]][f.column()];
                }
                values[r] = metric.loss(baseline, metric.score(model.predict(permuted), targets));
            }
            results.add(result(f, values));
        }
        return new Importance(metric, baseline, shuffles.length, results);
    }

    static Result result(Feature f, double[] values) {
        int n = values.length;
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        // population sd, as scikit-learn's importances_std (np.std)
        double sd = Math.sqrt(ss / n);
        if (n < 2) {
            return new Result(f, mean, 0, mean, mean, values.clone());
        }
        double se = Math.sqrt(ss / (n - 1)) / Math.sqrt(n);
        double t = new TDistribution(null, n - 1).inverseCumulativeProbability(0.975);
        return new Result(f, mean, sd, mean - t * se, mean + t * se, values.clone());
    }

    static double[][] copy(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i].clone();
        }
        return out;
    }
}
