package org.cajal.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.cajal.api.pipeline.RunOptions;
import org.cajal.api.pipeline.RunResult;
import org.cajal.api.run.RunFiles;
import org.cajal.api.train.TrainingEvent;
import org.cajal.api.train.TrainingListener;
import org.cajal.runfolder.Json;
import org.cajal.runtime.internal.cli.ConsoleProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real small runs whose training goes wrong on purpose, and what their folders and listeners get. */
class DiagnosticsRunTest {

    private static final ObjectMapper JSON = Json.PRETTY;

    private final TestRuntime runtime = new TestRuntime();
    private final List<TrainingEvent> events = new CopyOnWriteArrayList<>();

    private RunResult run(String json, Path dir, TrainingListener also) throws Exception {
        return runtime.executor.start(runtime.format.parse(json, "test.json", dir), new RunOptions(dir.resolve("runs"),
                OptionalLong.empty()), e -> {
                    events.add(e);
                    also.onEvent(e);
                }).result().get();
    }

    private List<TrainingEvent.Diagnostic> diagnostics() {
        return events.stream().filter(TrainingEvent.Diagnostic.class::isInstance)
                .map(TrainingEvent.Diagnostic.class::cast).toList();
    }

    private static JsonNode json(Path file) throws Exception {
        return JSON.readTree(file.toFile());
    }

