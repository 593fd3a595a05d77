package org.cajal.api.train;

import org.cajal.api.Describable;
import org.cajal.api.Parameters;
import org.nd4j.linalg.learning.config.IUpdater;
import org.osgi.annotation.versioning.ConsumerType;

/** An optimisation algorithm (SGD, Adam, ...) as a DL4J updater. Registered as an OSGi service; stateless. */
@ConsumerType
public interface OptimizerProvider extends Describable {

    /**
     * A new updater configuration for one run. DL4J keeps the updater's state (moments, velocities) inside the
     * network, so each run gets its own state even though this configuration is a plain value.
     */
    IUpdater updater(Parameters parameters);

    /**
     * The batch size this algorithm implies, overriding {@code training.batchSize}: full-batch gradient descent
     * returns 0 (the whole training split), online SGD 1. Empty for algorithms that use the pipeline's batch size.
     */
    default java.util.OptionalInt batchSize(Parameters parameters) {
        return java.util.OptionalInt.empty();
    }

    /**
     * Regularisation that belongs to the algorithm itself and is applied to every layer's weights, such as
     * AdamW's decoupled weight decay ({@code org.nd4j.linalg.learning.regularization.WeightDecay}). Empty by default.
     */
    default java.util.List<org.nd4j.linalg.learning.regularization.Regularization> regularization(
            Parameters parameters) {
        return java.util.List.of();
    }
}
