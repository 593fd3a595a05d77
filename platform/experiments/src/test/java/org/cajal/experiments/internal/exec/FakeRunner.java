package org.cajal.experiments.internal.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

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
import org.cajal.api.pipeline.SplitSpec;
import org.cajal.api.pipeline.TrainingSpec;
import org.cajal.api.train.TrainingListener;
import org.cajal.api.visual.RunRecord;

/**
 * A PipelineRunner for tests: no training, each run writes a small run folder (metrics.csv, evaluation.json,
 * pipeline.json, provenance.json; k-fold: fold-i/ folders and evaluation.json's folds) whose numbers come from a
 * synthetic loss of the pipeline's values. Like the current runtime it rejects a "search" key.
 *
 * <p>Default loss: (log10(learningRate) + 2)² + ((units − 8) / 8)² + 0.1 + 0.01 · (seed mod 5), so the best of
 * a grid is learningRate 0.01 with 8 units.
 */
public final class FakeRunner implements PipelineRunner {

    public volatile Function<JsonNode, Double> loss = FakeRunner::defaultLoss;
    public volatile Predicate<JsonNode> fails = n -> false;
    /** Runs whose loss "became NaN": they end normally with provenance status diverged, as the runtime's do. */
    public volatile Predicate<JsonNode> diverges = n -> false;
    public volatile Function<JsonNode, List<Problem>> problems = n -> List.of();
    public volatile long delayMs;
    public final AtomicInteger started = new AtomicInteger();
    public final AtomicInteger running = new AtomicInteger();
    public final AtomicInteger maxRunning = new AtomicInteger();
    public final List<String> startedTexts = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger sequence = new AtomicInteger();

    public static double defaultLoss(JsonNode p) {
        double lr = p.path("training").path("optimizer").path("params").path("learningRate").asDouble(0.01);
        double units = p.path("model").path("layers").path(0).path("params").path("units").asDouble(8);
        long seed = p.path("seed").asLong(42);
        return Math.pow(Math.log10(lr) + 2, 2) + Math.pow((units - 8) / 8, 2) + 0.1 + 0.01 * Math.floorMod(seed, 5);
    }

    @Override
    public PipelineDocument read(Path file) throws PipelineException {
        try {
            return parse(Files.readString(file), file.toString(), file.getParent());
        } catch (IOException e) {
            throw new PipelineException(file.toString(), new Problem("file", e.getMessage()));
        }
    }

    @Override
    public PipelineDocument parse(String json, String source, Path baseDirectory) throws PipelineException {
        JsonNode n;
        try {
            n = org.cajal.runfolder.Json.PRETTY.readTree(json);
        } catch (IOException e) {
            throw new PipelineException(source, new Problem("$", "not JSON"));
        }
        if (n.has("search")) {
            throw new PipelineException(source, new Problem("$.search", "unknown key"));
        }
        JsonNode split = n.path("split");
        SplitSpec spec = new SplitSpec(split.path("validation").asDouble(0.2), split.path("test").asDouble(0.2), true,
                split.path("folds").asInt(0));
        Pipeline p = new Pipeline(1, n.path("name").asText("fake"), "", n.path("seed").asLong(42),
                ComponentRef.of("xor"), List.of(), spec, new ModelSpec(null, Map.of(), List.of(ComponentRef.of("dense"))),
                new TrainingSpec("mse", ComponentRef.of("sgd"), n.path("training").path("epochs").asInt(3), 16));
        return new PipelineDocument(p, json, source, baseDirectory);
    }

