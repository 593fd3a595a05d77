package org.cajal.experiments;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Means, sample standard deviations and t intervals of the mean: the summaries of repeats and folds.
 */
final class Descriptive {

    /** Two-sided 95%: the t quantile at 0.975. */
    private static final double UPPER = 0.975;

    private Descriptive() {
    }

    /**
     * n, mean, sample sd (n − 1) and the 95% t interval of the mean, mean ± t(0.975, n − 1) · sd / √n.
     *
     * @throws IllegalArgumentException for no values or a value that is not finite (names its position)
     */
    static Summary summarise(double[] values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("no values to summarise");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("value " + (i + 1) + " of " + values.length + " is " + values[i]
                        + ": a run whose metric is not a number cannot be summarised (did it diverge?)");
            }
        }
        int n = values.length;
        double mean = mean(values);
        if (n == 1) {
            return new Summary(1, mean, 0, mean, mean);
        }
        double sd = Math.sqrt(sumOfSquares(values, mean) / (n - 1));
        double half = tQuantile(UPPER, n - 1) * sd / Math.sqrt(n);
        return new Summary(n, mean, sd, mean - half, mean + half);
    }

    /**
     * Per epoch (index), the summary over the curves that have a finite value there; the band ends at the last
     * epoch any curve reached.
     */
    static List<Summary> band(List<double[]> curves) {
        int longest = 0;
        for (double[] curve : curves) {
            longest = Math.max(longest, curve.length);
        }
        List<Summary> band = new ArrayList<>(longest);
        for (int epoch = 0; epoch < longest; epoch++) {
            double[] values = new double[curves.size()];
            int n = 0;
            for (double[] curve : curves) {
                if (epoch < curve.length && Double.isFinite(curve[epoch])) {
                    values[n++] = curve[epoch];
                }
            }
            band.add(n == 0 ? new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN)
                    : summarise(java.util.Arrays.copyOf(values, n)));
        }
        return band;
    }

    /** The p quantile of Student's t distribution with df degrees of freedom. */
    static double tQuantile(double p, double df) {
        // no random generator: the distribution is only evaluated, never sampled
        return new TDistribution(null, df).inverseCumulativeProbability(p);
    }

    /** P(T ≤ t) for Student's t with df degrees of freedom. */
    static double tCdf(double t, double df) {
        return new TDistribution(null, df).cumulativeProbability(t);
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    static double sumOfSquares(double[] values, double mean) {
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return ss;
    }
}
