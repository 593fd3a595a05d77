package org.cajal.layers.internal;

import java.util.List;

import org.cajal.api.ParameterSpec;
import org.deeplearning4j.nn.weights.WeightInit;

/** Maps the weight-initialisation ids a pipeline file uses to DL4J schemes, with "auto" picking He or Xavier. */
final class WeightInitChoice {

    static final String KEY = "weightInit";
    static final String AUTO = "auto";

    private static final List<String> IDS = List.of(AUTO, "xavier", "he", "normal", "uniform");

    private WeightInitChoice() {
    }

    /** The {@code weightInit} parameter shared by every layer type with weights. */
    static ParameterSpec spec() {
        return ParameterSpec.choice(KEY, IDS).help("How the weights start out. auto: he for relu and leaky-relu, "
                + "xavier otherwise. xavier: normal with variance 2 / (fanIn + fanOut), keeps signals stable through "
                + "tanh and sigmoid. he: normal with variance 2 / fanIn, suited to relu. normal: normal with "
                + "standard deviation 1 / sqrt(fanIn). uniform: uniform in +-1 / sqrt(fanIn).");
    }

    /** The DL4J scheme for a choice; {@code auto} depends on the layer's activation id. */
    static WeightInit toDl4j(String id, String activation) {
        return switch (id) {
            case AUTO -> ActivationChoice.isRectifier(activation) ? WeightInit.RELU : WeightInit.XAVIER;
            case "xavier" -> WeightInit.XAVIER;
            case "he" -> WeightInit.RELU;
            case "normal" -> WeightInit.NORMAL;
            case "uniform" -> WeightInit.UNIFORM;
            default -> throw new IllegalArgumentException("unknown weight init '" + id + "'; known: "
                    + String.join(", ", IDS));
        };
    }
}
