package org.cajal.api.pipeline;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Checks pipelines against the components installed now. Provided by the runtime bundle. */
@ProviderType
public interface PipelineCheck {

    /**
     * Checks a pipeline against the installed services: component ids, parameter values and ranges, the layer
     * stack's shapes. Empty if it can run.
     */
    List<Problem> validate(PipelineDocument document);

    /**
     * Describes the model before training: input shape, each layer's output shape and parameter count, and the
     * problems that {@link #validate} reports. May open the dataset (slow for large files): call it off the
     * event-dispatch thread.
     */
    ModelSummary summarise(PipelineDocument document);

    /**
     * Validates a pipeline and plans its run (opens the dataset once), so that
     * {@link PipelineExecutor#start(CheckedPipeline, RunOptions, org.cajal.api.train.TrainingListener)} starts it
     * without checking again. May open the dataset: call it off the event-dispatch thread.
     *
     * @throws PipelineException with every problem {@link #validate} reports
     */
    CheckedPipeline check(PipelineDocument document) throws PipelineException;
}
