package org.cajal.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.JsonNode;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.cajal.api.data.DataSchema;
import org.cajal.api.data.Dataset;
import org.cajal.api.data.DatasetProvider;
import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.RunOptions;
import org.cajal.api.pipeline.RunResult;
import org.cajal.api.run.MetricsTable;
import org.cajal.api.run.RunFiles;
import org.cajal.api.train.TrainingListener;
import org.cajal.runfolder.Json;
import org.cajal.runfolder.RunFolders;
import org.cajal.runtime.internal.cli.ConsoleProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs whose splits and folds are reported honestly: k-fold with a test split evaluated once, the epochs each fold
 * ran, warnings for classes a split cannot keep, a refused continuous target, and the training metric per epoch.
 */
class HonestSplitRunTest {

    /** Blobs with 3 folds over the non-test rows, a test split and early stopping that fires. */
    private static final String K_FOLD = """
            {
              "schema": 1, "name": "blobs", "seed": 3,
              "dataset": { "type": "blobs", "params": { "samples": 60 } },
              "split": { "test": 0.2, "folds": 3 },
              "model": { "layers": [ { "type": "dense", "params": { "units": 5 } }, { "type": "output" } ] },
              "training": { "loss": "categorical-cross-entropy", "optimizer": { "type": "sgd" }, "epochs": 40,
                            "batchSize": 8,
                            "earlyStopping": { "patience": 1, "minDelta": 0.5, "restoreBest": true } }
            }
            """;

    /**
     * A dataset of 94 examples of one class and 2 of each of three others ({@code rare}), or one class per
     * example with labels like 0.37 ({@code float}: a measurement read as classes).
     */
    static final class Classes implements DatasetProvider {
        private static final ComponentDescriptor D = new ComponentDescriptor("classes", "Classes", "Test", "",
                List.of(ParameterSpec.choice("kind", List.of("rare", "float"))));

        @Override
        public ComponentDescriptor descriptor() {
            return D;
        }

        @Override
        public Dataset open(Parameters parameters, long seed) {
            boolean rare = parameters.getString("kind").equals("rare");
            int n = rare ? 100 : 80;
            float[][] x = new float[n][1];
            float[][] y = new float[n][1];
            List<String> labels = new ArrayList<>(rare ? List.of("common", "b", "c", "d") : List.of());
            for (int i = 0; i < n; i++) {
                x[i][0] = i;
                y[i][0] = rare ? (i < 94 ? 0 : 1 + (i - 94) / 2) : i;
                if (!rare) {
                    labels.add(String.valueOf(0.37 * i + 0.01));
                }
            }
            return new TestComponents.Memory(DataSchema.classification(List.of("x"), "y", labels), x, y, "classes");
        }
    }

    private final TestRuntime runtime = new TestRuntime(withClasses());

    private static InstalledComponents withClasses() {
        InstalledComponents c = TestComponents.installed();
        c.datasets = List.of(new TestComponents.Blobs(), new Classes());
        return c;
    }

    private RunResult run(String json, Path dir, TrainingListener listener) throws Exception {
        return runtime.executor.start(runtime.format.parse(json, "test.json", dir),
                new RunOptions(dir.resolve("runs"), OptionalLong.empty()), listener).result().get();
    }

    private static String classes(String kind) {
        return K_FOLD.replace("\"type\": \"blobs\", \"params\": { \"samples\": 60 }",
                "\"type\": \"classes\", \"params\": { \"kind\": \"" + kind + "\" }")
                .replace("\"split\": { \"test\": 0.2, \"folds\": 3 }", "\"split\": { \"validation\": 0.2, \"test\": 0.2 }")
                .replace("\"epochs\": 40", "\"epochs\": 2");
    }

    @Test
    void kFoldEvaluatesTheTestSplitOnceWithTheBestFoldsModel(@TempDir Path dir) throws Exception {
        RunResult result = run(K_FOLD, dir, e -> { });
        JsonNode evaluation = Json.PRETTY.readTree(result.folder().resolve(RunFiles.EVALUATION).toFile());
        assertEquals("k-fold", evaluation.get("split").asText());
        assertEquals(48, evaluation.get("examples").asInt(), "the folds cover the 48 non-test rows");
        JsonNode test = evaluation.get("test");
        assertEquals("test", test.get("split").asText());
        assertEquals(12, test.get("examples").asInt());
        assertEquals(evaluation.get("bestFold").asInt(), test.get("fold").asInt());
        assertTrue(test.get("accuracy").isNumber() && test.get("confusionMatrix").isArray());
        assertTrue(evaluation.get("model").asText().endsWith("it alone is evaluated on the test split"));
    }

