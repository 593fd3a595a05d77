package org.cajal.workbench.run;

import java.util.function.LongSupplier;

import org.cajal.api.train.TrainingEvent;

/**
 * The progress of the run in progress, as the progress bar shows it: completed mini-batches over all the batches
 * the run will train (every fold of a k-fold run counted), and a line such as
 * {@code fold 2/5 · epoch 3/60 · batch 5/10 · ETA 0:12} with the time left estimated from the time taken so far.
 * Event-dispatch thread.
 */
final class TrainingProgress {

    /** How a run ended, as the progress bar says it. */
    enum End {
        FINISHED("finished"), STOPPED("stopped"), FAILED("failed");

        private final String text;

        End(String text) {
            this.text = text;
        }

        String text() {
            return text;
        }
    }

    private final LongSupplier nanoClock;
    private int folds = 1;
    private int fold = 1;
    private int epochs;
    private int batchesPerEpoch;
    private int epoch;
    private int batch;
    /** Batches trained in folds before the current one. */
    private long completedBefore;
    private long completedInFold;
    private long startNanos = -1;
    private End end;

    TrainingProgress(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** A new run begins (with {@code folds} folds, 1 when it is not cross-validated). */
    void reset(int foldCount) {
        folds = Math.max(1, foldCount);
        fold = 1;
        epochs = 0;
        batchesPerEpoch = 0;
        epoch = 0;
        batch = 0;
        completedBefore = 0;
        completedInFold = 0;
        startNanos = nanoClock.getAsLong();
        end = null;
    }

    /** A k-fold run moves to the next fold. */
    void fold(TrainingEvent.FoldStarted e) {
        completedBefore += completedInFold;
        completedInFold = 0;
        fold = e.fold();
        folds = Math.max(folds, e.folds());
    }

    void started(TrainingEvent.Started e) {
        epochs = e.epochs();
        batchesPerEpoch = e.batchesPerEpoch();
        epoch = 1;
        batch = 0;
        if (startNanos < 0) {
            startNanos = nanoClock.getAsLong();
        }
    }

    void batch(TrainingEvent.BatchCompleted e) {
        epoch = e.epoch();
        batch = e.batch();
        batchesPerEpoch = e.batchesPerEpoch();
        completedInFold = (long) (e.epoch() - 1) * e.batchesPerEpoch() + e.batch();
    }

    void epoch(TrainingEvent.EpochCompleted e) {
        epoch = e.epoch();
        epochs = e.epochs();
        batch = batchesPerEpoch;
        completedInFold = (long) e.epoch() * batchesPerEpoch;
    }

    void end(End how) {
        end = how;
    }

    /** Batches trained so far. */
    long completed() {
        return completedBefore + completedInFold;
    }

    /** All the batches of the run: the folds done, and the current and remaining folds in full. */
    long total() {
        long perFold = (long) epochs * batchesPerEpoch;
        return Math.max(completed(), completedBefore + perFold * (folds - fold + 1));
    }

    /** The progress bar's maximum. */
    int maximum() {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, total()));
    }

    /** The progress bar's value: the maximum when the run has ended. */
    int value() {
        if (end != null) {
            return maximum();
        }
        return (int) Math.min(maximum(), completed());
    }

    /** The progress bar's text. */
    String text() {
        if (end != null) {
            return end.text();
        }
        if (epochs == 0) {
            return "starting…";
        }
        StringBuilder s = new StringBuilder();
        if (folds > 1) {
            s.append("fold ").append(fold).append('/').append(folds).append(" · ");
        }
        s.append("epoch ").append(Math.max(1, epoch)).append('/').append(epochs);
        s.append(" · batch ").append(batch).append('/').append(batchesPerEpoch);
        long done = completed();
        long total = total();
        if (done > 0 && startNanos >= 0) {
            long elapsedMillis = (nanoClock.getAsLong() - startNanos) / 1_000_000L;
            long leftMillis = Math.round((double) elapsedMillis * (total - done) / done);
            s.append(" · ETA ").append(duration(leftMillis));
        }
        return s.toString();
    }

    /** {@code 0:12}, {@code 12:05}, {@code 1:02:03}. */
    static String duration(long millis) {
        long seconds = Math.max(0, (millis + 500) / 1000);
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%d:%02d", m, s);
    }
}
