package org.cajal.api;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The validated parameter values handed to a component: every declared key with a default or a given value is
 * present, converted to its kind's Java type. Immutable.
 */
public final class Parameters {

    private final Map<String, Object> values;
    private final Path baseDirectory;

    private Parameters(Map<String, Object> values, Path baseDirectory) {
        this.values = Map.copyOf(values);
        this.baseDirectory = baseDirectory;
    }

    /**
     * Resolves raw values against a descriptor: defaults filled in, values converted. The caller has checked the
     * values with {@link ParameterSpec#problem(Object)} already; an unchecked bad value throws
     * {@link IllegalArgumentException}.
     *
     * @param baseDirectory folder against which relative {@link ParameterKind#FILE} values resolve
     */
    public static Parameters resolve(ComponentDescriptor descriptor, Map<String, ?> raw, Path baseDirectory) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (ParameterSpec spec : descriptor.parameters()) {
            Object given = raw.get(spec.key());
            Object value = given == null ? spec.defaultValue() : spec.coerce(given);
            if (given != null && (value == null || spec.problem(given).isPresent())) {
                throw new IllegalArgumentException(descriptor.id() + "." + spec.key() + ": "
                        + spec.problem(given).orElse("bad value"));
            }
            if (value != null) {
                out.put(spec.key(), value);
            }
        }
        for (String key : raw.keySet()) {
            if (descriptor.parameter(key).isEmpty()) {
                throw new IllegalArgumentException(descriptor.id() + " has no parameter '" + key + "'");
            }
        }
        return new Parameters(out, baseDirectory);
    }

    /** Parameters with only the descriptor's defaults, resolved against the working directory. */
    public static Parameters defaults(ComponentDescriptor descriptor) {
        return resolve(descriptor, Map.of(), Path.of("").toAbsolutePath());
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public int getInt(String key) {
        return (Integer) require(key);
    }

    public double getDouble(String key) {
        return (Double) require(key);
    }

    public boolean getBoolean(String key) {
        return (Boolean) require(key);
    }

    public String getString(String key) {
        return (String) require(key);
    }

    public Optional<Integer> optionalInt(String key) {
        return Optional.ofNullable((Integer) values.get(key));
    }

    public Optional<String> optionalString(String key) {
        return Optional.ofNullable((String) values.get(key));
    }

    /** A {@link ParameterKind#FILE} value as an absolute path (relative values resolve against the pipeline's folder). */
    public Path getPath(String key) {
        return baseDirectory.resolve(getString(key)).toAbsolutePath().normalize();
    }

    /** All values, keyed by parameter key. */
    public Map<String, Object> asMap() {
        return values;
    }

    private Object require(String key) {
        Object v = values.get(key);
        if (v == null) {
            throw new IllegalStateException("parameter '" + key + "' has no value and no default");
        }
        return v;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
