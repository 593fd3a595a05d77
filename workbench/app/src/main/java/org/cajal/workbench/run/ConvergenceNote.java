package org.cajal.workbench.run;

import java.util.ArrayList;
import java.util.List;

import org.cajal.api.train.TrainingEvent;
import org.cajal.workbench.core.RunEvents;

/**
 * The "not converged yet" note of the training view: when a run trains all its epochs and the training loss still
 * falls steeply at the end — the mean over the last tenth of the epochs (at least {@link #MIN_WINDOW}) more than
 * {@link #STEEP} below the tenth before, beyond the noise — the model would likely improve with more training,
 * which the curves' scale can hide. Said
 * once per run (per fold), with the numbers and what to try. Event-dispatch thread.
 */
final class ConvergenceNote {

    /** Relative fall over the window that counts as still falling steeply. */
    static final double STEEP = 0.05;
    static final int MIN_WINDOW = 3;
    /** A fall smaller than this share of the first epoch's loss does not matter (XOR at 0.001 after 0.7). */
    static final double MATTERS = 0.01;

    /** Where a note goes: epoch, kind, message (the training view's diagnostics list). */
    interface Sink {
        void note(int epoch, String kind, String message);
    }

    private final List<Double> losses = new ArrayList<>();
    private boolean stoppedEarly;

    ConvergenceNote(RunEvents events, Sink sink) {
        events.addTrainingListener(e -> {
            if (e instanceof TrainingEvent.Started) {
                losses.clear();
                stoppedEarly = false;
            } else if (e instanceof TrainingEvent.EpochCompleted ec) {
                losses.add(ec.trainLoss());
                if (ec.epoch() == ec.epochs() && !stoppedEarly) {
                    message(losses).ifPresent(m -> sink.note(ec.epoch(), "not-converged", m));
                }
            } else if (e instanceof TrainingEvent.StoppedEarly) {
                stoppedEarly = true;
            }
        });
    }

    /**
     * The note for a run's training losses per epoch, if they still fall steeply at the end: the mean of the last
     * window of epochs is more than {@link #STEEP} below the mean of the window before it, and the fall is more than
     * twice the standard error of the last window's mean (an epoch-to-epoch noisy loss, Adam's spikes, does not
     * count as still falling) and more than {@link #MATTERS} of the first epoch's loss.
     */
    static java.util.Optional<String> message(List<Double> trainLosses) {
        int n = trainLosses.size();
        int window = Math.max(MIN_WINDOW, n / 10);
        if (n < 2 * window) {
            return java.util.Optional.empty();
        }
        double before = mean(trainLosses.subList(n - 2 * window, n - window));
        List<Double> lastWindow = trainLosses.subList(n - window, n);
        double last = mean(lastWindow);
        double sd = Math.sqrt(lastWindow.stream().mapToDouble(v -> (v - last) * (v - last)).sum() / (window - 1));
        double first = trainLosses.get(0);
        if (!(before > 0) || !Double.isFinite(last) || (before - last) / before <= STEEP
                || before - last <= 2 * sd / Math.sqrt(window) || before - last <= MATTERS * first) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(String.format("the training loss still fell %.0f %% from one %d-epoch stretch "
                + "to the last (mean %.4g to %.4g): the model has not converged yet. Train for more epochs, or raise "
                + "the learning rate.", 100 * (before - last) / before, window, before, last));
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
