package org.cajal.visualisers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.cajal.api.ParameterSpec;
import org.cajal.api.visual.Visualiser;

/**
 * The visualiser parameters that {@code cajal plot --set VISUALISER.PARAM=VALUE} gives, checked against each
 * visualiser's parameter specs: the visualiser must be installed, the parameter one of its own, and the value of
 * the parameter's kind and in its range. A later setting of the same parameter wins.
 */
final class VisualiserSettings {

    private final Map<String, Map<String, Object>> values;

    private VisualiserSettings(Map<String, Map<String, Object>> values) {
        this.values = values;
    }

    /**
     * @throws IllegalArgumentException naming the setting, the visualiser and the parameter, with what is allowed
     */
    static VisualiserSettings parse(List<String> settings, List<Visualiser> installed) {
        Map<String, Map<String, Object>> values = new LinkedHashMap<>();
        for (String setting : settings) {
            int equals = setting.indexOf('=');
            int dot = equals < 0 ? -1 : setting.lastIndexOf('.', equals);
            if (dot <= 0 || dot == equals - 1) {
                throw new IllegalArgumentException("--set needs VISUALISER.PARAM=VALUE, such as "
                        + "decision-boundary.resolution=200; got '" + setting + "'");
            }
            String id = setting.substring(0, dot);
            String key = setting.substring(dot + 1, equals);
            ParameterSpec spec = spec(setting, id, key, installed);
            Object value = value(spec, setting.substring(equals + 1).trim());
            Optional<String> problem = spec.problem(value);
            if (problem.isPresent()) {
                throw new IllegalArgumentException("--set " + setting + ": visualiser '" + id + "', parameter '"
                        + key + "': " + problem.get());
            }
            values.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(key, spec.coerce(value));
        }
        return new VisualiserSettings(values);
    }

    /** The values set for a visualiser, by parameter key (empty when none was set). */
    Map<String, Object> of(String id) {
        return values.getOrDefault(id, Map.of());
    }

    /** The visualisers that something was set for. */
    java.util.Set<String> visualisers() {
        return values.keySet();
    }

    private static ParameterSpec spec(String setting, String id, String key, List<Visualiser> installed) {
        Visualiser visualiser = installed.stream().filter(v -> v.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--set " + setting + ": no visualiser '" + id
                        + "' is installed (installed: " + installed.stream().map(Visualiser::id)
                        .collect(Collectors.joining(", ")) + ")"));
        return visualiser.descriptor().parameter(key)
                .orElseThrow(() -> new IllegalArgumentException("--set " + setting + ": visualiser '" + id
                        + "' has no parameter '" + key + "' (" + (visualiser.descriptor().parameters().isEmpty()
                        ? "it has none" : "its parameters: " + visualiser.descriptor().parameters().stream()
                        .map(ParameterSpec::key).collect(Collectors.joining(", "))) + ")"));
    }

    /** The text as the parameter's kind: a number, true or false, or the text itself when it is not one. */
    private static Object value(ParameterSpec spec, String text) {
        try {
            return switch (spec.kind()) {
                case INTEGER -> Long.valueOf(text);
                case NUMBER -> Double.valueOf(text);
                case BOOLEAN -> text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")
                        ? (Object) Boolean.valueOf(text) : text;
                default -> text;
            };
        } catch (NumberFormatException e) {
            return text;
        }
    }
}
