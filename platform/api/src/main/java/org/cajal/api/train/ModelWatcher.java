package org.cajal.api.train;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A training listener that also looks at a layer-stack model while it trains, as the workbench's live view does
 * (the decision boundary, each hidden unit's output and the weights, redrawn every few mini-batches). The runtime
 * asks {@link #wantsModel} after every mini-batch, on the training thread, and when it says yes calls
 * {@link #onModel} there before the next mini-batch: whatever the watcher does in it is time taken from training,
 * so the watcher keeps both calls cheap and decides how often to look. A listener that is not a watcher costs
 * nothing. Architectures from plugins are not watched.
 *
 * @since 1.2
 */
@ConsumerType
public interface ModelWatcher extends TrainingListener {

    /**
     * Whether to look at the model after this mini-batch (1-based numbers); called after every mini-batch, so it
     * must be as cheap as reading a clock.
     */
    boolean wantsModel(int epoch, int batch, int batchesPerEpoch);

    /** Looks at the model; the probe may be used only during this call, on this thread. */
    void onModel(ModelProbe probe);
}
