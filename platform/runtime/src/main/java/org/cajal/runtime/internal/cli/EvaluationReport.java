package org.cajal.runtime.internal.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cajal.api.pipeline.RunResult;

/**
 * What {@code cajal run} prints at the end: the evaluated split and its size, each metric, and the epochs training
 * ran (with early stopping when it fired). A k-fold run prints the mean ± sd over folds, each fold's epochs, and
 * the test split's evaluation by the chosen fold's model. A value the evaluation lacks is left out, never printed
 * as {@code null}.
 */
final class EvaluationReport {

    private final PrintStream out;

    EvaluationReport(PrintStream out) {
        this.out = out;
    }

    void print(RunResult result) {
        Map<String, Object> e = result.evaluation().values();
        boolean kFold = "k-fold".equals(e.get("split")) && e.get("folds") instanceof List<?>;
        if (result.cancelled()) {
            out.println("stopped early; evaluation of the model so far:");
        } else if (kFold) {
            out.println("evaluation (" + ((List<?>) e.get("folds")).size() + "-fold cross-validation"
                    + examples(e, " on ", " non-test examples") + "; mean ± sd over folds):");
        } else {
            out.println("evaluation (" + e.getOrDefault("split", "?") + " split" + examples(e, ", ", " examples")
                    + "):");
        }
        metrics(e, e.get("sd") instanceof Map<?, ?> sd ? sd : Map.of());
        if (kFold) {
            List<?> folds = (List<?>) e.get("folds");
            for (int f = 0; f < folds.size(); f++) {
                if (folds.get(f) instanceof Map<?, ?> fold) {
                    out.println("  fold " + (f + 1) + ": " + training(fold.get("training")));
                }
            }
            if (e.get("test") instanceof Map<?, ?> test) {
                out.println("test split" + examples(test, " (", " examples)") + ", evaluated once by fold "
                        + test.get("fold") + "'s model:");
                metrics(test, Map.of());
            }
        } else if (e.get("training") instanceof Map<?, ?>) {
            out.println("  training: " + training(e.get("training")));
        }
        out.println("run folder: " + result.folder());
    }

    private void metrics(Map<?, ?> evaluation, Map<?, ?> sd) {
        for (Map.Entry<?, ?> m : evaluation.entrySet()) {
            if (m.getValue() instanceof Double d) {
                String spread = sd.get(m.getKey()) instanceof Number s ? " ± " + ConsoleProgress.fmt(s.doubleValue())
                        : "";
                out.printf(Locale.ROOT, "  %-16s %s%s%n", m.getKey(), ConsoleProgress.fmt(d), spread);
            }
        }
    }

    private static String examples(Map<?, ?> evaluation, String before, String after) {
        return evaluation.get("examples") instanceof Number n ? before + n.longValue() + after : "";
    }

    /** {@code 37 of 100 epochs, stopped early at epoch 37, best epoch 27 restored}, or {@code 100 epochs}. */
    static String training(Object training) {
        if (!(training instanceof Map<?, ?> t) || !(t.get("epochs") instanceof Number epochs)) {
            return "epochs not recorded";
        }
        String ran = epochs.intValue() + (t.get("maxEpochs") instanceof Number max && max.intValue() != epochs.intValue()
                ? " of " + max.intValue() : "") + (epochs.intValue() == 1 ? " epoch" : " epochs");
        if (!Boolean.TRUE.equals(t.get("stoppedEarly"))) {
            return ran;
        }
        return ran + ", stopped early at epoch " + t.get("stoppedAtEpoch") + ", best epoch " + t.get("bestEpoch")
                + (Boolean.TRUE.equals(t.get("restoredBest")) ? " restored" : " (its weights not restored)");
    }
}
