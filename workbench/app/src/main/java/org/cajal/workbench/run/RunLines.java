package org.cajal.workbench.run;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.cajal.api.train.TrainingEvent;
import org.cajal.workbench.core.Messages;
import org.cajal.workbench.core.Metrics;

/** What the training view's status line says about a run's events. Pure functions, any thread. */
final class RunLines {

    private RunLines() {
    }

    /** "run-id: training on 800 examples, 1234 parameters (fold 2); engine". */
    static String started(TrainingEvent.Started s, int fold) {
        return s.runId() + ": training on " + s.trainExamples() + " examples, "
                + s.parameterCount() + " parameters" + (fold > 0 ? " (fold " + fold + ")" : "")
                + (s.engine().isEmpty() ? "" : "; " + s.engine());
    }

    /** Neutral wording: a generative model's early stopping watches its own metric, not the loss. */
    static String stoppedEarly(TrainingEvent.StoppedEarly s) {
        return "Stopped early after epoch " + s.epoch() + ": no improvement since epoch "
                + s.bestEpoch() + " (validation loss there " + Metrics.format(s.bestValidationLoss()) + ")";
    }

    /** "Run id finished: accuracy 0.9", or that it diverged and what was kept. */
    static String finished(TrainingEvent.Finished f, boolean diverged) {
        return "Run " + f.runId() + (diverged
                ? " diverged and was stopped (see the diagnostics); the model before it diverged" : " finished")
                + Metrics.headline(f.evaluation()).map(h -> ": " + h).orElse("");
    }

    /** "Run id stopped after 3 epochs". */
    static String cancelled(TrainingEvent.Cancelled c) {
        return "Run " + c.runId() + " stopped after " + c.completedEpochs()
                + " epoch" + (c.completedEpochs() == 1 ? "" : "s");
    }

    /** "Epoch 3/20 — train loss 0.4123, validation loss 0.4520, validation accuracy 0.8800". */
    static String epoch(TrainingEvent.EpochCompleted e) {
        StringBuilder s = new StringBuilder();
        s.append("Epoch ").append(e.epoch()).append('/').append(e.epochs())
                .append(" — train loss ").append(Metrics.format(e.trainLoss()));
        if (!Double.isNaN(e.validationLoss())) {
            s.append(", validation loss ").append(Metrics.format(e.validationLoss()));
        }
        if (!Double.isNaN(e.validationMetric())) {
            s.append(", validation ").append(e.metricName()).append(' ').append(Metrics.format(e.validationMetric()));
        }
        return s.toString();
    }

    /** The failure's own message: a PipelineException's says file, JSON path or layer; wrappers are removed. */
    static String failureMessage(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return Messages.of(t);
    }

    /** The first line of a message, with " …" when there is more. */
    static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl) + " …";
    }
}
