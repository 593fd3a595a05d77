package org.cajal.experiments.internal.repro;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;

import org.cajal.api.pipeline.ComponentRef;
import org.cajal.api.pipeline.ModelSpec;
import org.cajal.api.pipeline.ModelSummary;
import org.cajal.api.pipeline.Pipeline;
import org.cajal.api.pipeline.PipelineDocument;
import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.PipelineRunner;
import org.cajal.api.pipeline.Problem;
import org.cajal.api.pipeline.RunHandle;
import org.cajal.api.pipeline.RunOptions;
import org.cajal.api.pipeline.RunResult;
import org.cajal.api.run.Evaluation;
import org.cajal.api.run.RunStatus;
import org.cajal.api.pipeline.TrainingSpec;
import org.cajal.api.train.TrainingListener;
import org.cajal.experiments.internal.store.FolderFiles;
import org.cajal.experiments.internal.store.TestFolders;

/**
 * A pipeline runner that trains nothing: it writes a run folder whose numbers are a deterministic function of the
 * seed and of the bytes of the dataset's "file" parameter (when given), plus {@link #offset}, so a rerun with the
 * same data and seed gives identical numbers and a changed offset changes them.
 */
final class FakeRunner implements PipelineRunner {

    double offset;
    String backendKind = "cpu";
    final List<PipelineDocument> started = new ArrayList<>();
    private int counter;

    @Override
    public PipelineDocument parse(String json, String source, Path baseDirectory) throws PipelineException {
        try {
            JsonNode root = org.cajal.runfolder.Json.PRETTY.readTree(json);
            Map<String, Object> params = new LinkedHashMap<>();
            root.path("dataset").path("params").fields().forEachRemaining(e -> params.put(e.getKey(),
                    e.getValue().isNumber() ? e.getValue().numberValue() : e.getValue().asText()));
            Pipeline p = new Pipeline(1, root.path("name").asText(), "", root.path("seed").asLong(42),
                    new ComponentRef(root.path("dataset").path("type").asText(), params), List.of(), null,
                    new ModelSpec(null, null, null), new TrainingSpec("mse", ComponentRef.of("adam"), 3, 16));
            return new PipelineDocument(p, json, source, baseDirectory);
        } catch (IOException e) {
            throw new PipelineException(source, new Problem("line 1", e.getMessage()));
        }
    }

    @Override
    public RunHandle start(PipelineDocument document, RunOptions options, TrainingListener listener)
            throws PipelineException {
        started.add(document);
        long seed = options.seed().orElse(document.pipeline().seed());
        String id = String.format(Locale.ROOT, "2026%04d-000000-%s", ++counter, document.pipeline().name());
        Path folder = options.runsDirectory().resolve(id);
        long data = 0;
        Object file = document.pipeline().dataset().params().get("file");
        try {
            if (file != null) {
                Path path = document.baseDirectory().resolve(file.toString());
                if (!Files.isRegularFile(path)) {
                    throw new PipelineException(document.source(), new Problem("$.dataset.params.file",
                            "file not found: " + path));
                }
                for (byte b : Files.readAllBytes(path)) {
                    data = data * 31 + b;
                }
            }
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("pipeline.json"), document.text());
            Map<String, Object> provenance = TestFolders.provenance(id, document.pipeline().name(), seed, "finished",
                    Instant.parse("2026-05-01T00:00:00Z"));
            provenance.put("backend", Map.of("class", "Fake", "kind", backendKind, "nativeVariant", "test",
                    "threads", 2));
            provenance.put("baseDirectory", document.baseDirectory().toString());
            org.cajal.runfolder.Json.write(folder.resolve("provenance.json"), provenance);
            double accuracy = Math.floorMod(data * 31 + seed, 1000) / 1000.0 + offset;
            StringBuilder csv = new StringBuilder("epoch,train_loss,validation_loss\n");
            for (int e = 1; e <= 3; e++) {
                csv.append(String.format(Locale.ROOT, "%d,%.9f,%.9f%n", e, 1.0 / (e + seed) + offset,
                        accuracy / e));
            }
            Files.writeString(folder.resolve("metrics.csv"), csv.toString());
            Map<String, Object> evaluation = new LinkedHashMap<>();
            evaluation.put("accuracy", accuracy);
            evaluation.put("f1", accuracy / 3);
            evaluation.put("split", "test");
            evaluation.put("examples", 40);
            org.cajal.runfolder.Json.write(folder.resolve("evaluation.json"), evaluation);
            Files.write(folder.resolve("model.zip"), new byte[] {(byte) seed});
            RunResult result = new RunResult(id, folder, RunStatus.FINISHED, new Evaluation(evaluation));
            return new RunHandle() {
                @Override
                public String runId() {
                    return id;
                }

                @Override
                public Path folder() {
                    return folder;
                }

                @Override
                public CompletableFuture<RunResult> result() {
                    return CompletableFuture.completedFuture(result);
                }

                @Override
                public void cancel() {
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public PipelineDocument read(Path file) {
        throw new UnsupportedOperationException("not used by reruns");
    }

    @Override
    public List<Problem> validate(PipelineDocument document) {
        return List.of();
    }

    @Override
    public String format(Pipeline pipeline) {
        throw new UnsupportedOperationException("not used by reruns");
    }

    @Override
    public ModelSummary summarise(PipelineDocument document) {
        throw new UnsupportedOperationException("not used by reruns");
    }

    @Override
    public org.cajal.api.visual.RunRecord record(Path runFolder) {
        throw new UnsupportedOperationException("not used by reruns");
    }
}