    private static String rows(Path dir, int n, java.util.function.IntToDoubleFunction y) throws Exception {
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 0; i < n; i++) {
            csv.append(i / 10.0).append(',').append(y.applyAsDouble(i)).append('\n');
        }
        Files.writeString(dir.resolve("rows.csv"), csv);
        return "rows.csv";
    }

    @Test
    void aHugeLearningRateIsCaughtAndTheRunFolderStaysWhole(@TempDir Path dir) throws Exception {
        rows(dir, 40, i -> 100 + 2 * (i / 10.0));
        String json = SummaryTest.ROWS.replace("{ \"type\": \"sgd\" }",
                "{ \"type\": \"sgd\", \"params\": { \"learningRate\": 5.0 } }")
                .replace("\"epochs\": 1", "\"epochs\": 30, \"batchSize\": 8");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        RunResult result = run(json, dir, new ConsoleProgress(new PrintStream(console, true, StandardCharsets.UTF_8),
                false));
        List<TrainingEvent.Diagnostic> found = diagnostics().stream()
                .filter(d -> d.kind().equals("nan-loss") || d.kind().equals("exploding-loss")).toList();
        assertFalse(found.isEmpty(), diagnostics().toString());
        TrainingEvent.Diagnostic first = found.get(0);
        assertTrue(List.of("nan-loss", "exploding-loss").contains(first.kind()), first.toString());
        assertTrue(first.message().contains("learning rate (5)") && first.message().contains("try 0.5"),
                first.message());
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("note: " + first.message()),
                console.toString(StandardCharsets.UTF_8));

        Path folder = result.folder();
        JsonNode written = json(folder.resolve(RunFiles.DIAGNOSTICS));
        assertEquals(diagnostics().size(), written.size());
        JsonNode entry = written.get(diagnostics().indexOf(first));
        assertEquals(first.kind(), entry.get("kind").asText());
        assertEquals(first.message(), entry.get("message").asText());
        assertEquals(first.epoch(), entry.get("epoch").asInt());
        for (String file : List.of(RunFiles.PIPELINE, RunFiles.METRICS, RunFiles.EVALUATION, RunFiles.MODEL,
                RunFiles.PREDICTIONS)) {
            assertTrue(Files.isRegularFile(folder.resolve(file)), file + " is written");
        }
        JsonNode provenance = json(folder.resolve(RunFiles.PROVENANCE));
        if (found.stream().anyMatch(d -> d.kind().equals("nan-loss"))) {
            TrainingEvent.Diagnostic nan = found.stream().filter(d -> d.kind().equals("nan-loss")).findFirst()
                    .orElseThrow();
            assertEquals("diverged", provenance.get("status").asText());
            assertEquals(nan.epoch(), provenance.get("diverged").get("epoch").asInt());
            assertEquals(nan.epoch() - 1, provenance.get("epochs").asInt());
            assertFalse(result.cancelled());
            assertTrue(events.get(events.size() - 1) instanceof TrainingEvent.Finished);
            // evaluated with the weights from before the diverged epoch: numbers, not NaN
            JsonNode mse = json(folder.resolve(RunFiles.EVALUATION)).get("mse");
            assertTrue(mse.isNumber() && Double.isFinite(mse.asDouble()), "mse " + mse);
        } else {
            assertEquals("finished", provenance.get("status").asText());
        }
    }

    @Test
    void fittingNoiseWithABigNetworkIsOverfitting(@TempDir Path dir) throws Exception {
        Random noise = new Random(1);
        rows(dir, 24, i -> noise.nextGaussian());
        String json = SummaryTest.ROWS
                .replace("{ \"type\": \"dense\" }", "{ \"type\": \"dense\", \"params\": { \"units\": 64 } }")
                .replace("\"model\"", "\"split\": { \"validation\": 0.3, \"test\": 0.0 },\n  \"model\"")
                .replace("{ \"type\": \"sgd\" }", "{ \"type\": \"sgd\", \"params\": { \"learningRate\": 0.2 } }")
                .replace("\"epochs\": 1", "\"epochs\": 300, \"batchSize\": 0");
        RunResult result = run(json, dir, e -> { });
        List<TrainingEvent.Diagnostic> overfitting = diagnostics().stream()
                .filter(d -> d.kind().equals("overfitting")).toList();
        assertEquals(1, overfitting.size(), diagnostics().toString());
        assertTrue(overfitting.get(0).message().startsWith("Validation loss has risen for 3 epochs (from "),
                overfitting.get(0).message());
        JsonNode written = json(result.folder().resolve(RunFiles.DIAGNOSTICS));
        assertTrue(written.findValuesAsText("kind").contains("overfitting"), written.toString());
        assertTrue(((Number) overfitting.get(0).values().get("toValidationLoss")).doubleValue()
                > ((Number) overfitting.get(0).values().get("fromValidationLoss")).doubleValue());
    }

    @Test
    void reluUnitsKilledByTheirBiasAreCountedAndMeasuredEpochsGoToTheCsv(@TempDir Path dir) throws Exception {
        String json = SummaryTest.BLOBS.replace("{ \"units\": 5 }",
                "{ \"units\": 5, \"activation\": \"relu\", \"bias\": -20.0 }").replace("\"epochs\": 2", "\"epochs\": 5");
        RunResult result = run(json, dir, e -> { });
        List<TrainingEvent.Diagnostic> dead = diagnostics().stream().filter(d -> d.kind().equals("dead-relu")).toList();
        assertEquals(1, dead.size(), diagnostics().toString());
        assertEquals(1, dead.get(0).epoch());
        assertEquals("100% of the units in layer 0 (dense, relu) output zero for every example: they no longer "
                + "learn. Try a lower learning rate, He initialisation or leaky ReLU.", dead.get(0).message());
        assertEquals(Map.of("0", 1.0), dead.get(0).values().get("shares"));
        List<String> csv = Files.readAllLines(result.folder().resolve(RunFiles.DIAGNOSTICS_TABLE));
        assertEquals("epoch,layer,dead_share,update_ratio,saturated_share", csv.get(0));
        // epochs 1, 2 and 5; layers 0 (dense) and 1 (output)
        assertEquals(List.of("1", "1", "2", "2", "5", "5"), csv.subList(1, csv.size()).stream()
                .map(l -> l.split(",")[0]).toList());
        assertTrue(csv.get(1).startsWith("1,0,1.0,"), csv.get(1));
        assertTrue(csv.get(2).startsWith("1,1,,"), csv.get(2));
        // dead units pass no gradient: the output layer's weights do not move at all
        assertEquals(0.0, Double.parseDouble(csv.get(2).split(",")[3]), csv.get(2));
        assertEquals(List.of("dead-relu"), diagnostics().stream().map(TrainingEvent.Diagnostic::kind).toList(),
                "the stalled output layer is explained by the dead layer: no update-ratio note of its own");
    }

    @Test
    void aHealthyRunHasAnEmptyDiagnosticsFile(@TempDir Path dir) throws Exception {
        RunResult result = run(SummaryTest.BLOBS, dir, e -> { });
        assertEquals("[ ]", Files.readString(result.folder().resolve(RunFiles.DIAGNOSTICS)).trim());
        assertEquals(List.of(), diagnostics().stream().filter(d -> !d.kind().equals("update-ratio")).toList());
    }
}
