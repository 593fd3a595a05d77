package org.cajal.layers.internal;

import java.util.List;
import java.util.Map;

import org.nd4j.linalg.activations.Activation;

/** Maps the activation ids a pipeline file uses to DL4J activations, so DL4J names never reach the user. */
final class ActivationChoice {

    static final String RELU = "relu";
    static final String IDENTITY = "identity";
    static final String SIGMOID = "sigmoid";
    static final String TANH = "tanh";
    static final String SOFTMAX = "softmax";

    /** The activations offered, in display order. */
    static final List<String> IDS = List.of(RELU, IDENTITY, SIGMOID, TANH, SOFTMAX);

    static final String HELP = "relu: max(0, x); identity: x; sigmoid: 1 / (1 + e^-x), a probability; "
            + "tanh: squashes to -1..1; softmax: turns a layer's outputs into probabilities that sum to 1.";

    private static final Map<String, Activation> BY_ID = Map.of(RELU, Activation.RELU,
            IDENTITY, Activation.IDENTITY, SIGMOID, Activation.SIGMOID, TANH, Activation.TANH,
            SOFTMAX, Activation.SOFTMAX);

    private ActivationChoice() {
    }

    /** The DL4J activation for an id from {@link #IDS}. */
    static Activation toDl4j(String id) {
        Activation activation = BY_ID.get(id);
        if (activation == null) {
            throw new IllegalArgumentException("unknown activation '" + id + "'; known: " + String.join(", ", IDS));
        }
        return activation;
    }
}
