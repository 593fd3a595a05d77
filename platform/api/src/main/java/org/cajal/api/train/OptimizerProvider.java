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
}
