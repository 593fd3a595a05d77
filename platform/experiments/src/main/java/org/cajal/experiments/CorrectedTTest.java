package org.cajal.experiments;

import java.util.Locale;


/**
 * Nadeau and Bengio's corrected resampled t-test (Machine Learning 52, 2003; in the form of Bouckaert and Frank,
 * PAKDD 2004). The scores of two configurations on the same J folds or repeats are not independent samples: the
 * training sets overlap, so the plain paired t-test's variance is too small and it finds differences that are not
 * there. The correction inflates the variance of the mean difference from σ²/J to (1/J + n₂/n₁)·σ², with n₂/n₁ the
 * ratio of test to training examples in one fold or repeat:
 * <pre>
 *   d_j = a_j − b_j,   t = mean(d) / √((1/J + n₂/n₁) · var(d)),   J − 1 degrees of freedom, two-sided p
 * </pre>
 * The interval of the mean difference uses the same corrected standard error; the effect size is mean(d) / sd(d)
 * (Cohen's d for paired scores, labelled with Cohen's conventions 0.2 / 0.5 / 0.8).
 */
final class CorrectedTTest {

    /** Below this many pairs the verdict warns that the test has little power. */
    static final int FEW_PAIRS = 5;
    private static final double ALPHA = 0.05;

    private CorrectedTTest() {
    }

    /**
     * @throws IllegalArgumentException when the samples differ in length, have fewer than 2 pairs, hold a value
     *                                  that is not finite, or the ratio is not positive
     */
    static Comparison compare(double[] a, double[] b, double testTrainRatio, String metric,
                                     boolean higherIsBetter) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("the two configurations have " + a.length + " and " + b.length
                    + " scores: the test pairs the same folds or seeds, so both need the same number");
        }
        if (a.length < 2) {
            throw new IllegalArgumentException("at least 2 paired scores are needed (folds or repeats), got "
                    + a.length);
        }
        if (!(testTrainRatio > 0) || !Double.isFinite(testTrainRatio)) {
            throw new IllegalArgumentException("the test/train ratio must be a positive number, got "
                    + testTrainRatio);
        }
        int j = a.length;
        double[] d = new double[j];
        for (int i = 0; i < j; i++) {
            if (!Double.isFinite(a[i]) || !Double.isFinite(b[i])) {
                throw new IllegalArgumentException("pair " + (i + 1) + " has a score that is not a number ("
                        + a[i] + ", " + b[i] + ")");
            }
            d[i] = a[i] - b[i];
        }
        double meanA = Descriptive.mean(a);
        double meanB = Descriptive.mean(b);
        double meanD = Descriptive.mean(d);
        double variance = Descriptive.sumOfSquares(d, meanD) / (j - 1);
        double sdD = Math.sqrt(variance);
        int df = j - 1;
        double se = Math.sqrt((1.0 / j + testTrainRatio) * variance);
        double t;
        double p;
        double effect;
        if (se == 0) {
            // every pair differs by the same amount: no spread to test against
            t = meanD == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, meanD);
            p = meanD == 0 ? 1 : 0;
            effect = meanD == 0 ? Double.NaN : Math.copySign(Double.POSITIVE_INFINITY, meanD);
        } else {
            t = meanD / se;
            p = 2 * Descriptive.tCdf(-Math.abs(t), df);
            effect = meanD / sdD;
        }
        double half = Descriptive.tQuantile(0.975, df) * se;
        double low = meanD - half;
        double high = meanD + half;
        String verdict = verdict(metric, higherIsBetter, j, meanA, meanB, meanD, low, high, p, effect);
        return new Comparison(metric, j, meanA, meanB, meanD, sdD, t, df, p, effect, low, high, verdict);
    }

    static String verdict(String metric, boolean higherIsBetter, int pairs, double meanA, double meanB,
                          double meanD, double low, double high, double p, double effect) {
        StringBuilder out = new StringBuilder();
        String numbers = String.format(Locale.ROOT, "%s: A %s, B %s; difference A − B %s (95%% CI %s to %s), "
                        + "p %s, corrected resampled t-test over %d pairs",
                metric, num(meanA), num(meanB), num(meanD), num(low), num(high), pValue(p), pairs);
        if (p < ALPHA && meanD != 0) {
            boolean aBetter = (meanD > 0) == higherIsBetter;
            out.append(aBetter ? "A" : "B").append(" is better than ").append(aBetter ? "B" : "A")
                    .append(" on ").append(metric).append(", and the difference is unlikely to be chance (")
                    .append(numbers).append("). ");
            out.append("The effect is ").append(effectLabel(effect)).append(Double.isFinite(effect)
                    ? String.format(Locale.ROOT, " (d = %.2f).", effect) : " (every pair differs by the same amount).");
        } else {
            out.append("No evidence of a difference between A and B on ").append(metric).append(" (")
                    .append(numbers).append("). ")
                    .append("This does not show that they are equal: the interval says how large a difference "
                            + "the data still allow.");
        }
        if (pairs < FEW_PAIRS) {
            out.append(" With only ").append(pairs).append(" pairs the test has little power: use more folds or "
                    + "repeats before drawing conclusions.");
        }
        return out.toString();
    }

    static String effectLabel(double effect) {
        double size = Math.abs(effect);
        if (Double.isNaN(size)) {
            return "nil";
        }
        if (size < 0.2) {
            return "negligible";
        }
        if (size < 0.5) {
            return "small";
        }
        return size < 0.8 ? "medium" : "large";
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }

    private static String pValue(double p) {
        return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "= %.3f", p);
    }
}
