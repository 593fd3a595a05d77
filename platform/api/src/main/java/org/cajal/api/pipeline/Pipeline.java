package org.cajal.api.pipeline;

import java.util.List;
import java.util.Objects;

/**
 * One experiment, as a pipeline file describes it: data, preprocessing, split, model and training.
 * The workbench saves exactly what batch mode runs.
 *
 * @param schemaVersion the file format version ({@link #SCHEMA_VERSION})
 * @param name short name, used in run folder names
 * @param description free text
 * @param seed seed for data generation, splitting, shuffling and weight initialisation
 */
public record Pipeline(int schemaVersion, String name, String description, long seed, ComponentRef dataset,
                       List<ComponentRef> preprocessing, SplitSpec split, ModelSpec model,
                       TrainingSpec training) {

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
    }

    /** The same pipeline with another seed. */
    public Pipeline withSeed(long newSeed) {
        return new Pipeline(schemaVersion, name, description, newSeed, dataset, preprocessing, split, model, training);
    }
}
