package org.cajal.api.model;

import java.util.Objects;

import org.cajal.api.data.DataSchema;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * What an architecture is built for.
 *
 * @param schema the (preprocessed) data's schema
 * @param loss the training loss id
 * @param updater the optimizer chosen in the pipeline's training section
 * @param seed the pipeline's seed, for weight initialisation
 */
public record ModelContext(DataSchema schema, String loss, IUpdater updater, long seed) {

    public ModelContext {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(updater, "updater");
    }
}
