package org.cajal.testfixtures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cajal.api.pipeline.CheckedPipeline;
import org.cajal.api.pipeline.ModelSummary;
import org.cajal.api.pipeline.Pipeline;
import org.cajal.api.pipeline.PipelineCheck;
import org.cajal.api.pipeline.PipelineDocument;
import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.PipelineExecutor;
import org.cajal.api.pipeline.PipelineFormat;
import org.cajal.api.pipeline.Problem;
import org.cajal.api.pipeline.RunHandle;
import org.cajal.api.pipeline.RunOptions;
import org.cajal.api.pipeline.RunReader;
import org.cajal.api.pipeline.RunResult;
import org.cajal.api.run.Evaluation;
import org.cajal.api.run.MetricsTable;
import org.cajal.api.run.RunStatus;
import org.cajal.api.train.TrainingListener;
import org.cajal.api.visual.RunRecord;
import org.cajal.runfolder.RunFolderWriter;
import org.cajal.runfolder.RunFolders;

/**
 * The runtime's pipeline services for tests, training nothing: pass one instance wherever a {@link PipelineFormat},
 * {@link PipelineCheck}, {@link PipelineExecutor} or {@link RunReader} is wanted. Each run writes a small run
 * folder on a worker thread, named {@code 2026<nnnn>-000000-<name>} by a counter, with pipeline.json (the document's text), provenance.json, metrics.csv, evaluation.json and model.zip
 * ({@link FakeRunFolder} says what they hold).
 *
 * <p>Every number follows from one loss {@code l} = {@link #loss} of the pipeline (its seed set to the run's) +
 * a term of the bytes of the dataset's {@code file} parameter (when it names one) + {@link #offset}: the same
 * pipeline, seed and data give the same files, a changed offset changes every number. By default
 * {@code l = (log10(learningRate) + 2)² + ((units − 8) / 8)² + 0.1 + 0.01 · (seed mod 5)}, smallest at
 * learning rate 0.01 with 8 units ({@link TestPipelines#dense}).
 *
 * <p>The public fields change how later runs behave and count what happened; they may be set from the test thread
 * while runs are going.
 */
public final class FakeRunner implements PipelineFormat, PipelineCheck, PipelineExecutor, RunReader {

    /** The loss of a run from its pipeline's JSON (with {@code seed} set to the run's). */
    public volatile Function<JsonNode, Double> loss = FakeRunner::defaultLoss;
    /** Runs that fail: their handle completes exceptionally ("the loss became NaN"), after the delay. */
    public volatile Predicate<JsonNode> fails = n -> false;
    /** Runs whose loss "became NaN": they end normally with status {@link RunStatus#DIVERGED}, as the runtime's do. */
    public volatile Predicate<JsonNode> diverges = n -> false;
    /** What {@link #validate} reports (and {@link #start} refuses a pipeline for). */
    public volatile Function<JsonNode, List<Problem>> problems = n -> List.of();
    /** How long a run takes before it writes its folder; a cancel ends the wait. */
    public volatile long delayMs;
    /** Added to every run's loss. */
    public volatile double offset;
    /** provenance.json's {@code backend.kind}. */
    public volatile String backendKind = "cpu";

    /** Runs started so far. */
    public final AtomicInteger started = new AtomicInteger();
    /** Runs on their worker thread now. */
    public final AtomicInteger running = new AtomicInteger();
    /** The most runs that were on their worker threads at once. */
    public final AtomicInteger maxRunning = new AtomicInteger();
    /** The documents started, in order. */
    public final List<PipelineDocument> startedDocuments = Collections.synchronizedList(new ArrayList<>());

    private final AtomicInteger sequence = new AtomicInteger();

    /** The default {@link #loss}: see the class comment. */
    public static double defaultLoss(JsonNode p) {
        double lr = p.path("training").path("optimizer").path("params").path("learningRate").asDouble(0.01);
        double units = p.path("model").path("layers").path(0).path("params").path("units").asDouble(8);
        long seed = p.path("seed").asLong(42);
        return Math.pow(Math.log10(lr) + 2, 2) + Math.pow((units - 8) / 8, 2) + 0.1 + 0.01 * Math.floorMod(seed, 5);
    }

    /** The texts of the documents started, in order. */
    public List<String> startedTexts() {
        synchronized (startedDocuments) {
            return startedDocuments.stream().map(PipelineDocument::text).toList();
        }
    }

