package org.cajal.api.pipeline;

import org.cajal.api.train.TrainingListener;
import org.osgi.annotation.versioning.ProviderType;

/** Starts pipeline runs on worker threads. Provided by the runtime bundle. */
@ProviderType
public interface PipelineExecutor {

    /**
     * Validates, then starts the run. The document's text is copied into the run folder as pipeline.json.
     *
     * @throws PipelineException if validation fails (nothing is written then)
     */
    RunHandle start(PipelineDocument document, RunOptions options, TrainingListener listener)
            throws PipelineException;

    /**
     * Starts a pipeline that was checked already.
     *
     * @throws PipelineException if a component it uses is no longer installed (nothing is written then)
     */
    RunHandle start(CheckedPipeline checked, RunOptions options, TrainingListener listener) throws PipelineException;
}
