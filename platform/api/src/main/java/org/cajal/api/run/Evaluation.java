package org.cajal.api.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * evaluation.json: the evaluated split's metrics ({@code accuracy}, {@code f1}, {@code precision}, {@code recall},
 * {@code logLoss}, ... for classification; {@code mse}, {@code mae}, {@code rmse}, {@code r2} for regression), what
 * was evaluated ({@code split}, {@code examples}) and nested details ({@code confusionMatrix}, {@code classes}; for
 * k-fold {@code sd} and {@code folds}).
 *
 * @param values the JSON object in file order; nested objects are maps, arrays are lists
 */
public record Evaluation(Map<String, Object> values) {

    /** No evaluation (a run that failed or was cancelled before its first epoch). */
    public static final Evaluation EMPTY = new Evaluation(Map.of());

    public Evaluation {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The top-level numbers (k-fold: the means over folds), in file order. */
    public Map<String, Double> numbers() {
        Map<String, Double> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v instanceof Number n) {
                out.put(k, n.doubleValue());
            }
        });
        return Collections.unmodifiableMap(out);
    }

    /** A top-level number, or empty when absent or not a number. */
    public OptionalDouble number(String key) {
        return values.get(key) instanceof Number n ? OptionalDouble.of(n.doubleValue()) : OptionalDouble.empty();
    }

    /** Which split was evaluated ({@code test}, {@code validation}, {@code train}, {@code k-fold}). */
    public Optional<String> split() {
        return values.get("split") instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** Whether the file was absent or empty. */
    public boolean isEmpty() {
        return values.isEmpty();
    }
}
