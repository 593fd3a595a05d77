package org.cajal.experiments;

/**
 * The corrected resampled t-test of two configurations over paired folds or repeats.
 *
 * @param metric the score compared
 * @param n number of pairs (folds or repeats)
 * @param meanA mean score of A
 * @param meanB mean score of B
 * @param meanDifference mean of A − B
 * @param sdDifference sample sd of A − B
 * @param t the corrected t statistic
 * @param df degrees of freedom (n − 1)
 * @param p two-sided p-value
 * @param effectSize mean difference over its sd (paired Cohen's d; NaN when all differences are equal)
 * @param ciLow lower end of the corrected 95% interval of the mean difference
 * @param ciHigh upper end
 * @param verdict plain language: which is better, by how much, and how sure ("no evidence of a difference" when
 *                p ≥ 0.05), with a caution when n is small
 */
public record Comparison(String metric, int n, double meanA, double meanB, double meanDifference,
                         double sdDifference, double t, int df, double p, double effectSize, double ciLow,
                         double ciHigh, String verdict) {
}
