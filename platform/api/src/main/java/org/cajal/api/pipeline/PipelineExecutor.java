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

    /**
     * Continues an interrupted run (its process died: recorded as running, its lock free) in its own folder from its
     * last checkpoint, to the result an uninterrupted run would have given (the same metrics.csv and evaluation on
     * the same backend). Models whose training had ended are evaluated again; a k-fold run goes on in the fold it
     * was in.
     *
     * @param runFolder the run's folder
     * @throws PipelineException with what to do instead when the run has ended, is still running in another
     *         process, has no checkpoints (a run of an architecture, or of an older Cajal), or its pipeline's
     *         components are no longer installed (nothing is written then)
     * @since 2.0
     */
    RunHandle resume(java.nio.file.Path runFolder, TrainingListener listener) throws PipelineException;
}
