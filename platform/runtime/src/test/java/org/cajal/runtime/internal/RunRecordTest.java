package org.cajal.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

import org.cajal.api.data.TargetKind;
import org.cajal.api.pipeline.PipelineDocument;
import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.RunOptions;
import org.cajal.api.pipeline.RunResult;
import org.cajal.api.run.RunFiles;
import org.cajal.api.visual.RunData;
import org.cajal.api.visual.RunRecord;
import org.cajal.runtime.internal.cli.PredictCommand;
import org.cajal.runtime.internal.folder.SavedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real small runs in-process (the test components), then their folders read back. */
class RunRecordTest {

    private final TestRuntime runtime = new TestRuntime();

    private RunResult run(String json, Path dir) throws Exception {
        PipelineDocument doc = runtime.format.parse(json, "test.json", dir);
        return runtime.executor.start(doc, new RunOptions(dir.resolve("runs"), OptionalLong.empty()), e -> { })
                .result().get();
    }

    @Test
    void classificationRunFolderReadsBack(@TempDir Path dir) throws Exception {
        RunResult result = run(SummaryTest.BLOBS, dir);
        Path folder = result.folder();
        List<String> lines = Files.readAllLines(folder.resolve(RunFiles.PREDICTIONS));
        assertEquals("actual,p_left,p_right", lines.get(0));
        int examples = ((Number) result.evaluation().values().get("examples")).intValue();
        assertEquals(examples + 1, lines.size());
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            assertTrue(c[0].equals("0") || c[0].equals("1"), line);
            assertEquals(1.0, Double.parseDouble(c[1]) + Double.parseDouble(c[2]), 1e-5, line);
        }

        RunRecord record = runtime.reader.record(folder);
        assertEquals(result.runId(), record.runId());
        assertEquals(List.of("epoch", "train_loss", "validation_loss", "validation_accuracy", "train_accuracy"),
                record.metricColumns());
        assertEquals(2, record.metrics().size());
        assertEquals(List.of("left", "right"), record.evaluation().get("classes"));
        assertTrue(record.evaluation().get("confusionMatrix") instanceof List<?>);
        RunData data = record.runData().orElseThrow();
        assertEquals(TargetKind.BINARY, data.targetKind());
        assertEquals(List.of("x1", "x2"), data.featureNames());
        assertEquals(List.of("left", "right"), data.classNames());
        assertTrue(data.tabular());

        RunData.Predictions p = data.predictions();
        assertEquals(examples, p.actual().length);
        RunData.Inputs inputs = data.inputs(1000);
        assertEquals(examples, inputs.rows().length);
        assertArrayEquals(p.actual(), inputs.targets(), "inputs are the predicted examples, in the same order");
        double[][] again = data.predict(inputs.rows());
        for (int i = 0; i < again.length; i++) {
            assertArrayEquals(p.outputs()[i], again[i], 1e-5, "predict reproduces predictions.csv row " + i);
        }
        assertEquals(3, data.inputs(3).rows().length);

