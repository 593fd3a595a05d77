package org.cajal.api.train;

import org.cajal.api.data.DataSchema;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A layer-stack model between two mini-batches, as a {@link ModelWatcher} sees it: its inputs as the model sees
 * them (after the pipeline's preprocessing), each layer's output for any inputs, its weights, and the training and
 * validation examples. Valid only during {@link ModelWatcher#onModel}; every array returned is the caller's own.
 *
 * @since 1.2
 */
@ProviderType
public interface ModelProbe {

    /** Which part of the split examples come from. */
    enum Part { TRAIN, VALIDATION }

    /**
     * Examples as the model sees them.
     *
     * @param features one row per example, {@link #inputWidth()} values each
     * @param targets one row per example: the class index (width 1) for classification, else the target values
     *                (after any target scaling the pipeline fits)
     */
    record Points(double[][] features, double[][] targets) {
    }

    String runId();

    /** 1-based epoch of the mini-batch just trained. */
    int epoch();

    /** 1-based number of that mini-batch in its epoch. */
    int batch();

    /** What the model sees: the schema after preprocessing (feature names, target kind, class labels). */
    DataSchema schema();

    /** Values per input row. */
    int inputWidth();

    /**
     * Every layer's output for these inputs in inference (no dropout, no noise; the model is not changed), by
     * layer index: {@code [layer][row][unit]}; the last layer's is the model's prediction.
     */
    double[][][] layerOutputs(double[][] inputs);

    /** Every layer's weight matrix as {@code [layer][input][unit]}; null for a layer without one (dropout). */
    double[][][] weights();

    /**
     * Up to {@code limit} examples of a part of the split (the first ones in the split's order; the same on every
     * call), empty when the part has none.
     */
    Points points(Part part, int limit);
}
