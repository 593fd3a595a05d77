package org.cajal.api.visual;

import java.util.List;

import org.cajal.api.data.TargetKind;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What a finished run leaves besides its metrics: the evaluated split's predictions, its raw inputs and the
 * trained model, for visualisers (ROC curve, predicted vs actual, decision boundary, weight and activation
 * histograms). Provided by the runtime; loading the model is slow the first time, so visualisers call these
 * methods from {@link Visualiser#render}, which the workbench runs off the event-dispatch thread.
 *
 * @since 1.1
 */
@ProviderType
public interface RunData {

    /** Regression, binary or multi-class. */
    TargetKind targetKind();

    /** Names of the raw input features (tabular data) or of the flattened input positions. */
    List<String> featureNames();

    /** Class names in output order (classification), else empty. */
    List<String> classNames();

    /** Whether inputs are tabular rows (so a decision boundary over two features makes sense). */
    boolean tabular();

    /**
     * The evaluated split (test, else validation) as predicted at the end of the run: for classification
     * {@code actual[i]} is the class index and {@code outputs[i]} the class probabilities; for regression
     * {@code actual[i]} is the true value and {@code outputs[i]} holds the predicted value(s) — all in the
     * target's original units.
     */
    Predictions predictions();

    /** Up to {@code max} raw (unpreprocessed) input rows of the evaluated split, with their targets. */
    Inputs inputs(int max);

    /**
     * Runs the trained model on raw input rows (the preprocessing fitted in training is applied first) and
     * returns one output row per input row (probabilities, or values in the target's units).
     *
     * @throws IllegalStateException if the run has no model that can predict (the message says why)
     */
    double[][] predict(double[][] rawRows);

    /**
     * Whether the trained model can be used here: {@link #predict}, {@link #weights} and {@link #activations} work.
     * False for a model the runtime cannot open itself (an architecture plugin's own format): those methods then
     * throw, and visualisers that need them should not accept the run.
     */
    default boolean modelAvailable() {
        return true;
    }

    /** Trainable parameters per layer, in layer order (weights and biases together). */
    List<Values> weights();

    /** Each layer's activations for the given raw input rows, flattened per layer, in layer order. */
    List<Values> activations(double[][] rawRows);

    /** Predictions on the evaluated split. */
    record Predictions(double[] actual, double[][] outputs) {
    }

    /** Raw input rows with their targets (class index or value). */
    record Inputs(double[][] rows, double[] targets) {
    }

    /** A named array of numbers (a layer's weights or activations). */
    record Values(String name, float[] values) {
    }
}
