package org.cajal.api.pipeline;

import java.util.Objects;

/**
 * The training section.
 *
 * @param loss a {@link org.cajal.api.train.Loss} id
 * @param optimizer an installed optimizer with its parameters
 * @param epochs passes over the training split
 * @param batchSize examples per mini-batch; 0 means the whole training split (full-batch gradient descent)
 */
public record TrainingSpec(String loss, ComponentRef optimizer, int epochs, int batchSize) {

    public TrainingSpec {
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(optimizer, "optimizer");
    }
}
