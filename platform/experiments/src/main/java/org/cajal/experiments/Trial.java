package org.cajal.experiments;

import java.nio.file.Path;
import java.util.Map;

import org.cajal.api.run.RunStatus;

/**
 * One finished line of {@link ExperimentFolder#TRIALS}.
 *
 * @param number from 1, in the order the trials were generated
 * @param params the values set in the pipeline, by path ({@code training.optimizer.params.learningRate})
 * @param run the trial's run folder (absolute), null when it failed before one was made
 * @param status a {@link RunStatus} word: {@code finished}, {@code failed}, {@code diverged} (the run's loss became NaN or infinite; its
 *               numbers are kept in the record but it is never ranked, summarised or compared) or
 *               {@code cancelled}
 * @param objective the score the experiment ranks by (NaN when failed)
 * @param metrics evaluation.json's numbers
 * @param train last epoch's {@code train_*} columns of metrics.csv, without the prefix
 * @param validation last epoch's {@code validation_*} columns, without the prefix
 * @param error why it failed, or null
 */
public record Trial(int number, Map<String, Object> params, long seed, Path run, String status, double objective,
                    Map<String, Double> metrics, Map<String, Double> train, Map<String, Double> validation,
                    String error) {

    /** Whether the trial's run finished ({@link RunStatus#FINISHED}). */
    public boolean finished() {
        return RunStatus.FINISHED.id().equals(status);
    }
}
