package org.cajal.api.run;

/**
 * The files of a run folder ({@code <runs>/<yyyyMMdd-HHmmss>-<pipeline name>[-k]/}), as {@code cajal run} writes
 * them. A k-fold run has one sub-folder per fold ({@link #foldFolder}) with the same files.
 */
public final class RunFiles {

    /** The pipeline's text, byte for byte as it was run. */
    public static final String PIPELINE = "pipeline.json";
    /** Where the numbers came from ({@link Provenance}); written at the start and again at the end. */
    public static final String PROVENANCE = "provenance.json";
    /** One row per epoch ({@link MetricsTable}). */
    public static final String METRICS = "metrics.csv";
    /** The evaluated split's metrics ({@link Evaluation}). */
    public static final String EVALUATION = "evaluation.json";
    /** The trained model: a DL4J network (or an architecture's own archive). */
    public static final String MODEL = "model.zip";
    /** The fitted preprocessing (scalers, encoders), applied again by {@code cajal predict}. */
    public static final String PREPROCESSING = "preprocessing.zip";
    /** A plain-text dump of the trained weights per layer. */
    public static final String WEIGHTS = "weights.json";
    /** The dataset's schema: column names, kinds, classes. */
    public static final String SCHEMA = "schema.json";
    /** The evaluated split's predictions, one row per example. */
    public static final String PREDICTIONS = "predictions.csv";
    /** Which examples were evaluated: {@code {"split": "test", "examples": n, "indices": [...]}}. */
    public static final String SPLIT = "split.json";
    /** Training diagnostics as a JSON array of {epoch, kind, message, values}. */
    public static final String DIAGNOSTICS = "diagnostics.json";
    /** Per-layer diagnostics per epoch. */
    public static final String DIAGNOSTICS_TABLE = "diagnostics.csv";
    /** Tags a user gave the run: {@code {"tags": ["baseline", ...]}}. */
    public static final String TAGS = "tags.json";
    /**
     * Held with an operating-system file lock by the process running the run, from before provenance.json is first
     * written until after it is written for the last time, then deleted: a run whose provenance says running but
     * whose lock nobody holds was interrupted.
     *
     * @since 1.1
     */
    public static final String LOCK = ".running";
    /**
     * A model's training state at the end of an epoch (parameters, optimizer state, random generators, data order,
     * early stopping, metrics so far), from which {@code cajal resume} continues an interrupted run; in the run
     * folder, or in each fold's folder of a k-fold run. Deleted when the run ends unless the run keeps them.
     *
     * @since 1.1
     */
    public static final String CHECKPOINT = "checkpoint.bin";
    /** The stack trace of a failed run. */
    public static final String ERROR = "error.txt";

    private RunFiles() {
    }

    /** The sub-folder of fold {@code k} (1-based) of a k-fold run. */
    public static String foldFolder(int k) {
        return "fold-" + k;
    }
}
