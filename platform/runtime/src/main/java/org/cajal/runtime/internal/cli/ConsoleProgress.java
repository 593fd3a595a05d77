package org.cajal.runtime.internal.cli;

import java.io.PrintStream;
import java.util.Locale;

import org.cajal.api.train.TrainingEvent;
import org.cajal.api.train.TrainingListener;

/**
 * A terminal progress bar for headless runs: epoch, bar, train and validation loss, metric and ETA. On a terminal
 * it redraws one line; in a log (no terminal) it prints a line at most every few seconds, and the first and last
 * epoch always. Each diagnostic is a line of its own: {@code note: <message>}, or {@code warning: <message>} for the
 * split's warnings; so are a fold's start and early stopping.
 */
public final class ConsoleProgress implements TrainingListener {

    private static final int WIDTH = 24;

    private final PrintStream out;
    private final boolean terminal;
    private final long intervalMillis;
    private long lastPrint = -1;
    private long startNanos;
    private String lastLine = "";

    public ConsoleProgress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
        this.intervalMillis = terminal ? 100 : 5000;
    }

    @Override
    public void onEvent(TrainingEvent event) {
        if (event instanceof TrainingEvent.Started s) {
            startNanos = System.nanoTime();
            out.printf(Locale.ROOT, "training %d parameters on %d examples: %d epochs x %d batches%s%n",
                    s.parameterCount(), s.trainExamples(), s.epochs(), s.batchesPerEpoch(),
                    s.engine().isEmpty() ? "" : " (" + s.engine() + ")");
        } else if (event instanceof TrainingEvent.BatchCompleted b && terminal) {
            if (!due()) {
                // a small model finishes a batch in microseconds: nothing is formatted until a line is due
                return;
            }
            double done = ((b.epoch() - 1) + (double) b.batch() / b.batchesPerEpoch());
            maybePrint(line(b.epoch(), done, -1, "loss " + fmt(b.loss()), ""), false);
        } else if (event instanceof TrainingEvent.EpochCompleted e) {
            boolean force = e.epoch() == 1 || e.epoch() == e.epochs();
            if (!force && !due()) {
                return;
            }
            String val = Double.isNaN(e.validationLoss()) ? ""
                    : "  val_loss " + fmt(e.validationLoss()) + "  val_" + e.metricName() + " " + fmt(e.validationMetric());
            maybePrint(line(e.epoch(), e.epoch(), e.epochs(), "loss " + fmt(e.trainLoss()), val), force);
        } else if (event instanceof TrainingEvent.Diagnostic d) {
            // the split's warnings (a class missing from a part) come before training; the rest are notes
            line((d.kind().equals("split") ? "warning: " : "note: ") + d.message());
        } else if (event instanceof TrainingEvent.StoppedEarly s) {
            line(String.format(Locale.ROOT, "stopped early at epoch %d: the best epoch was %d (validation loss %s)",
                    s.epoch(), s.bestEpoch(), fmt(s.bestValidationLoss())));
        } else if (event instanceof TrainingEvent.FoldStarted f) {
            line("fold " + f.fold() + " of " + f.folds());
        } else if (terminal && !lastLine.isEmpty()) {
            out.println();
        }
    }

    private int epochs = 1;

    /** A line of its own, after the progress line on a terminal. */
    private void line(String text) {
        if (terminal && !lastLine.isEmpty()) {
            out.println();
            lastLine = "";
        }
        out.println(text);
        out.flush();
    }

    private String line(int epoch, double progress, int totalEpochs, String loss, String validation) {
        if (totalEpochs > 0) {
            epochs = totalEpochs;
        }
        double fraction = Math.min(1, progress / epochs);
        int filled = (int) Math.round(fraction * WIDTH);
        String bar = "=".repeat(filled) + (filled < WIDTH ? ">" + " ".repeat(WIDTH - filled - 1) : "");
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        String eta = fraction > 0 ? "ETA " + duration(elapsed / fraction - elapsed) : "";
        return String.format(Locale.ROOT, "epoch %d/%d [%s] %3.0f%%  %s%s  %s", epoch, epochs, bar,
                fraction * 100, loss, validation, eta);
    }

    /** Whether a line may be printed now (the interval since the last one has passed). */
    private boolean due() {
        return lastPrint < 0 || System.nanoTime() / 1_000_000 - lastPrint >= intervalMillis;
    }

    private void maybePrint(String line, boolean force) {
        long now = System.nanoTime() / 1_000_000;
        if (!force && lastPrint >= 0 && now - lastPrint < intervalMillis) {
            return;
        }
        lastPrint = now;
        if (terminal) {
            String pad = " ".repeat(Math.max(0, lastLine.length() - line.length()));
            out.print("\r" + line + pad);
        } else {
            out.println(line);
        }
        out.flush();
        lastLine = line;
    }

    static String fmt(double v) {
        return Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-3 && v != 0) ? String.format(Locale.ROOT, "%.3e", v)
                : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String duration(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
