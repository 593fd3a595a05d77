package org.cajal.layers.internal;

import java.util.List;
import java.util.Map;

import org.cajal.api.ParameterSpec;
import org.nd4j.linalg.activations.Activation;

/** Maps the activation ids a pipeline file uses to DL4J activations, so DL4J names never reach the user. */
final class ActivationChoice {

    static final String KEY = "activation";
    static final String RELU = "relu";
    static final String LEAKY_RELU = "leaky-relu";
    static final String IDENTITY = "identity";
    static final String SIGMOID = "sigmoid";
    static final String TANH = "tanh";
    static final String SOFTMAX = "softmax";

    /** The activations offered by hidden layers, in display order. */
    static final List<String> IDS = List.of(RELU, LEAKY_RELU, IDENTITY, SIGMOID, TANH, SOFTMAX);

    /** The activations offered where a softmax over channels or features would make no sense (conv, lstm). */
    static final List<String> ELEMENTWISE = List.of(RELU, LEAKY_RELU, IDENTITY, SIGMOID, TANH);

    static final String HELP = "relu: max(0, x); leaky-relu: x for x > 0, 0.01 x otherwise, so no unit dies; "
            + "identity: x; sigmoid: 1 / (1 + e^-x), a probability; tanh: squashes to -1..1; softmax: turns a "
            + "layer's outputs into probabilities that sum to 1.";

    private static final Map<String, Activation> BY_ID = Map.of(RELU, Activation.RELU,
            LEAKY_RELU, Activation.LEAKYRELU, IDENTITY, Activation.IDENTITY, SIGMOID, Activation.SIGMOID,
            TANH, Activation.TANH, SOFTMAX, Activation.SOFTMAX);

    private ActivationChoice() {
    }

    /** The {@code activation} parameter offering {@code ids}, defaulting to {@code defaultId}. */
    static ParameterSpec spec(List<String> ids, String defaultId) {
        return ParameterSpec.choice(KEY, ids).withDefault(defaultId).help(HELP);
    }

    /** The DL4J activation for an id from {@link #IDS}. */
    static Activation toDl4j(String id) {
        Activation activation = BY_ID.get(id);
        if (activation == null) {
            throw new IllegalArgumentException("unknown activation '" + id + "'; known: " + String.join(", ", IDS));
        }
        return activation;
    }

    /** Whether the id names a rectifier, for which He initialisation suits best. */
    static boolean isRectifier(String id) {
        return RELU.equals(id) || LEAKY_RELU.equals(id);
    }
}
