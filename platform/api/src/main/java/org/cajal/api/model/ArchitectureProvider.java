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
}
