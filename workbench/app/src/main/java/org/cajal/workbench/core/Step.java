package org.cajal.workbench.core;

import org.cajal.api.ComponentKind;

import java.util.Objects;

/**
 * A selectable part of the pipeline: the dataset, a preprocessing step, a layer of the stack, the architecture,
 * the optimizer, or the training settings (loss, epochs, batch size, split, regularisation, early stopping).
 * The properties panel shows the form of the selected step; help shows its component's help.
 *
 * @param index position for PREPROCESSING and LAYER, else 0
 */
public record Step(Part part, int index) {

    public enum Part { DATASET, PREPROCESSING, LAYER, ARCHITECTURE, OPTIMIZER, TRAINING }

    public Step {
        Objects.requireNonNull(part);
    }

    public static final Step DATASET = new Step(Part.DATASET, 0);
    public static final Step OPTIMIZER = new Step(Part.OPTIMIZER, 0);
    public static final Step TRAINING = new Step(Part.TRAINING, 0);
    public static final Step ARCHITECTURE = new Step(Part.ARCHITECTURE, 0);

    public static Step layer(int index) {
        return new Step(Part.LAYER, index);
    }

    public static Step preprocessing(int index) {
        return new Step(Part.PREPROCESSING, index);
    }

    /** The JSON path of this step in the pipeline file, e.g. {@code $.model.layers[2]} (as problems name it). */
    public String jsonPath() {
        return switch (part) {
            case DATASET -> "$.dataset";
            case PREPROCESSING -> "$.preprocessing[" + index + "]";
            case LAYER -> "$.model.layers[" + index + "]";
            case ARCHITECTURE -> "$.model";
            case OPTIMIZER -> "$.training.optimizer";
            case TRAINING -> "$.training";
        };
    }

    /** The component kind whose descriptor describes this step (TRAINING has none). */
    public ComponentKind kind() {
        return switch (part) {
            case DATASET -> ComponentKind.DATASET;
            case PREPROCESSING -> ComponentKind.PREPROCESSOR;
            case LAYER -> ComponentKind.LAYER_TYPE;
            case ARCHITECTURE -> ComponentKind.ARCHITECTURE;
            case OPTIMIZER -> ComponentKind.OPTIMIZER;
            case TRAINING -> null;
        };
    }
}
