package org.cajal.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a contributed component (dataset, layer type, optimizer, ...) presents itself.
 *
 * @param id stable id used in pipeline files, lower case with dashes ({@code dense}, {@code adam}, {@code csv})
 * @param displayName name shown to the user
 * @param category palette group ({@code Core layers}, {@code Synthetic data})
 * @param help one paragraph of help text
 * @param parameters the typed parameters the component accepts, in display order
 */
public record ComponentDescriptor(String id, String displayName, String category, String help,
                                  List<ParameterSpec> parameters) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    public ComponentDescriptor {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("component id '" + id + "' must be lower case words joined by '-'");
        }
        displayName = Objects.requireNonNullElse(displayName, id);
        category = Objects.requireNonNullElse(category, "Other");
        help = Objects.requireNonNullElse(help, "");
        parameters = List.copyOf(parameters);
        long distinct = parameters.stream().map(ParameterSpec::key).distinct().count();
        if (distinct != parameters.size()) {
            throw new IllegalArgumentException("component '" + id + "' declares a parameter key twice");
        }
    }

    /** The spec for a parameter key, if the component declares it. */
    public Optional<ParameterSpec> parameter(String key) {
        return parameters.stream().filter(p -> p.key().equals(key)).findFirst();
    }
}
