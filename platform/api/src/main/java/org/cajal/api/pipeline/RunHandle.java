package org.cajal.api.pipeline;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import org.osgi.annotation.versioning.ProviderType;

/** A run in progress on the runtime's worker thread. */
@ProviderType
public interface RunHandle {

    String runId();

    /** The run's folder (exists from the start; files appear as they are written). */
    Path folder();

    /** Completes with the result, or exceptionally with a {@link PipelineException} saying what failed. */
    CompletableFuture<RunResult> result();

    /** Asks the run to stop after the current mini-batch; it then evaluates and writes what it has. */
    void cancel();
}
