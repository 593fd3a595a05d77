package org.cajal.datasets.internal;

import java.util.regex.Pattern;

/** Strict reading of numbers in text cells: plain decimal or scientific notation, nothing Java-specific like NaN. */
final class NumberText {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private NumberText() {
    }

    /** Whether trimmed text is a finite decimal number. */
    static boolean isNumber(String text) {
        return DECIMAL.matcher(text).matches() && Double.isFinite(Double.parseDouble(text));
    }

    /** Whether trimmed text is a number that also fits a float (what the dataset stores). */
    static boolean isFloat(String text) {
        return isNumber(text) && Float.isFinite(Float.parseFloat(text));
    }

    /** Whether a number has no fractional part. */
    static boolean isWhole(double value) {
        return value == Math.rint(value);
    }

    /** A class label for a numeric value: {@code 1} for 1.0, {@code 0.5} for 0.5. */
    static String label(double value) {
        return isWhole(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
