package org.cajal.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One typed parameter of a component. The workbench renders a form field from it, the runtime validates pipeline
 * files with it and the docs are generated from it.
 *
 * <p>Build one with the static factories and the {@code with...} methods:
 * {@code ParameterSpec.integer("units", 8).range(1, 65536).help("Number of neurons")}.
 *
 * @param key the JSON key, camelCase ({@code learningRate})
 * @param kind the value type
 * @param defaultValue the value used when the key is absent; {@code null} means the parameter is optional and
 *                     has no value unless given (the component documents what absence means), or, if
 *                     {@code required}, that it must be given
 * @param required whether the key must be present in a pipeline file
 * @param min inclusive lower bound for numbers, or {@code null}
 * @param max inclusive upper bound for numbers, or {@code null}
 * @param choices the allowed values of a {@link ParameterKind#CHOICE}, empty otherwise
 * @param unit unit shown beside the field ({@code epochs}, {@code %}), may be empty
 * @param help one or two sentences of help text
 */
public record ParameterSpec(String key, ParameterKind kind, Object defaultValue, boolean required,
                            Double min, Double max, List<String> choices, String unit, String help) {

    private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9]*");

    public ParameterSpec {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("parameter key '" + key + "' must be camelCase letters and digits");
        }
        choices = List.copyOf(choices == null ? List.of() : choices);
        unit = Objects.requireNonNullElse(unit, "");
        help = Objects.requireNonNullElse(help, "");
        if (kind == ParameterKind.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("choice parameter '" + key + "' needs at least one choice");
        }
        if (defaultValue != null) {
            Object coerced = coerce(kind, defaultValue);
            if (coerced == null) {
                throw new IllegalArgumentException("default of '" + key + "' is not a " + kind);
            }
            defaultValue = coerced;
        }
    }

    /** An integer parameter with a default. */
    public static ParameterSpec integer(String key, Integer defaultValue) {
        return new ParameterSpec(key, ParameterKind.INTEGER, defaultValue, false, null, null, List.of(), "", "");
    }

    /** A real-number parameter with a default. */
    public static ParameterSpec number(String key, Double defaultValue) {
        return new ParameterSpec(key, ParameterKind.NUMBER, defaultValue, false, null, null, List.of(), "", "");
    }

    /** A boolean parameter with a default. */
    public static ParameterSpec bool(String key, boolean defaultValue) {
        return new ParameterSpec(key, ParameterKind.BOOLEAN, defaultValue, false, null, null, List.of(), "", "");
    }

    /** A text parameter with a default. */
    public static ParameterSpec string(String key, String defaultValue) {
        return new ParameterSpec(key, ParameterKind.STRING, defaultValue, false, null, null, List.of(), "", "");
    }

    /** A choice among fixed values; the first choice is the default unless {@code withDefault} says otherwise. */
    public static ParameterSpec choice(String key, List<String> choices) {
        return new ParameterSpec(key, ParameterKind.CHOICE, choices.isEmpty() ? null : choices.get(0), false,
                null, null, choices, "", "");
    }

    /** A file path parameter, required by default. */
    public static ParameterSpec file(String key) {
        return new ParameterSpec(key, ParameterKind.FILE, null, true, null, null, List.of(), "", "");
    }

    public ParameterSpec range(double lowest, double highest) {
        return new ParameterSpec(key, kind, defaultValue, required, lowest, highest, choices, unit, help);
    }

    public ParameterSpec atLeast(double lowest) {
        return new ParameterSpec(key, kind, defaultValue, required, lowest, max, choices, unit, help);
    }

    public ParameterSpec help(String text) {
        return new ParameterSpec(key, kind, defaultValue, required, min, max, choices, unit, text);
    }

    public ParameterSpec unit(String text) {
        return new ParameterSpec(key, kind, defaultValue, required, min, max, choices, text, help);
    }

    public ParameterSpec withDefault(Object value) {
        return new ParameterSpec(key, kind, value, required, min, max, choices, unit, help);
    }

    /** This parameter must be given in the pipeline file (its default is dropped). */
    public ParameterSpec requiredParameter() {
        return new ParameterSpec(key, kind, null, true, min, max, choices, unit, help);
    }

    /** This parameter may be left out and then has no value (its default is dropped). */
    public ParameterSpec optional() {
        return new ParameterSpec(key, kind, null, false, min, max, choices, unit, help);
    }

    /**
     * Checks a value given for this parameter (as Jackson or a form field delivers it: Integer, Long, Double,
     * String, Boolean).
     *
     * @return a problem description for the user, naming the expected type or the allowed range, or empty
     */
    public Optional<String> problem(Object value) {
        Object v = coerce(kind, value);
        if (v == null && kind == ParameterKind.INTEGER && value instanceof Number n
                && n.doubleValue() == Math.rint(n.doubleValue())) {
            // a whole number, but beyond what the parameter can hold: say what it can
            return Optional.of("value " + value + " is out of range; allowed: " + (min != null || max != null
                    ? rangeText() : Integer.MIN_VALUE + " .. " + Integer.MAX_VALUE));
        }
        if (v == null) {
            return Optional.of("expected " + expected() + " but got " + describe(value));
        }
        if (v instanceof Number n && !inRange(n.doubleValue())) {
            return Optional.of("value " + value + " is out of range; allowed: " + rangeText());
        }
        if (kind == ParameterKind.CHOICE && !choices.contains(v)) {
            return Optional.of("'" + value + "' is not one of " + String.join(", ", choices));
        }
        if ((kind == ParameterKind.STRING || kind == ParameterKind.FILE) && required && ((String) v).isBlank()) {
            return Optional.of("must not be empty");
        }
        return Optional.empty();
    }

    /** The value converted to this kind's Java type (Integer, Double, Boolean, String), or {@code null} if it is not one. */
    public Object coerce(Object value) {
        return coerce(kind, value);
    }

    /** Human-readable allowed range: {@code 1 .. 65536}, {@code >= 0}, or {@code any}. */
    public String rangeText() {
        if (kind == ParameterKind.CHOICE) {
            return String.join(", ", choices);
        }
        if (min != null && max != null) {
            return format(min) + " .. " + format(max);
        }
        if (min != null) {
            return ">= " + format(min);
        }
        if (max != null) {
            return "<= " + format(max);
        }
        return "any " + expected().replaceFirst("^an? ", "");
    }

    private boolean inRange(double v) {
        return Double.isFinite(v) && (min == null || v >= min) && (max == null || v <= max);
    }

    private String expected() {
        return switch (kind) {
            case INTEGER -> "a whole number";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case STRING -> "text";
            case CHOICE -> "one of " + String.join(", ", choices);
            case FILE -> "a file path";
        };
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return "text \"" + s + "\"";
        }
        if (value instanceof Boolean) {
            return "boolean " + value;
        }
        if (value instanceof Number) {
            return "number " + value;
        }
        return value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    private static String format(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private static Object coerce(ParameterKind kind, Object value) {
        return switch (kind) {
            case INTEGER -> {
                if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
                    yield ((Number) value).intValue();
                }
                if (value instanceof Long l && l == l.intValue()) {
                    yield l.intValue();
                }
                if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
                    yield d.intValue();
                }
                yield null;
            }
            case NUMBER -> value instanceof Number n ? n.doubleValue() : null;
            case BOOLEAN -> value instanceof Boolean b ? b : null;
            case STRING, CHOICE, FILE -> value instanceof String s ? s : null;
        };
    }
}
