package org.cajal.runtime.internal.train;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One diagnostic found during training, before it is tied to a run: its kind, the sentence for the user and the
 * numbers behind it ({@link org.cajal.api.train.TrainingEvent.Diagnostic} carries it to listeners).
 */
record Note(String kind, String message, Map<String, Object> values) {

    Note {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** A number as people write it: three significant digits, no trailing zeros ({@code 0.05}, {@code 12.3}). */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "infinity" : "-infinity";
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros();
        return Math.abs(v) >= 1e-4 && Math.abs(v) < 1e7 ? d.toPlainString()
                : d.toString().replace("E+", "e").replace('E', 'e');
    }

    /** A number for JSON: non-finite values (which JSON cannot hold) as null. */
    static Double json(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
