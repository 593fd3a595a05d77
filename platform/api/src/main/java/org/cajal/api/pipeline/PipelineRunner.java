package org.cajal.api.pipeline;

import java.nio.file.Path;
import java.util.List;

import org.cajal.api.train.TrainingListener;
import org.osgi.annotation.versioning.ProviderType;

/** Reads, validates and runs pipelines against the components installed now. Provided by the runtime bundle. */
@ProviderType
public interface PipelineRunner {

    /**
     * Reads a pipeline file.
     *
     * @throws PipelineException for a missing file, invalid JSON (line and column), unknown keys or wrong types
     *                           (JSON path)
     */
    PipelineDocument read(Path file) throws PipelineException;

    /** Reads pipeline text from another source (the workbench's editor); relative paths resolve against baseDirectory. */
    PipelineDocument parse(String json, String source, Path baseDirectory) throws PipelineException;

    /**
     * Checks a pipeline against the installed services: component ids, parameter values and ranges, the
     * layer stack's shapes. Empty if it can run.
     */
    List<Problem> validate(PipelineDocument document);

    /**
     * Validates, then starts the run on a worker thread.
     *
     * @throws PipelineException if validation fails (nothing is written then)
     */
    RunHandle start(PipelineDocument document, RunOptions options, TrainingListener listener)
            throws PipelineException;

    /**
     * Writes a pipeline in the file format {@link #read} reads (pretty-printed JSON, keys in the documented order,
     * parameters as given). Reading the text back gives an equal pipeline, and formatting that gives the same text.
     *
     * @since 1.1
     */
    String format(Pipeline pipeline);

    /**
     * Describes the model before training: input shape, each layer's output shape and parameter count, and the
     * problems that {@link #validate} reports. May open the dataset (slow for large files): call it off the
     * event-dispatch thread.
     *
     * @since 1.1
     */
    ModelSummary summarise(PipelineDocument document);

    /**
     * Reads a finished (or cancelled) run's folder: its metrics per epoch, evaluation, and access to its
     * predictions and trained model for visualisers.
     *
     * @throws PipelineException if the folder is not a run folder or its files cannot be read (names the file)
     * @since 1.1
     */
    org.cajal.api.visual.RunRecord record(Path runFolder) throws PipelineException;
}
