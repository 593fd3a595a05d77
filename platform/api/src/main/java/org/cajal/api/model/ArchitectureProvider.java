package org.cajal.api.model;

import org.cajal.api.Describable;
import org.cajal.api.Parameters;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A model that is not a plain layer stack (transformer, GAN, anything with its own training step). Selected in a
 * pipeline by {@code model.architecture}; its parameters are {@code model.params}. The plain layer stack is the
 * runtime's built-in default architecture.
 */
@ConsumerType
public interface ArchitectureProvider extends Describable {

    /**
     * Builds an untrained model.
     *
     * @throws LayerException if the parameters do not fit the data's schema
     */
    TrainableModel build(Parameters parameters, ModelContext context) throws LayerException;

    /**
     * False for a generative architecture (GAN, autoencoder): it learns from the features alone, so any dataset
     * fits — one without targets too, and a labelled one's targets are ignored. Its models must implement
     * {@link GenerativeModel}, and the pipeline's loss is not checked against a target: {@link #build} checks it
     * (and throws a {@link LayerException} naming the losses it supports).
     *
     * @since 1.1
     */
    default boolean usesTargets() {
        return true;
    }
}
