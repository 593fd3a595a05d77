package org.cajal.workbench.core;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.cajal.experiments.Comparison;

/**
 * How the workbench shows a run's numbers: values to four significant places, the headline metric of an
 * evaluation ({@code accuracy} for classification, else {@code r2}, else {@code mse}) and the evaluation as
 * key/value rows in a sensible order. Pure functions, any thread.
 */
public final class Metrics {

    /** The evaluation keys that are candidates for the headline, best first. */
    public static final List<String> HEADLINE_KEYS = List.of("accuracy", "r2", "mse");

    /** Keys shown first in an evaluation table, in this order; the rest follow alphabetically. */
    private static final List<String> ORDER = List.of("split", "examples", "accuracy", "f1", "precision", "recall",
            "rocAuc", "logLoss", "averaging", "mse", "rmse", "mae", "r2", "classes", "confusionMatrix", "folds");

    /** Lists up to this many scalars are shown in full; longer ones as a count. */
    private static final int SHORT_LIST = 10;

    /** Square matrices up to this size are shown in full; larger ones as their dimensions. */
    private static final int SMALL_MATRIX = 4;

    private Metrics() {
    }

    /**
     * A run's headline metric.
     *
     * @param name  the evaluation key ({@code accuracy}, {@code r2} or {@code mse})
     * @param value its value
     */
    public record Headline(String name, double value) implements Comparable<Headline> {

        @Override
        public int compareTo(Headline other) {
            return Double.compare(value, other.value);
        }

        @Override
        public String toString() {
            return name + " " + format(value);
        }
    }

    /** The headline metric of an evaluation, if it has one of {@link #HEADLINE_KEYS} as a number. */
    public static Optional<Headline> headline(Map<String, ?> evaluation) {
        if (evaluation == null) {
            return Optional.empty();
        }
        for (String key : HEADLINE_KEYS) {
            if (evaluation.get(key) instanceof Number n && !Double.isNaN(n.doubleValue())) {
                return Optional.of(new Headline(key, n.doubleValue()));
            }
        }
        return Optional.empty();
    }

    /**
     * A number to four significant places: {@code 0.9750} → {@code 0.975}, {@code 1234.567} → {@code 1235},
     * {@code 1.5E-7} → {@code 1.500e-07}; whole numbers of integral types as they are; NaN as {@code —}.
     */
    public static String format(Number number) {
        if (number == null) {
            return "";
        }
        if (number instanceof Integer || number instanceof Long || number instanceof Short
                || number instanceof Byte) {
            return number.toString();
        }
        double v = number.doubleValue();
        if (Double.isNaN(v)) {
            return "—";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "-∞";
        }
        if (v == 0) {
            return "0";
        }
        double abs = Math.abs(v);
        if (abs < 1e-4 || abs >= 1e7) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** A number as {@link #format(Number)} shows it. */
    public static String format(double value) {
        return format(Double.valueOf(value));
    }

    /**
     * The evaluation as rows of (key, shown value): the well-known keys first, numbers to four significant places,
     * short lists in full, a small confusion matrix in full and larger structures summarised (their charts show
     * them).
     */
    public static List<Map.Entry<String, String>> rows(Map<String, ?> evaluation) {
        List<String> keys = new ArrayList<>(evaluation.keySet());
        keys.sort(Comparator.comparingInt((String k) -> ORDER.contains(k) ? ORDER.indexOf(k) : ORDER.size())
                .thenComparing(Comparator.naturalOrder()));
        List<Map.Entry<String, String>> rows = new ArrayList<>();
        for (String key : keys) {
            Object value = evaluation.get(key);
            String shown = key.equals("folds") && value instanceof List<?> folds
                    ? folds.size() + " folds (the values above are their means)"
                    : describe(value);
            rows.add(Map.entry(key, shown));
        }
        return rows;
    }

    /** A compact text for any evaluation value. */
    public static String describe(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number n) {
            return format(n);
        }
        if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                return "none";
            }
            if (list.stream().allMatch(e -> e instanceof List<?>)) {
                int rows = list.size();
                int cols = ((List<?>) list.get(0)).size();
                if (rows <= SMALL_MATRIX && cols <= SMALL_MATRIX) {
                    return list.stream().map(r -> ((List<?>) r).stream().map(Metrics::describe)
                            .collect(Collectors.joining(" ", "[", "]"))).collect(Collectors.joining(" "));
                }
                return rows + " × " + cols + " matrix";
            }
            if (list.stream().allMatch(e -> e instanceof Map<?, ?>)) {
                return list.size() + (list.size() == 1 ? " entry" : " entries");
            }
            if (list.size() <= SHORT_LIST) {
                return list.stream().map(Metrics::describe).collect(Collectors.joining(", "));
            }
            return list.size() + " values";
        }
        if (value instanceof Map<?, ?> map) {
            return map.size() + (map.size() == 1 ? " entry" : " entries");
        }
        return value.toString();
    }

    /** The comparison in words: the verdict, then the numbers behind it. */
    public static String comparison(Comparison c, String a, String b) {
        return c.verdict() + "\n\n" + "A = " + a + ", B = " + b + "\n" + c.metric() + ": A " + format(c.meanA())
                + ", B " + format(c.meanB()) + "; difference A − B " + format(c.meanDifference())
                + " (corrected 95% CI " + format(c.ciLow()) + " to " + format(c.ciHigh()) + ")\n"
                + String.format(Locale.ROOT, "t = %.3f, df = %d, p = %.4f, effect size d = %s, n = %d pairs",
                c.t(), c.df(), c.p(), Double.isNaN(c.effectSize()) ? "n/a" : format(c.effectSize()), c.n());
    }
}
