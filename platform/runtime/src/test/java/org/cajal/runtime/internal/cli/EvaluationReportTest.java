package org.cajal.runtime.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cajal.api.pipeline.RunResult;
import org.cajal.api.run.Evaluation;
import org.cajal.api.run.RunStatus;
import org.junit.jupiter.api.Test;

/** What {@code cajal run} prints at the end of a k-fold and a hold-out run. */
class EvaluationReportTest {

    private static String print(Map<String, Object> evaluation) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new EvaluationReport(new PrintStream(out, true, StandardCharsets.UTF_8)).print(new RunResult("r",
                Path.of("runs", "r"), RunStatus.FINISHED, new Evaluation(evaluation)));
        return out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    @Test
    void kFoldPrintsFoldEpochsEarlyStoppingAndTheTestSplitNeverNull() {
        Map<String, Object> stopped = map("epochs", 37, "maxEpochs", 100, "stoppedEarly", true, "stoppedAtEpoch", 37,
                "bestEpoch", 27, "restoredBest", true);
        Map<String, Object> full = map("epochs", 100, "maxEpochs", 100, "stoppedEarly", false);
        String text = print(map("accuracy", 0.9, "sd", map("accuracy", 0.05), "split", "k-fold", "examples", 80L,
                "folds", List.of(map("accuracy", 0.85, "training", stopped), map("accuracy", 0.95, "training", full)),
                "training", map("maxEpochs", 100, "epochsPerFold", List.of(37, 100), "stoppedEarlyFolds", List.of(1)),
                "bestFold", 2, "test", map("accuracy", 0.875, "split", "test", "examples", 20L, "fold", 2)));
        assertEquals("""
                evaluation (2-fold cross-validation on 80 non-test examples; mean ± sd over folds):
                  accuracy         0.9000 ± 0.0500
                  fold 1: 37 of 100 epochs, stopped early at epoch 37, best epoch 27 restored
                  fold 2: 100 epochs
                test split (20 examples), evaluated once by fold 2's model:
                  accuracy         0.8750
                run folder: runs/r
                """.replace("runs/r", Path.of("runs", "r").toString()), text);
        assertFalse(text.contains("null"));
    }

    @Test
    void holdOutPrintsTheSplitAndTheEpochsRun() {
        String text = print(map("mse", 0.25, "split", "test", "examples", 40L,
                "training", map("epochs", 12, "maxEpochs", 50, "stoppedEarly", true, "stoppedAtEpoch", 12,
                        "bestEpoch", 9, "restoredBest", false)));
        assertEquals("evaluation (test split, 40 examples):\n  mse              0.2500\n"
                + "  training: 12 of 50 epochs, stopped early at epoch 12, best epoch 9 (its weights not restored)\n",
                text.substring(0, text.indexOf("run folder")));
    }
}
