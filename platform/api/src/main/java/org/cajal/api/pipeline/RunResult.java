package org.cajal.api.pipeline;

import java.nio.file.Path;
import java.util.Objects;

import org.cajal.api.run.Evaluation;
import org.cajal.api.run.RunStatus;

/**
 * The outcome of an ended run.
 *
 * @param status {@link RunStatus#FINISHED}, {@link RunStatus#CANCELLED} (then evaluation is of the model at that
 *               point) or {@link RunStatus#DIVERGED}; a failed run completes its handle exceptionally instead
 * @param evaluation what evaluation.json holds
 */
public record RunResult(String runId, Path folder, RunStatus status, Evaluation evaluation) {

    public RunResult {
        Objects.requireNonNull(status, "status");
        evaluation = evaluation == null ? Evaluation.EMPTY : evaluation;
    }

    /** Whether it was stopped before the last epoch. */
    public boolean cancelled() {
        return status == RunStatus.CANCELLED;
    }
}
