package org.cajal.api.train;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a training run reports, in order: one {@link Started}, then batches and epochs (with any
 * {@link Diagnostic}s among them), then one of the ends.
 */
public sealed interface TrainingEvent {

    /** The run's id (its folder name). */
    String runId();

    /**
     * Training begins.
     *
     * @param parameterCount trainable parameters of the model
     * @param engine what trains the model, in words ({@code "fused dense path"}, {@code "DL4J"} with the reason
     *               the fused path was not taken, or an architecture's id); empty when not told
     */
    record Started(String runId, Path folder, int epochs, int batchesPerEpoch, long trainExamples,
                   long parameterCount, String engine) implements TrainingEvent {

        public Started {
            engine = engine == null ? "" : engine;
        }

        /** Training begins, the engine not told. */
        public Started(String runId, Path folder, int epochs, int batchesPerEpoch, long trainExamples,
                       long parameterCount) {
            this(runId, folder, epochs, batchesPerEpoch, trainExamples, parameterCount, "");
        }
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

    /**
     * Something in training looks wrong, said in plain language with what to try (the run folder's
     * {@code diagnostics.json} keeps every one). Sent after the epoch's {@link EpochCompleted} (a {@code nan-loss}
     * right after the batch that produced it, before the run stops). Kinds and when they fire:
     * <ul>
     *   <li>{@code nan-loss}: a mini-batch's loss is NaN or infinite; the run then stops as a cancelled one does,
     *       its status {@code diverged}. Values: {@code batch}, {@code loss} (as text: NaN/Infinity),
     *       {@code learningRate} when the optimizer has one.</li>
     *   <li>{@code exploding-loss}: an epoch's training loss is more than 10 times the first epoch's and higher
     *       than the epoch before; once per run. Values: {@code firstLoss}, {@code loss}, {@code learningRate} when
     *       the optimizer has one.</li>
     *   <li>{@code overfitting}: the validation loss rose 3 epochs in a row while the training loss fell in each
     *       of them; once per run, only with a validation split. Values: {@code fromValidationLoss},
     *       {@code toValidationLoss}, {@code fromTrainLoss}, {@code toTrainLoss}.</li>
     *   <li>{@code dead-relu}: at the end of epochs 1, 2, 5, 10, 20, 50, 100, ... a ReLU layer has at least 40% of
     *       its units outputting zero for every example of one batch (up to 256 training examples). Values:
     *       {@code layer}, {@code deadShare}, and {@code shares} {layer index: share} for every ReLU layer.</li>
     *   <li>{@code update-ratio}: at the same epochs, a layer's last update was outside [1e-5, 1e-1] of its
     *       weights (||&Delta;w|| / ||w|| over the epoch's last mini-batch; above the range only from epoch 5 on, as
     *       large ratios are normal in the first epochs). Values: {@code layer},
     *       {@code ratio}, and {@code ratios} {layer index: ratio} for every layer with weights.</li>
     * </ul>
     * The last two only for layer-stack models; an architecture from a plugin gets the loss-based ones. "Once per
     * run" means once per trained model: once per fold in k-fold cross-validation, where {@code values} also
     * holds the 1-based {@code fold}. Tiny update ratios are not reported once the loss exploded or an update was
     * too large (saturated units, not a low learning rate).
     *
     * @param epoch 1-based epoch the diagnostic belongs to
     * @param kind one of the kinds above (more may come: treat an unknown one as a note)
     * @param message a sentence or two for the user, naming numbers and what to try
     * @param values the numbers behind the message (JSON-friendly: numbers, text, maps, lists)
     * @since 1.1
     */
    record Diagnostic(String runId, int epoch, String kind, String message, Map<String, Object> values)
            implements TrainingEvent {
        public Diagnostic {
            values = values == null ? Map.of() : java.util.Collections.unmodifiableMap(
                    new java.util.LinkedHashMap<>(values));
        }
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
