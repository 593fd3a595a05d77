package org.cajal.explain.method;

import java.util.List;
import java.util.Random;

/**
 * Per-example attributions: the Shapley values of one row's prediction (Lundberg and Lee 2017), with the features
 * absent from a coalition filled from background rows (interventional SHAP): the worth of a coalition S is the mean
 * output over the background rows with the features of S set to the explained row's values. The values add up to
 * the row's output minus the mean output over the background (efficiency).
 *
 * <p>With at most {@link #EXACT_LIMIT} features every coalition is evaluated and the values are exact for that
 * background: what Kernel SHAP estimates, with no sampling error. With more, they are estimated by permutation
 * sampling (Štrumbelj and Kononenko 2014) with antithetic pairs: each sample is a random order of the features and its
 * reverse, a feature's value is the mean change of the worth when it joins the features before it, and its standard
 * error is the standard deviation of those changes over the samples divided by the square root of their number.
 */
public final class ShapleyValues {

    /** The most features whose coalitions are all evaluated (2^10 = 1024 coalitions). */
    public static final int EXACT_LIMIT = 10;

    /**
     * A row's attributions.
     *
     * @param phi      {@code phi[feature][output]}
     * @param error    standard error of each value ({@code 0} when exact)
     * @param base     the mean output over the background, per output
     * @param output   the row's output
     * @param exact    whether every coalition was evaluated
     * @param samples  antithetic sample pairs drawn ({@code 0} when exact)
     */
    public record Attribution(List<Feature> features, double[][] phi, double[][] error, double[] base,
                              double[] output, boolean exact, int samples) {
    }

    private ShapleyValues() {
    }

    public static Attribution compute(Predictor model, double[] row, double[][] background, List<Feature> features,
                                      int samples, long seed) {
        double[] output = model.predict(new double[][] {row.clone()})[0];
        double[] base = worth(model, row, background, features, new boolean[features.size()]);
        return features.size() <= EXACT_LIMIT ? exact(model, row, background, features, output, base)
                : sampled(model, row, background, features, output, base, samples, seed);
    }

    private static Attribution exact(Predictor model, double[] row, double[][] background, List<Feature> features,
                                     double[] output, double[] base) {
        int m = features.size();
        int width = output.length;
        double[][] worth = new double[1 << m][];
        for (int s = 0; s < worth.length; s++) {
            worth[s] = worth(model, row, background, features, members(s, m));
        }
        double[] weight = new double[m];
        for (int size = 0; size < m; size++) {
            // |S|! (m - |S| - 1)! / m!
            weight[size] = 1.0 / (m * binomial(m - 1, size));
        }
        double[][] phi = new double[m][width];
        for (int j = 0; j < m; j++) {
            for (int s = 0; s < worth.length; s++) {
                if ((s & (1 << j)) == 0) {
                    double w = weight[Integer.bitCount(s)];
                    for (int k = 0; k < width; k++) {
                        phi[j][k] += w * (worth[s | (1 << j)][k] - worth[s][k]);
                    }
                }
            }
        }
        return new Attribution(features, phi, new double[m][width], base, output, true, 0);
    }

    private static Attribution sampled(Predictor model, double[] row, double[][] background, List<Feature> features,
                                       double[] output, double[] base, int samples, long seed) {
        int m = features.size();
        int width = output.length;
        double[][] sum = new double[m][width];
        double[][] sumSq = new double[m][width];
        Random random = new Random(seed);
        for (int s = 0; s < samples; s++) {
            int[] order = PermutationImportance.shuffles(m, 1, random.nextLong())[0];
            double[][] forward = marginals(model, row, background, features, order, base);
            int[] reverse = new int[m];
            for (int i = 0; i < m; i++) {
                reverse[i] = order[m - 1 - i];
            }
            double[][] backward = marginals(model, row, background, features, reverse, base);
            for (int j = 0; j < m; j++) {
                for (int k = 0; k < width; k++) {
                    double pair = (forward[j][k] + backward[j][k]) / 2;
                    sum[j][k] += pair;
                    sumSq[j][k] += pair * pair;
                }
            }
        }
        double[][] phi = new double[m][width];
        double[][] error = new double[m][width];
        for (int j = 0; j < m; j++) {
            for (int k = 0; k < width; k++) {
                phi[j][k] = sum[j][k] / samples;
                double var = samples < 2 ? 0 : (sumSq[j][k] - samples * phi[j][k] * phi[j][k]) / (samples - 1);
                error[j][k] = Math.sqrt(Math.max(0, var) / samples);
            }
        }
        return new Attribution(features, phi, error, base, output, false, samples);
    }

    /** Each feature's change of worth as the features join in {@code order}. */
    private static double[][] marginals(Predictor model, double[] row, double[][] background, List<Feature> features,
                                        int[] order, double[] base) {
        boolean[] in = new boolean[features.size()];
        double[] before = base;
        double[][] out = new double[features.size()][];
        for (int j : order) {
            in[j] = true;
            double[] after = worth(model, row, background, features, in);
            double[] change = new double[after.length];
            for (int k = 0; k < after.length; k++) {
                change[k] = after[k] - before[k];
            }
            out[j] = change;
            before = after;
        }
        return out;
    }

    /** The mean output over the background rows with the members' features set to the row's values. */
    static double[] worth(Predictor model, double[] row, double[][] background, List<Feature> features,
                          boolean[] members) {
        double[][] batch = new double[background.length][];
        for (int b = 0; b < background.length; b++) {
            batch[b] = background[b].clone();
            for (int j = 0; j < members.length; j++) {
                if (members[j]) {
                    batch[b][features.get(j).column()] = row[features.get(j).column()];
                }
            }
        }
        double[][] out = model.predict(batch);
        double[] mean = new double[out[0].length];
        for (double[] o : out) {
            for (int k = 0; k < mean.length; k++) {
                mean[k] += o[k] / out.length;
            }
        }
        return mean;
    }

    private static boolean[] members(int set, int m) {
        boolean[] in = new boolean[m];
        for (int j = 0; j < m; j++) {
            in[j] = (set & (1 << j)) != 0;
        }
        return in;
    }

    private static double binomial(int n, int k) {
        double c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return c;
    }
}
