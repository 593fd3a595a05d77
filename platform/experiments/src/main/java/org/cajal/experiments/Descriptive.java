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
        return summarise(values, MetricScale.UNBOUNDED);
    }

    /**
     * n, arithmetic mean and sample sd of the values, and the 95% t interval computed on the scale's transform
     * and transformed back: inside the metric's range, and asymmetric around the mean where the range is near.
     * One value, or values all equal: the interval is the value itself. A value outside the scale's range: the
     * plain t interval ({@link #effective}).
     *
     * @throws IllegalArgumentException for no values or a value that is not finite (names its position)
     */
    static Summary summarise(double[] values, MetricScale scale) {
        check(values);
        int n = values.length;
        double mean = mean(values);
        double sd = n == 1 ? 0 : Math.sqrt(sumOfSquares(values, mean) / (n - 1));
        if (n == 1 || sd == 0) {
            return new Summary(n, mean, sd, mean, mean);
        }
        MetricScale on = effective(values, scale);
        double floor = floor(values, on);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = on.forward(values[i], floor);
        }
        double centre = mean(y);
        double half = tQuantile(UPPER, n - 1) * Math.sqrt(sumOfSquares(y, centre) / (n - 1)) / Math.sqrt(n);
        double a = on.back(centre - half);
        double b = on.back(centre + half);
        // 1 − e^y falls as y rises: the ends swap for r2
        return new Summary(n, mean, sd, Math.min(a, b), Math.max(a, b));
    }

    /** The scale the values are summarised on: the given one when they all lie in its range, else unbounded. */
    static MetricScale effective(double[] values, MetricScale scale) {
        for (double v : values) {
            if (!scale.contains(v)) {
                return MetricScale.UNBOUNDED;
            }
        }
        return scale;
    }

    /** On a log scale, what stands in for a value on the bound: half the smallest positive distance from it. */
    private static double floor(double[] values, MetricScale scale) {
        double smallest = Double.POSITIVE_INFINITY;
        for (double v : values) {
            double d = scale.fromBound(v);
            if (d > 0) {
                smallest = Math.min(smallest, d);
            }
        }
        return Double.isFinite(smallest) ? smallest / 2 : 0;
    }

    private static void check(double[] values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("no values to summarise");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("value " + (i + 1) + " of " + values.length + " is " + values[i]
                        + ": a run whose metric is not a number cannot be summarised (did it diverge?)");
            }
        }
    }

    /**
     * Per epoch (index), the summary over the curves that have a finite value there, on the scale; the band ends
     * at the last epoch any curve reached.
     */
    static List<Summary> band(List<double[]> curves, MetricScale scale) {
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
                    : summarise(java.util.Arrays.copyOf(values, n), scale));
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