    @Override
    public PipelineDocument read(Path file) throws PipelineException {
        try {
            return parse(Files.readString(file), file.toString(), file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new PipelineException(file.toString(), new Problem("file", "cannot be read: " + e.getMessage()));
        }
    }

    /** Parses the keys the fake uses ({@link FakeFormat}); refuses a {@code search} key as the runtime does. */
    @Override
    public PipelineDocument parse(String json, String source, Path baseDirectory) throws PipelineException {
        return FakeFormat.parse(json, source, baseDirectory);
    }

    /** JSON that {@link #parse} reads back to an equal pipeline (the keys the fake uses). */
    @Override
    public String format(Pipeline pipeline) {
        return FakeFormat.format(pipeline);
    }

    @Override
    public List<Problem> validate(PipelineDocument document) {
        try {
            return problems.apply(FakeFormat.tree(document.text(), document.source()));
        } catch (PipelineException e) {
            return e.problems();
        }
    }

    /** No input shape, one entry per layer without shapes or counts, and {@link #validate}'s problems. */
    @Override
    public ModelSummary summarise(PipelineDocument document) {
        List<ModelSummary.Layer> layers = new ArrayList<>();
        var stack = document.pipeline().model().layers();
        for (int i = 0; i < stack.size(); i++) {
            layers.add(new ModelSummary.Layer(i, stack.get(i).type(), Optional.empty(), -1, null));
        }
        return new ModelSummary(Optional.empty(), layers, 0, validate(document));
    }

    @Override
    public CheckedPipeline check(PipelineDocument document) throws PipelineException {
        List<Problem> found = validate(document);
        if (!found.isEmpty()) {
            throw new PipelineException(document.source(), found);
        }
        return new Checked(document, summarise(document));
    }

    private record Checked(PipelineDocument document, ModelSummary summary) implements CheckedPipeline {
    }

    @Override
    public RunHandle start(CheckedPipeline checked, RunOptions options, TrainingListener listener)
            throws PipelineException {
        return start(checked.document(), options, listener);
    }

    /** The fake writes no checkpoints, so it has nothing to resume from: it refuses, as the runtime does then. */
    @Override
    public RunHandle resume(Path runFolder, TrainingListener listener) throws PipelineException {
        throw new PipelineException(runFolder.toString(), new Problem("$", "this run has no checkpoint to resume "
                + "from; run its pipeline again"));
    }

    /**
     * Validates, then starts the run on a new daemon thread. Refuses (nothing written) a pipeline with problems or
     * whose dataset {@code file} does not exist.
     */
    @Override
    public RunHandle start(PipelineDocument document, RunOptions options, TrainingListener listener)
            throws PipelineException {
        List<Problem> found = validate(document);
        if (!found.isEmpty()) {
            throw new PipelineException(document.source(), found);
        }
        long seed = options.seed().orElse(document.pipeline().seed());
        ObjectNode tree = (ObjectNode) FakeFormat.tree(document.text(), document.source());
        tree.put("seed", seed);
        double l = loss.apply(tree) + FakeData.term(document) + offset;
        String id = String.format(Locale.ROOT, "2026%04d-000000-%s", sequence.incrementAndGet(),
                RunFolderWriter.slug(document.pipeline().name()));
        Path folder = options.runsDirectory().resolve(id);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new PipelineException(document.source(), new Problem("runs folder", e.getMessage()));
        }
        started.incrementAndGet();
        startedDocuments.add(document);
        return new FakeRun(this, document, tree, folder, seed, l).start();
    }

    /** Reads a run folder through the run-folder library (no predictions, no model). */
    @Override
    public RunRecord record(Path runFolder) throws PipelineException {
        try {
            MetricsTable metrics = RunFolders.metrics(runFolder);
            Evaluation evaluation = RunFolders.evaluation(runFolder);
            return new RunRecord(runFolder.getFileName().toString(), runFolder, metrics.columns(), metrics.rows(),
                    evaluation.values());
        } catch (IOException e) {
            throw new PipelineException(runFolder.toString(), new Problem("run folder", e.getMessage()));
        }
    }

    /** One run on its worker thread. */
    private record FakeRun(FakeRunner runner, PipelineDocument document, JsonNode tree, Path folder, long seed,
                           double loss) {

        RunHandle start() {
            CompletableFuture<RunResult> result = new CompletableFuture<>();
            AtomicBoolean cancel = new AtomicBoolean();
            Thread t = new Thread(() -> run(result, cancel), "fake-run-" + folder.getFileName());
            t.setDaemon(true);
            t.start();
            return new RunHandle() {
                @Override
                public String runId() {
                    return folder.getFileName().toString();
                }

                @Override
                public Path folder() {
                    return folder;
                }

                @Override
                public CompletableFuture<RunResult> result() {
                    return result;
                }

                @Override
                public void cancel() {
                    cancel.set(true);
                }
            };
        }

        private void run(CompletableFuture<RunResult> result, AtomicBoolean cancel) {
            int now = runner.running.incrementAndGet();
            runner.maxRunning.accumulateAndGet(now, Math::max);
            try {
                long end = System.currentTimeMillis() + runner.delayMs;
                while (System.currentTimeMillis() < end && !cancel.get()) {
                    Thread.sleep(5);
                }
                if (runner.fails.test(tree)) {
                    result.completeExceptionally(new PipelineException(document.source(),
                            new Problem("training", "the loss became NaN")));
                    return;
                }
                RunStatus status = cancel.get() ? RunStatus.CANCELLED
                        : runner.diverges.test(tree) ? RunStatus.DIVERGED : RunStatus.FINISHED;
                FakeRunFolder.write(folder, document, seed, loss, status, runner.backendKind);
                result.complete(new RunResult(folder.getFileName().toString(), folder, status,
                        RunFolders.evaluation(folder)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                result.completeExceptionally(e);
            } catch (IOException | RuntimeException e) {
                result.completeExceptionally(e);
            } finally {
                runner.running.decrementAndGet();
            }
        }
    }
}
