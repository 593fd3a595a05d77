package org.cajal.api.data;

import java.util.Objects;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A set of examples read from a dataset.
 *
 * @param features {@code [n, ...featureShape]}
 * @param targets {@code [n, 1]} class indices (as floats) for classification, {@code [n, k]} values for
 *                regression, or {@code null} when the dataset has no target
 */
public record Examples(INDArray features, INDArray targets) {

    public Examples {
        Objects.requireNonNull(features, "features");
        if (targets != null && targets.size(0) != features.size(0)) {
            throw new IllegalArgumentException("features have " + features.size(0) + " rows but targets "
                    + targets.size(0));
        }
    }

    /** Number of examples. */
    public long size() {
        return features.size(0);
    }
}
