package org.cajal.experiments;

import java.util.List;

/**
 * The statistics of experiments, as plain functions (no state, no I/O). Implemented beside it, package-private
 * ({@code Descriptive}, {@code CorrectedTTest}), with Student's t distribution from Commons Math; every number is
 * checked in tests against values computed independently (R / SciPy, written into the tests with their source).
 */
public final class Statistics {

    private Statistics() {
    }

    /**
     * Mean, sample sd (n − 1) and the 95% confidence interval of the mean (t distribution, n − 1 degrees of
     * freedom). One value: sd 0 and the interval is the value itself.
     *
     * @throws IllegalArgumentException for no values or a value that is not finite
     */
    public static Summary summarise(double[] values) {
        return Descriptive.summarise(values);
    }

    /**
     * Per epoch, the mean of the curves that reached it with its 95% band (t interval of the mean over those
     * curves). Curves may differ in length (early stopping): an epoch is summarised over the curves that have it.
     */
    public static List<Summary> band(List<double[]> curves) {
        return Descriptive.band(curves, MetricScale.UNBOUNDED);
    }

    /**
     * The summary of a metric whose values lie in the scale's range: mean and sd as {@link #summarise(double[])},
     * the 95% interval the t interval on the scale's transform (logit, log), transformed back, so it never leaves
     * the range. One value or values all equal: the interval is the value. Values outside the range: the plain t
     * interval, as {@link #scaleUsed} says.
     *
     * @throws IllegalArgumentException for no values or a value that is not finite
     */
    public static Summary summarise(double[] values, MetricScale scale) {
        return Descriptive.summarise(values, scale);
    }

    /** {@link #band(List)} with each epoch's interval on the scale, as {@link #summarise(double[], MetricScale)}. */
    public static List<Summary> band(List<double[]> curves, MetricScale scale) {
        return Descriptive.band(curves, scale);
    }

    /** The scale {@link #summarise(double[], MetricScale)} uses for these values: the given one, or unbounded. */
    public static MetricScale scaleUsed(double[] values, MetricScale scale) {
        return Descriptive.effective(values, scale);
    }

    /**
     * Nadeau and Bengio's corrected resampled t-test for paired scores of configuration A and B over the same
     * folds or repeats (same seeds / same splits): t = mean(d) / sqrt((1/J + n2/n1) · var(d)), J − 1 degrees of
     * freedom, two-sided p; with the effect size (mean difference over its sd, paired Cohen's d), the 95%
     * interval of the mean difference under the same correction, and a plain-language verdict.
     *
     * @param a scores of configuration A, one per fold or repeat
     * @param b scores of B on the same folds or repeats, in the same order
     * @param testTrainRatio n2 / n1: examples used for testing over examples used for training in one fold or
     *                       repeat (k-fold: 1 / (k − 1))
     * @param metric the metric's name, for the verdict
     * @param higherIsBetter whether a larger score is better (accuracy) or worse (loss)
     */
    public static Comparison correctedResampledTTest(double[] a, double[] b, double testTrainRatio, String metric,
                                                     boolean higherIsBetter) {
        return CorrectedTTest.compare(a, b, testTrainRatio, metric,
                higherIsBetter);
    }
}
