package org.cajal.api.train;

import java.nio.file.Path;
import java.util.Map;

/** What a training run reports, in order: one {@link Started}, then batches and epochs, then one of the ends. */
public sealed interface TrainingEvent {

    /** The run's id (its folder name). */
    String runId();

    /**
     * Training begins.
     *
     * @param parameterCount trainable parameters of the model
     */
    record Started(String runId, Path folder, int epochs, int batchesPerEpoch, long trainExamples,
                   long parameterCount) implements TrainingEvent {
    }

    /** K-fold cross-validation moves to the next fold (1-based); the fold's own Started ... events follow. */
    record FoldStarted(String runId, int fold, int folds) implements TrainingEvent {
    }

    /**
     * Early stopping ended training after {@code epoch}; {@code bestEpoch} was the best one — lowest validation
     * loss, or for a generative model the best value of its own metric — and {@code bestValidationLoss} is the
     * validation loss at that epoch.
     */
    record StoppedEarly(String runId, int epoch, int bestEpoch, double bestValidationLoss)
            implements TrainingEvent {
    }

    /** A mini-batch was trained (1-based epoch and batch numbers). */
    record BatchCompleted(String runId, int epoch, int batch, int batchesPerEpoch, double loss)
            implements TrainingEvent {
    }

    /**
     * An epoch was trained and validated.
     *
     * @param validationLoss NaN when there is no validation split
     * @param metricName the validation metric's name ({@code accuracy} or {@code mse})
     * @param validationMetric NaN when there is no validation split
     * @param elapsedMillis time since training began
     */
    record EpochCompleted(String runId, int epoch, int epochs, double trainLoss, double validationLoss,
                          String metricName, double validationMetric, long elapsedMillis) implements TrainingEvent {
    }

    /** The run finished and its folder is complete; {@code evaluation} is what evaluation.json holds. */
    record Finished(String runId, Path folder, Map<String, Object> evaluation) implements TrainingEvent {
    }

    /** The run was stopped on request; files written so far stay. */
    record Cancelled(String runId, Path folder, int completedEpochs) implements TrainingEvent {
    }

    /** The run failed; {@code message} says what and where. */
    record Failed(String runId, Path folder, String message) implements TrainingEvent {
    }
}
