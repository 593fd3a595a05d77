package org.cajal.runtime.internal.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.cajal.api.model.TrainableModel;
import org.cajal.api.pipeline.EarlyStopping;

/**
 * The weights one model's training may go back to: those at the current epoch's start (should the loss stop being
 * a number during it) and, with early stopping, those of the best epoch so far (restored at the end when the rule
 * says {@code restoreBest}). A model that cannot take a snapshot keeps the weights it has.
 */
final class Checkpoints {

    private final Optional<EarlyStopping> rule;
    private Object epochStart;
    /** The best watched value (validation loss, or a generative model's metric, oriented lower-is-better). */
    private double best = Double.POSITIVE_INFINITY;
    /** The validation loss at the best epoch. */
    private double bestValidationLoss = Double.NaN;
    private int bestEpoch;
    private int since;
    private Object bestSnapshot;
    /** The epoch at which early stopping ended training, or 0. */
    private int stoppedAt;
    private boolean restored;

    Checkpoints(Optional<EarlyStopping> rule) {
        this.rule = rule;
    }

    /** Takes the weights at an epoch's start. */
    void epochStarted(TrainableModel model) {
        epochStart = model.snapshot().orElse(null);
    }

    /** Goes back to the weights at the epoch's start (the loss diverged during it). */
    void rollBack(TrainableModel model) {
        if (epochStart != null) {
            model.restore(epochStart);
        }
    }

    /**
     * Records an epoch's watched value; true when early stopping says to stop now (never without a rule).
     *
     * @param watched lower is better
     */
    boolean stop(TrainableModel model, int epoch, double watched, double validationLoss) {
        if (rule.isEmpty()) {
            return false;
        }
        if (watched < best - rule.get().minDelta()) {
            best = watched;
            bestValidationLoss = validationLoss;
            bestEpoch = epoch;
            since = 0;
            bestSnapshot = rule.get().restoreBest() ? model.snapshot().orElse(null) : null;
            return false;
        }
        if (++since >= rule.get().patience()) {
            stoppedAt = epoch;
            return true;
        }
        return false;
    }

    /** The early-stopping state at a checkpoint (the best snapshot in {@link StackState#portable} form). */
    record State(double best, double bestValidationLoss, int bestEpoch, int since, Object bestSnapshot,
                 int stoppedAt, boolean restored) implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
    }

    State state() throws java.io.IOException {
        return new State(best, bestValidationLoss, bestEpoch, since, StackState.portable(bestSnapshot), stoppedAt,
                restored);
    }

    void resume(State s) {
        best = s.best();
        bestValidationLoss = s.bestValidationLoss();
        bestEpoch = s.bestEpoch();
        since = s.since();
        bestSnapshot = StackState.live(s.bestSnapshot());
        stoppedAt = s.stoppedAt();
        restored = s.restored();
    }

    int bestEpoch() {
        return bestEpoch;
    }

    double bestValidationLoss() {
        return bestValidationLoss;
    }

    /** At the end of training (after {@code lastEpoch}): back to the best epoch's weights if the rule asks for it. */
    void restoreBest(TrainableModel model, int lastEpoch) {
        if (rule.isPresent() && rule.get().restoreBest() && bestSnapshot != null && bestEpoch != lastEpoch) {
            model.restore(bestSnapshot);
            restored = true;
        }
    }

    /**
     * What training did, for evaluation.json's {@code training}: {@code epochs} (run), {@code maxEpochs} (asked
     * for), {@code stoppedEarly}, and when it did, {@code stoppedAtEpoch}, {@code bestEpoch} and
     * {@code restoredBest} (whether the best epoch's weights were restored).
     */
    Map<String, Object> summary(int epochs, int maxEpochs) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("epochs", epochs);
        out.put("maxEpochs", maxEpochs);
        out.put("stoppedEarly", stoppedAt > 0);
        if (stoppedAt > 0) {
            out.put("stoppedAtEpoch", stoppedAt);
            out.put("bestEpoch", bestEpoch);
            out.put("restoredBest", restored);
        }
        return out;
    }
}
