package org.cajal.workbench.properties;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

import org.cajal.api.ParameterKind;
import org.cajal.api.ParameterSpec;

/**
 * How one form field reads, checks and shows its value: text typed by the user becomes a value (or a problem),
 * and a value found in the pipeline is shown as text with its problem, if any.
 */
interface ValueRule {

    /** A decimal number as JSON writes it (no hex, no {@code NaN}, no type suffix). */
    Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /** A whole number. */
    Pattern WHOLE = Pattern.compile("[+-]?\\d+");

    /**
     * The outcome of reading a field: a value to write ({@code null}: remove it, so the default applies) or a
     * problem to show instead of writing.
     */
    record Parsed(Object value, String problem) {

        static Parsed value(Object value) {
            return new Parsed(value, null);
        }

        static Parsed problem(String problem) {
            return new Parsed(null, Objects.requireNonNull(problem));
        }

        boolean ok() {
            return problem == null;
        }
    }

    /** Reads typed text; empty text means "no value" (the default applies), which may itself be a problem. */
    Parsed parse(String text);

    /** The problem with a value found in the pipeline ({@code null}: absent), or {@code null} if it is fine. */
    String problem(Object value);

    /** The text a field shows for a value found in the pipeline ({@code null}: empty). */
    default String format(Object value) {
        return formatValue(value);
    }

    /** Numbers without exponent noise ({@code 0.0001}, {@code 64}); other values as {@code String.valueOf}. */
    static String formatValue(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d && Double.isFinite(d)) {
            double abs = Math.abs(d);
            if (abs != 0 && (abs < 1e-6 || abs >= 1e12)) {
                return d.toString();
            }
            String plain = BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        return String.valueOf(value);
    }

    /** The rule of a component parameter: its kind, range, choices and whether it is required. */
    static ValueRule of(ParameterSpec spec) {
        return new SpecRule(spec);
    }

    /** A whole number of any size that fits a {@code long} (e.g. a seed). */
    static ValueRule anyLong() {
        return new ValueRule() {
            @Override
            public Parsed parse(String text) {
                String t = text.trim();
                if (t.isEmpty()) {
                    return Parsed.problem("required: enter a whole number");
                }
                if (!WHOLE.matcher(t).matches()) {
                    return Parsed.problem("expected a whole number but got text \"" + t + "\"");
                }
                try {
                    return Parsed.value(Long.parseLong(t));
                } catch (NumberFormatException e) {
                    return Parsed.problem("value " + t + " is too large; allowed: "
                            + Long.MIN_VALUE + " .. " + Long.MAX_VALUE);
                }
            }

            @Override
            public String problem(Object value) {
                return value instanceof Long || value instanceof Integer ? null : "expected a whole number";
            }
        };
    }

    /** {@link ValueRule} of a {@link ParameterSpec}: the spec's own checks and messages. */
    final class SpecRule implements ValueRule {

        private final ParameterSpec spec;

        SpecRule(ParameterSpec spec) {
            this.spec = spec;
        }

        @Override
        public Parsed parse(String text) {
            String t = text.trim();
            boolean numeric = spec.kind() == ParameterKind.INTEGER || spec.kind() == ParameterKind.NUMBER;
            if (numeric ? t.isEmpty() : text.isEmpty()) {
                String p = problem(null);
                return p == null ? Parsed.value(null) : Parsed.problem(p);
            }
            Object raw = numeric ? number(t) : text;
            return spec.problem(raw).map(Parsed::problem).orElseGet(() -> Parsed.value(spec.coerce(raw)));
        }

        /** The number the text spells, or the text itself (which the spec then reports as not a number). */
        private static Object number(String t) {
            if (WHOLE.matcher(t).matches()) {
                try {
                    return Long.parseLong(t);
                } catch (NumberFormatException e) {
                    return finiteOrText(t);
                }
            }
            return DECIMAL.matcher(t).matches() ? finiteOrText(t) : t;
        }

        /** 1e999 is Infinity, which a pipeline file cannot hold: left as text, so it is reported, not written. */
        private static Object finiteOrText(String t) {
            double d = Double.parseDouble(t);
            return Double.isFinite(d) ? (Object) d : t;
        }

        @Override
        public String problem(Object value) {
            if (value == null) {
                if (!spec.required()) {
                    return null;
                }
                return (spec.kind() == ParameterKind.CHOICE ? "required: choose " : "required: enter ") + article(spec);
            }
            return spec.problem(value).orElse(null);
        }

        private static String article(ParameterSpec spec) {
            return switch (spec.kind()) {
                case INTEGER -> "a whole number";
                case NUMBER -> "a number";
                case BOOLEAN -> "true or false";
                case STRING -> "some text";
                case CHOICE -> "one of " + String.join(", ", spec.choices());
                case FILE -> "a file path";
            };
        }
    }
}