        List<RunData.Values> weights = data.weights();
        assertEquals(List.of("0: dense", "1: output"), weights.stream().map(RunData.Values::name).toList());
        assertEquals(2 * 5 + 5, weights.get(0).values().length);
        List<RunData.Values> activations = data.activations(new double[][] {{0, 0}, {1, 1}});
        assertEquals(2 * 5, activations.get(0).values().length);
        assertEquals(2 * 2, activations.get(1).values().length);
    }

    @Test
    void regressionPredictionsAreInTheTargetsUnits(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 0; i < 30; i++) {
            csv.append(i / 10.0).append(',').append(100 + 2 * (i / 10.0)).append('\n');
        }
        Files.writeString(dir.resolve("rows.csv"), csv);
        String json = SummaryTest.ROWS.replace("\"model\"", "\"preprocessing\": [ { \"type\": \"target-affine\" } ],\n  \"model\"");
        RunResult result = run(json, dir);
        List<String> lines = Files.readAllLines(result.folder().resolve(RunFiles.PREDICTIONS));
        assertEquals("actual,predicted", lines.get(0));
        String[] first = lines.get(1).split(",");
        double actual = Double.parseDouble(first[0]);
        assertTrue(actual >= 100 && actual <= 106, "actual is in original units: " + lines.get(1));
        RunData data = runtime.reader.record(result.folder()).runData().orElseThrow();
        // the network predicts in units (y - 3) / 2; predictions.csv holds y = y' * 2 + 3
        RunData.Inputs rows = data.inputs(1);
        double modelUnits = SavedModel.load(result.folder()).network()
                .output(org.nd4j.linalg.factory.Nd4j.create(rows.rows()).castTo(
                        org.nd4j.linalg.api.buffer.DataType.FLOAT), false).getDouble(0, 0);
        assertEquals(modelUnits * 2 + 3, Double.parseDouble(first[1]), 1e-3, lines.get(1));
        assertEquals(TargetKind.REGRESSION, data.targetKind());
        assertEquals(List.of(), data.classNames());
        RunData.Inputs inputs = data.inputs(5);
        double[][] again = data.predict(inputs.rows());
        for (int i = 0; i < again.length; i++) {
            assertEquals(data.predictions().outputs()[i][0], again[i][0], 1e-3);
            assertEquals(inputs.targets()[i], data.predictions().actual()[i], 1e-4);
        }
    }

    @Test
    void predictCommandAppliesTargetPreprocessingAndUndoesIt(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 0; i < 20; i++) {
            csv.append(i / 10.0).append(',').append(100 + i / 10.0).append('\n');
        }
        Files.writeString(dir.resolve("rows.csv"), csv);
        String json = SummaryTest.ROWS.replace("\"model\"", "\"preprocessing\": [ { \"type\": \"target-affine\" } ],\n  \"model\"");
        RunResult result = run(json, dir);
        Files.writeString(dir.resolve("new.csv"), "x\n0.5\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = new PredictCommand().execute(List.of(result.folder().toString(), dir.resolve("new.csv").toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        assertEquals(0, status);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals("row,y", lines.get(0));
        double expected = runtime.reader.record(result.folder()).runData().orElseThrow().predict(new double[][] {{0.5}})[0][0];
        assertEquals("1", lines.get(1).split(",")[0]);
        assertEquals(expected, Double.parseDouble(lines.get(1).split(",")[1]), 1e-4);
    }

    @Test
    void kFoldRunKeepsTheBestFoldsPredictions(@TempDir Path dir) throws Exception {
        String json = SummaryTest.BLOBS.replace("\"model\"", "\"split\": { \"test\": 0.2, \"folds\": 3 },\n  \"model\"");
        RunResult result = run(json, dir);
        int best = ((Number) result.evaluation().values().get("bestFold")).intValue();
        assertEquals(Files.readString(result.folder().resolve(RunFiles.foldFolder(best)).resolve(RunFiles.PREDICTIONS)),
                Files.readString(result.folder().resolve(RunFiles.PREDICTIONS)));
        RunData data = runtime.reader.record(result.folder()).runData().orElseThrow();
        assertEquals(data.predictions().actual().length, data.inputs(100).rows().length);
    }

    @Test
    void handMadeFolderWithoutModelHasNoRunData(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("provenance.json"), "{\"run\": \"r1\", \"end\": null}");
        Files.writeString(dir.resolve("metrics.csv"), "epoch,train_loss,validation_loss,validation_mse\n1,0.5,,\n");
        Files.writeString(dir.resolve("evaluation.json"), "{\"mse\": 0.25, \"targets\": [\"y\"], \"sd\": {\"mse\": 0}}");
        RunRecord r = runtime.reader.record(dir);
        assertEquals("r1", r.runId());
        assertEquals(1, r.metrics().size());
        assertTrue(Double.isNaN(r.metrics().get(0)[2]));
        assertEquals(0.25, r.evaluation().get("mse"));
        assertNull(r.data());
    }

    @Test
    void notARunFolderOrBrokenFilesNameTheFile(@TempDir Path dir) throws Exception {
        PipelineException none = assertThrows(PipelineException.class, () -> runtime.reader.record(dir));
        assertTrue(none.getMessage().contains("not a run folder"), none.getMessage());
        PipelineException missing = assertThrows(PipelineException.class, () -> runtime.reader.record(dir.resolve("nope")));
        assertTrue(missing.getMessage().contains("nope"), missing.getMessage());

        Files.writeString(dir.resolve("provenance.json"), "{}");
        Files.writeString(dir.resolve("evaluation.json"), "{\"mse\": ");
        PipelineException json = assertThrows(PipelineException.class, () -> runtime.reader.record(dir));
        assertTrue(json.getMessage().contains("evaluation.json"), json.getMessage());
        Files.writeString(dir.resolve("evaluation.json"), "{}");
        Files.writeString(dir.resolve("metrics.csv"), "epoch,train_loss\n1,abc\n");
        PipelineException csv = assertThrows(PipelineException.class, () -> runtime.reader.record(dir));
        assertTrue(csv.getMessage().contains("metrics.csv") && csv.getMessage().contains("abc"), csv.getMessage());
    }
}
