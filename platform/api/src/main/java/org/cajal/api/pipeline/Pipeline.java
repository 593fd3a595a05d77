package org.cajal.api.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One experiment, as a pipeline file describes it: data, preprocessing, split, model and training.
 * The workbench saves exactly what batch mode runs.
 *
 * @param schemaVersion the file format version ({@link #SCHEMA_VERSION})
 * @param name short name, used in run folder names
 * @param description free text
 * @param seed seed for data generation, splitting, shuffling and weight initialisation
 * @param search the file's optional top-level {@code "search"} object (a hyperparameter search's settings), as
 *               plain values in file order: {@code Map<String, Object>} for objects, {@code List<Object>} for
 *               arrays, {@code Integer}/{@code Long}/{@code Double} for numbers, {@code String}, {@code Boolean}
 *               and {@code null}. Deeply unmodifiable; empty when the file has none. Running a pipeline ignores
 *               it; the experiments bundle reads and checks it.
 * @since 1.2 (the {@code search} component)
 */
public record Pipeline(int schemaVersion, String name, String description, long seed, ComponentRef dataset,
                       List<ComponentRef> preprocessing, SplitSpec split, ModelSpec model,
                       TrainingSpec training, Map<String, Object> search) {

    /** The pipeline file format this API reads and writes. */
    public static final int SCHEMA_VERSION = 1;

    /** The seed used when a file names none. */
    public static final long DEFAULT_SEED = 42L;

    public Pipeline {
        Objects.requireNonNull(name, "name");
        description = Objects.requireNonNullElse(description, "");
        Objects.requireNonNull(dataset, "dataset");
        preprocessing = List.copyOf(preprocessing == null ? List.of() : preprocessing);
        split = Objects.requireNonNullElse(split, SplitSpec.DEFAULT);
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(training, "training");
        search = search == null ? Map.of() : frozenMap(search);
    }

    /** A pipeline without a {@code search} section (the form before API 1.2). */
    public Pipeline(int schemaVersion, String name, String description, long seed, ComponentRef dataset,
                    List<ComponentRef> preprocessing, SplitSpec split, ModelSpec model, TrainingSpec training) {
        this(schemaVersion, name, description, seed, dataset, preprocessing, split, model, training, Map.of());
    }

    /** The same pipeline with another seed (its search section kept). */
    public Pipeline withSeed(long newSeed) {
        return new Pipeline(schemaVersion, name, description, newSeed, dataset, preprocessing, split, model, training,
                search);
    }

    /** The same pipeline with another search section (empty or null: none). */
    public Pipeline withSearch(Map<String, Object> newSearch) {
        return new Pipeline(schemaVersion, name, description, seed, dataset, preprocessing, split, model, training,
                newSearch);
    }

    private static Map<String, Object> frozenMap(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), frozen(v)));
        return Collections.unmodifiableMap(copy);
    }

    private static Object frozen(Object value) {
        if (value instanceof Map<?, ?> m) {
            return frozenMap(m);
        }
        if (value instanceof List<?> l) {
            List<Object> copy = new ArrayList<>(l.size());
            l.forEach(v -> copy.add(frozen(v)));
            return Collections.unmodifiableList(copy);
        }
        if (value == null || value instanceof Number || value instanceof String || value instanceof Boolean) {
            return value;
        }
        throw new IllegalArgumentException("search holds a " + value.getClass().getSimpleName()
                + "; it may hold only maps, lists, numbers, text, true/false and null");
    }
}