    @Test
    void eachFoldRecordsTheEpochsItRanAndWhetherItStoppedEarly(@TempDir Path dir) throws Exception {
        RunResult result = run(K_FOLD, dir, e -> { });
        JsonNode evaluation = Json.PRETTY.readTree(result.folder().resolve(RunFiles.EVALUATION).toFile());
        JsonNode training = evaluation.get("training");
        assertEquals(40, training.get("maxEpochs").asInt());
        assertEquals(3, training.get("epochsPerFold").size());
        List<Integer> stopped = new ArrayList<>();
        for (int f = 1; f <= 3; f++) {
            JsonNode fold = evaluation.get("folds").get(f - 1).get("training");
            int epochs = fold.get("epochs").asInt();
            assertEquals(epochs, training.get("epochsPerFold").get(f - 1).asInt());
            MetricsTable metrics = RunFolders.metrics(result.folder().resolve(RunFiles.foldFolder(f)));
            assertEquals(epochs, metrics.rows().size(), "fold " + f + "'s metrics.csv has the epochs it ran");
            JsonNode own = Json.PRETTY.readTree(result.folder().resolve(RunFiles.foldFolder(f))
                    .resolve(RunFiles.EVALUATION).toFile()).get("training");
            assertEquals(fold, own, "the fold's evaluation.json says the same");
            if (fold.get("stoppedEarly").asBoolean()) {
                stopped.add(f);
                assertEquals(epochs, fold.get("stoppedAtEpoch").asInt());
                assertTrue(fold.get("bestEpoch").asInt() < epochs);
                assertTrue(fold.get("restoredBest").asBoolean());
            } else {
                assertEquals(40, epochs);
                assertFalse(fold.has("bestEpoch"));
            }
        }
        assertFalse(stopped.isEmpty(), "a minDelta of 0.5 stops training early");
        List<Integer> recorded = new ArrayList<>();
        training.get("stoppedEarlyFolds").forEach(n -> recorded.add(n.asInt()));
        assertEquals(stopped, recorded);
    }

    @Test
    void metricsRecordTheTrainingAccuracyPerEpoch(@TempDir Path dir) throws Exception {
        RunResult result = run(K_FOLD.replace("\"test\": 0.2, \"folds\": 3", "\"validation\": 0.2, \"test\": 0.2"),
                dir, e -> { });
        MetricsTable metrics = RunFolders.metrics(result.folder());
        assertEquals(List.of("epoch", "train_loss", "validation_loss", "validation_accuracy", "train_accuracy"),
                metrics.columns());
        int column = metrics.columns().indexOf("train_accuracy");
        for (double[] row : metrics.rows()) {
            assertTrue(row[column] >= 0.5 && row[column] <= 1, "train accuracy " + row[column]);
        }
        // two separable blobs: the epoch-end weights classify the training rows
        assertEquals(1.0, metrics.rows().get(metrics.rows().size() - 1)[column], 0.05);
        assertTrue(Json.PRETTY.readTree(result.folder().resolve(RunFiles.EVALUATION).toFile()).get("training")
                .get("epochs").isInt());
    }

    @Test
    void rareClassesAreWarnedAboutInProvenanceAndOnTheConsole(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RunResult result = run(classes("rare"), dir, new ConsoleProgress(new PrintStream(out, true,
                StandardCharsets.UTF_8), false));
        JsonNode warnings = Json.PRETTY.readTree(result.folder().resolve(RunFiles.PROVENANCE).toFile())
                .get("warnings");
        assertEquals(3, warnings.size());
        assertTrue(warnings.get(0).asText().startsWith("class 'b' has 2 examples: the validation split has none"),
                warnings.get(0).asText());
        String console = out.toString(StandardCharsets.UTF_8);
        assertTrue(console.contains("warning: class 'b' has 2 examples"), console);
        JsonNode evaluation = Json.PRETTY.readTree(result.folder().resolve(RunFiles.EVALUATION).toFile());
        assertEquals(4, evaluation.get("confusionMatrix").size());
        int rareInTest = 0;
        for (int c = 1; c <= 3; c++) {
            for (JsonNode count : evaluation.get("confusionMatrix").get(c)) {
                rareInTest += count.asInt();
            }
        }
        assertEquals(3, rareInTest, "each rare class has one example in the test split");
    }

    @Test
    void aContinuousClassificationTargetIsAnErrorNamingTheParameter(@TempDir Path dir) {
        PipelineException e = assertThrows(PipelineException.class, () -> run(classes("float"), dir, ev -> { }));
        assertTrue(e.getMessage().contains("looks continuous") && e.getMessage().contains("$.dataset.params.task")
                && e.getMessage().contains("regression"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("runs")), "no run folder for a refused pipeline");
    }
}
