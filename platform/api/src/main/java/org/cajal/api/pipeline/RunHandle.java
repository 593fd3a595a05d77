package org.cajal.api.pipeline;

import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

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

    /**
     * Waits for the run to end and returns its result. If the waiting thread is interrupted, the run is cancelled
     * (it then evaluates and saves what it has) and the interruption is passed on.
     *
     * @throws PipelineException the problem that ended the run (a failed run)
     * @throws IllegalStateException if the run ended in another way (its result was completed with another error,
     *                               or cancelled as a future); the message names the run
     */
    default RunResult await() throws InterruptedException, PipelineException {
        try {
            return result().get();
        } catch (InterruptedException e) {
            cancel();
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof PipelineException p) {
                throw p;
            }
            throw new IllegalStateException("run " + runId() + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (CancellationException e) {
            throw new IllegalStateException("run " + runId() + " was cancelled", e);
        }
    }
}
