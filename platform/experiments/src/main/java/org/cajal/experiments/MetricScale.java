package org.cajal.experiments;

import java.util.List;
import java.util.Locale;

/**
 * The range a metric can take, and the scale its 95% interval is computed on so that the interval stays inside
 * that range: the t interval of the transformed values, transformed back.
 *
 * <ul>
 *   <li>{@link #PROPORTION}: [0, 1] (accuracy, f1, precision, recall, AUC); logit scale, log(x / (1 − x)).</li>
 *   <li>{@link #POSITIVE}: [0, ∞) (losses, mse, mae, rmse, errors); log scale.</li>
 *   <li>{@link #AT_MOST_ONE}: (−∞, 1] (r2); log scale of 1 − x.</li>
 *   <li>{@link #UNBOUNDED}: anything else; the plain t interval.</li>
 * </ul>
 * A value on a bound has no finite transform: a proportion of 0 or 1 is moved in by {@link #EDGE}; a value of 0
 * on a log scale is replaced by half the smallest positive value of the sample.
 */
public enum MetricScale {

    PROPORTION("t on logit scale", 0, 1),
    POSITIVE("t on log scale", 0, Double.POSITIVE_INFINITY),
    AT_MOST_ONE("t on log(1 − x) scale", Double.NEGATIVE_INFINITY, 1),
    UNBOUNDED("t", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    /** How far a proportion of exactly 0 or 1 is moved inside before its logit is taken. */
    public static final double EDGE = 1e-4;

    private static final List<String> PROPORTIONS = List.of("accuracy", "f1", "precision", "recall", "auc",
            "specificity", "sensitivity");
    private static final List<String> POSITIVES = List.of("loss", "mse", "mae", "rmse", "error", "entropy",
            "perplexity");

    private final String method;
    private final double lowest;
    private final double highest;

    MetricScale(String method, double lowest, double highest) {
        this.method = method;
        this.highest = highest;
        this.lowest = lowest;
    }

    /**
     * The scale of a metric by its name (an evaluation key such as {@code accuracy} or {@code logLoss}, or a
     * metrics.csv column such as {@code validation_loss}); a name it does not know is {@link #UNBOUNDED}.
     */
    public static MetricScale of(String metric) {
        String m = metric == null ? "" : metric.toLowerCase(Locale.ROOT);
        if (m.equals("r2") || m.endsWith("_r2") || m.contains("rsquared") || m.contains("r_squared")) {
            return AT_MOST_ONE;
        }
        if (PROPORTIONS.stream().anyMatch(m::contains)) {
            return PROPORTION;
        }
        return POSITIVES.stream().anyMatch(m::contains) ? POSITIVE : UNBOUNDED;
    }

    /** The interval method in words, as summary.json's {@code method} records it ("t on logit scale"). */
    public String method() {
        return method;
    }

    /** The value moved into the metric's range (for drawing bands written before intervals kept to it). */
    public double clamp(double value) {
        return Double.isNaN(value) ? value : Math.max(lowest, Math.min(highest, value));
    }

    /** The transform of a value inside the range; {@code floor} stands in for a value of 0 on a log scale. */
    double forward(double x, double floor) {
        return switch (this) {
            case PROPORTION -> {
                double p = Math.max(EDGE, Math.min(1 - EDGE, x));
                yield Math.log(p / (1 - p));
            }
            case POSITIVE -> Math.log(Math.max(floor, x));
            case AT_MOST_ONE -> Math.log(Math.max(floor, 1 - x));
            case UNBOUNDED -> x;
        };
    }

    /** The inverse of {@link #forward}. */
    double back(double y) {
        return switch (this) {
            case PROPORTION -> 1 / (1 + Math.exp(-y));
            case POSITIVE -> Math.exp(y);
            case AT_MOST_ONE -> 1 - Math.exp(y);
            case UNBOUNDED -> y;
        };
    }

    /** The distance from the bound a log scale measures (x, or 1 − x for r2); NaN for the other scales. */
    double fromBound(double x) {
        return switch (this) {
            case POSITIVE -> x;
            case AT_MOST_ONE -> 1 - x;
            default -> Double.NaN;
        };
    }

    /** Whether the value is inside the range (bounds included). */
    boolean contains(double x) {
        return x >= lowest && x <= highest;
    }
}