    @Override
    public List<Problem> validate(PipelineDocument document) {
        try {
            return problems.apply(org.cajal.runfolder.Json.PRETTY.readTree(document.text()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public RunHandle start(PipelineDocument document, RunOptions options, TrainingListener listener)
            throws PipelineException {
        JsonNode tree;
        try {
            tree = org.cajal.runfolder.Json.PRETTY.readTree(document.text());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        long seed = options.seed().orElse(document.pipeline().seed());
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree).put("seed", seed);
        String id = document.pipeline().name() + "-" + sequence.incrementAndGet();
        Path folder = options.runsDirectory().resolve(id);
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("pipeline.json"), document.text());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        started.incrementAndGet();
        startedTexts.add(document.text());
        CompletableFuture<RunResult> result = new CompletableFuture<>();
        AtomicBoolean cancel = new AtomicBoolean();
        Thread t = new Thread(() -> {
            int now = running.incrementAndGet();
            maxRunning.accumulateAndGet(now, Math::max);
            try {
                long end = System.currentTimeMillis() + delayMs;
                while (System.currentTimeMillis() < end && !cancel.get()) {
                    Thread.sleep(5);
                }
                if (fails.test(tree)) {
                    result.completeExceptionally(new PipelineException(document.source(),
                            new Problem("training", "the loss became NaN")));
                    return;
                }
                write(folder, tree, id, seed, document.pipeline().split());
                result.complete(new RunResult(id, folder, cancel.get() ? RunStatus.CANCELLED : RunStatus.FINISHED, Evaluation.EMPTY));
            } catch (Exception e) {
                result.completeExceptionally(e);
            } finally {
                running.decrementAndGet();
            }
        });
        t.setDaemon(true);
        t.start();
        return new RunHandle() {
            public String runId() {
                return id;
            }

            public Path folder() {
                return folder;
            }

            public CompletableFuture<RunResult> result() {
                return result;
            }

            public void cancel() {
                cancel.set(true);
            }
        };
    }

    private void write(Path folder, JsonNode tree, String id, long seed, SplitSpec split) throws IOException {
        double l = loss.apply(tree);
        int epochs = tree.path("training").path("epochs").asInt(3);
        Files.writeString(folder.resolve("provenance.json"), "{\"run\": \"" + id + "\", \"seed\": " + seed
                + ", \"status\": \"" + (diverges.test(tree) ? "diverged" : "finished") + "\"}");
        if (split.isKFold()) {
            StringBuilder folds = new StringBuilder();
            double sum = 0;
            for (int i = 1; i <= split.folds(); i++) {
                double fl = l + 0.01 * i;
                sum += fl;
                Path f = folder.resolve("fold-" + i);
                Files.createDirectories(f);
                Files.writeString(f.resolve("metrics.csv"), metrics(fl, epochs + i - 1));
                folds.append(i == 1 ? "" : ",").append(evaluation(fl, "fold " + i));
            }
            Files.writeString(folder.resolve("metrics.csv"), metrics(sum / split.folds(), epochs));
            String mean = evaluation(sum / split.folds(), "k-fold");
            Files.writeString(folder.resolve("evaluation.json"), mean.substring(0, mean.length() - 1)
                    + ", \"folds\": [" + folds + "]}");
        } else {
            Files.writeString(folder.resolve("metrics.csv"), metrics(l, epochs));
            Files.writeString(folder.resolve("evaluation.json"), evaluation(l, "test"));
        }
    }

    /** metrics.csv: the last epoch's validation_loss is l, train_loss l − 0.05. */
    public static String metrics(double l, int epochs) {
        StringBuilder sb = new StringBuilder("epoch,train_loss,validation_loss,validation_accuracy\n");
        for (int e = 1; e <= epochs; e++) {
            double extra = (epochs - e) * 0.1;
            sb.append(e).append(',').append(l - 0.05 + extra).append(',').append(l + extra).append(',')
                    .append(1 / (1 + l + extra)).append('\n');
        }
        return sb.toString();
    }

    /** evaluation.json: accuracy 1 / (1 + l), logLoss l + 0.02. */
    public static String evaluation(double l, String split) {
        return "{\"accuracy\": " + (1 / (1 + l)) + ", \"logLoss\": " + (l + 0.02) + ", \"split\": \"" + split
                + "\", \"examples\": 40}";
    }

    @Override
    public String format(Pipeline pipeline) {
        throw new UnsupportedOperationException("not used by the experiments");
    }

    @Override
    public ModelSummary summarise(PipelineDocument document) {
        throw new UnsupportedOperationException("not used by the experiments");
    }

    @Override
    public RunRecord record(Path runFolder) {
        throw new UnsupportedOperationException("not used by the experiments");
    }

    /** A pipeline file's text with the given learning rate and units. */
    public static String pipeline(String name, double learningRate, int units) {
        return "{\n  \"schema\": 1,\n  \"name\": \"" + name + "\",\n  \"seed\": 42,\n"
                + "  \"dataset\": {\"type\": \"xor\"},\n"
                + "  \"model\": {\"layers\": [{\"type\": \"dense\", \"params\": {\"units\": " + units + "}},"
                + " {\"type\": \"output\", \"params\": {}}]},\n"
                + "  \"training\": {\"loss\": \"categorical-cross-entropy\", \"optimizer\": {\"type\": \"adam\","
                + " \"params\": {\"learningRate\": " + learningRate + "}}, \"epochs\": 3, \"batchSize\": 16}\n}\n";
    }

}
