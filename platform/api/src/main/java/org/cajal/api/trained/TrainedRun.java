package org.cajal.api.trained;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.cajal.api.data.DataSchema;
import org.cajal.api.data.DatasetException;
import org.cajal.api.data.Examples;
import org.cajal.api.pipeline.Pipeline;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A finished supervised run opened with its trained model: the raw data schema, the rows of each part of its split,
 * the raw examples, and the model's predictions on raw rows (the preprocessing fitted on the training rows applied
 * first, as {@code cajal predict} does). Holds the run's dataset open until {@link #close()}. Not safe for concurrent
 * use.
 */
@ProviderType
public interface TrainedRun extends AutoCloseable {

    /** The part of a run's split whose rows were used for training. */
    String TRAIN = "train";
    /** The validation part (early stopping and model choice). */
    String VALIDATION = "validation";
    /** The held-out test part. */
    String TEST = "test";

    /** The run folder. */
    Path folder();

    /** The pipeline as it was run, with the run's seed. */
    Pipeline pipeline();

    /** The raw data's schema: feature names, which are categorical (with their labels), the target. */
    DataSchema schema();

    /**
     * The part whose predictions the run wrote (predictions.csv, split.json): {@link #TEST}, or {@link #VALIDATION}
     * for a run without test rows and for a k-fold run (its kept fold's validation rows).
     */
    String evaluated();

    /**
     * The dataset indices of one part of the split, in the run's order. For a k-fold run the test rows are the held-out
     * rows, and the training and validation rows those of the fold whose model the run kept.
     *
     * @throws IllegalArgumentException for another name than {@link #TRAIN}, {@link #VALIDATION}, {@link #TEST}
     */
    int[] rows(String part);

    /** The raw examples at the given dataset indices: numbers, category indices, NaN for a missing cell. */
    Examples read(int[] indices) throws DatasetException;

    /**
     * The model's outputs for raw feature rows (one row per example, the features flattened): class probabilities,
     * or values in the target's original units.
     */
    double[][] predict(double[][] rawRows);

    /** The raw rows with the fitted preprocessing applied: what the network takes as input, flattened per row. */
    double[][] encode(double[][] rawRows);

    /** The names of the network's inputs after preprocessing (one-hot columns as {@code column=label}). */
    List<String> encodedNames();

    /**
     * How a regression model's outputs map to the target's units: {@code target = (output - offset) / scale} per
     * target column; identity for classification.
     */
    TargetUnits targetUnits();

    /** The trained layer stack; empty for an architecture's own model. */
    Optional<MultiLayerNetwork> network();

    /** Releases the dataset. */
    @Override
    void close();

    /**
     * The affine map from the model's regression outputs to the target's units.
     *
     * @param scale  per target column
     * @param offset per target column
     */
    record TargetUnits(double[] scale, double[] offset) {
        public TargetUnits {
            scale = scale.clone();
            offset = offset.clone();
        }
    }
}
