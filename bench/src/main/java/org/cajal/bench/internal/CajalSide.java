package org.cajal.bench.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

import org.cajal.api.pipeline.PipelineDocument;
import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.PipelineExecutor;
import org.cajal.api.pipeline.PipelineFormat;
import org.cajal.api.pipeline.RunHandle;
import org.cajal.api.pipeline.RunOptions;
import org.cajal.api.pipeline.RunResult;
import org.cajal.api.train.TrainingEvent;
import org.cajal.api.train.TrainingListener;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * The Cajal side: a pipeline built in code (fashion-mnist, image-scale, no validation or test split so every
 * example trains, the case's layers, Adam) run by the runtime's {@link PipelineExecutor} exactly as {@code cajal run}
 * runs a file. Epoch times come from {@link TrainingEvent.EpochCompleted#elapsedMillis()}; the test accuracy from
 * the saved {@code model.zip}, scored by {@link TestSet} like the DL4J side's network.
 */
final class CajalSide {

    static final String NAME = "cajal";

    private final PipelineFormat format;
    private final PipelineExecutor executor;
    private final Path folder;
    private final int limit;
    private final int batchSize;
    private final Optional<String> engine;

    /** @param engine {@code training.engine} to write into the pipeline; empty leaves the key out */
    CajalSide(PipelineFormat format, PipelineExecutor executor, Path folder, int limit, int batchSize,
              Optional<String> engine) {
        this.format = format;
        this.executor = executor;
        this.folder = folder;
        this.limit = limit;
        this.batchSize = batchSize;
        this.engine = engine;
    }

    /** The pipeline document's text. */
    String pipelineJson(BenchCase benchCase, int epochs, long seed, double learningRate) {
        String dataset = "{\"type\": \"fashion-mnist\", \"params\": {\"folder\": " + quote(folder.toString())
                + ", \"part\": \"train\"" + (limit > 0 ? ", \"limit\": " + limit : "") + "}}";
        return String.format(Locale.ROOT, "{\n"
                + "  \"schema\": 1,\n"
                + "  \"name\": \"bench-%s\",\n"
                + "  \"seed\": %d,\n"
                + "  \"dataset\": %s,\n"
                + "  \"preprocessing\": [{\"type\": \"image-scale\", \"params\": {}}],\n"
                + "  \"split\": {\"validation\": 0, \"test\": 0},\n"
                + "  \"model\": {\"layers\": %s},\n"
                + "  \"training\": {\"loss\": \"categorical-cross-entropy\",\n"
                + "    \"optimizer\": {\"type\": \"adam\", \"params\": {\"learningRate\": %s}},\n"
                + "    \"epochs\": %d, \"batchSize\": %d%s}\n"
                + "}\n", benchCase.id(), seed, dataset, benchCase.layersJson(), learningRate, epochs, batchSize,
                engine.map(e -> ", \"engine\": " + quote(e)).orElse(""));
    }

    Measurement train(BenchCase benchCase, int repeat, int epochs, long seed, double learningRate, TestSet test)
            throws PipelineException, IOException, InterruptedException {
        ProcessMemory.resetPeak();
        Run run = run(benchCase, epochs, seed, learningRate, (clock, folder) -> {
            long peak = ProcessMemory.peakKib();
            MultiLayerNetwork network = ModelSerializer.restoreMultiLayerNetwork(
                    folder.resolve("model.zip").toFile(), false);
            double accuracy = test.accuracy(network, false);
            return new Measurement(benchCase, NAME, repeat, clock.epochSeconds(), clock.trainExamples,
                    clock.parameters, accuracy, peak);
        });
        return run.measurement;
    }

    /**
     * Runs the case's pipeline once, as {@code cajal run} would, into a temporary runs folder that is deleted
     * afterwards; no test accuracy. For the memory loop.
     *
     * @return the epoch times in seconds
     */
    List<Double> runOnly(BenchCase benchCase, int epochs, long seed, double learningRate)
            throws PipelineException, IOException, InterruptedException {
        return run(benchCase, epochs, seed, learningRate, (clock, folder) -> null).clock.epochSeconds();
    }

    private interface Finish {
        Measurement apply(EpochClock clock, Path runFolder) throws IOException;
    }

    private record Run(EpochClock clock, Measurement measurement) {
    }

    private Run run(BenchCase benchCase, int epochs, long seed, double learningRate, Finish finish)
            throws PipelineException, IOException, InterruptedException {
        PipelineDocument doc = format.parse(pipelineJson(benchCase, epochs, seed, learningRate),
                "bench-" + benchCase.id() + ".json", Path.of("").toAbsolutePath());
        Path runs = Files.createTempDirectory("cajal-bench-runs-");
        try {
            EpochClock clock = new EpochClock();
            RunHandle handle = executor.start(doc, new RunOptions(runs, OptionalLong.of(seed)), clock);
            RunResult result = handle.await();
            return new Run(clock, finish.apply(clock, result.folder()));
        } finally {
            deleteTree(runs);
        }
    }

    /** Collects what the run reports: examples, parameters and the time since training began after each epoch. */
    private static final class EpochClock implements TrainingListener {
        private final List<Long> elapsedMillis = new ArrayList<>();
        private volatile long trainExamples;
        private volatile long parameters;

        @Override
        public void onEvent(TrainingEvent event) {
            if (event instanceof TrainingEvent.Started s) {
                trainExamples = s.trainExamples();
                parameters = s.parameterCount();
            } else if (event instanceof TrainingEvent.EpochCompleted e) {
                synchronized (elapsedMillis) {
                    elapsedMillis.add(e.elapsedMillis());
                }
            }
        }

        List<Double> epochSeconds() {
            synchronized (elapsedMillis) {
                List<Double> seconds = new ArrayList<>();
                long before = 0;
                for (long at : elapsedMillis) {
                    seconds.add((at - before) / 1000.0);
                    before = at;
                }
                return seconds;
            }
        }
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
