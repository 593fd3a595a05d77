package org.cajal.experiments.internal.exec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.cajal.api.run.RunStatus;
import org.cajal.experiments.Trial;

/**
 * What a trial's run amounts to in the experiment: finished, diverged (kept out of rankings), or failed for want
 * of the objective. The same words whether the run was trained on this machine's threads or on a Spark executor.
 */
final class TrialVerdict {

    private TrialVerdict() {
    }

    /**
     * The record of a run that ended on its own.
     *
     * @param status the run's status: {@link RunStatus#DIVERGED} or any other (read as finished)
     * @param objective the experiment's objective, or null
     */
    static Trial ofRun(TrialSpec spec, Path run, RunStatus status, String objective) throws IOException {
        RunOutcome outcome = RunOutcome.read(run);
        if (status == RunStatus.DIVERGED) {
            // the runtime kept the weights from before the loss became NaN: a real result of this setting,
            // but not one to rank, summarise or compare as if training had worked
            return ended(spec, run, RunStatus.DIVERGED.id(), outcome, "the training loss became NaN or infinite "
                    + "(the run's diagnostics.json says when): this setting diverged; it is left out of the best "
                    + "trial, summaries and comparisons", objective);
        }
        if (objective != null && !outcome.hasObjective(objective)) {
            return ended(spec, run, RunStatus.FAILED.id(), outcome, "the run has no value for the objective '"
                    + objective + "' (it has " + outcome.describeObjectiveSources()
                    + "); set $.search.objective to one of these", objective);
        }
        return ended(spec, run, RunStatus.FINISHED.id(), outcome, null, objective);
    }

    /** A trial's record; {@code outcome} may be null (failed or cancelled before there was one). */
    static Trial ended(TrialSpec spec, Path run, String status, RunOutcome outcome, String error, String objective) {
        boolean ok = RunStatus.FINISHED.id().equals(status);
        return new Trial(spec.number(), spec.params(), spec.seed(), run, status,
                ok && outcome != null ? outcome.objective(objective) : Double.NaN,
                outcome == null ? Map.of() : outcome.metrics(), outcome == null ? Map.of() : outcome.train(),
                outcome == null ? Map.of() : outcome.validation(), error);
    }
}
