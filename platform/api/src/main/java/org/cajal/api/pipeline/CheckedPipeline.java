package org.cajal.api.pipeline;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A pipeline that passed {@link PipelineCheck#check}: valid against the components installed when it was checked,
 * with its run planned. Start it with {@link PipelineExecutor#start(CheckedPipeline, RunOptions,
 * org.cajal.api.train.TrainingListener)}; if a component it uses has gone since, the start fails with a
 * {@link PipelineException} naming it.
 */
@ProviderType
public interface CheckedPipeline {

    /** The document that was checked. */
    PipelineDocument document();

    /** Its model, described (input shape, each layer's output shape and parameter count). */
    ModelSummary summary();
}
