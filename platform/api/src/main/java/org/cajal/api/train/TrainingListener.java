package org.cajal.api.train;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives a run's events on the training thread. Implementations must return quickly: a UI hops to its own
 * thread, a console prints and returns.
 */
@ConsumerType
@FunctionalInterface
public interface TrainingListener {

    void onEvent(TrainingEvent event);

    /** A listener that ignores everything. */
    static TrainingListener none() {
        return event -> { };
    }
}
