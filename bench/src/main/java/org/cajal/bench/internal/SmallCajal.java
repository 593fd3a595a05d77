package org.cajal.bench.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.cajal.api.pipeline.PipelineDocument;
import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.PipelineExecutor;
import org.cajal.api.pipeline.PipelineFormat;
import org.cajal.api.pipeline.RunHandle;
import org.cajal.api.pipeline.RunOptions;
import org.cajal.api.pipeline.RunResult;
import org.cajal.api.train.TrainingEvent;
import org.cajal.api.train.TrainingListener;

/**
 * The Cajal side of the small case, two ways. In this JVM: the pipeline file read and run by the runtime's
 * {@link PipelineExecutor} exactly as {@code cajal run} runs it (validation pass, metrics, diagnostics, model and
 * files included), its training time taken from the runtime's own {@link TrainingEvent.EpochCompleted#elapsedMillis}
 * at the last epoch. As a child process: {@code <cajal.home>/bin/cajal run|repeat|search FILE --out DIR}, timed from
 * launch to exit like {@code python3 script.py} on the PyTorch side. The children inherit this process's thread
 * variables ({@code OMP_NUM_THREADS} and so on) and its {@code CAJAL_OPTS} less the bench's own FileInstall folder.
 */
final class SmallCajal {

    static final String NAME = "cajal";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PipelineFormat format;
    private final PipelineExecutor executor;
    private final Path home;

    SmallCajal(PipelineFormat format, PipelineExecutor executor, Path home) {
        this.format = format;
        this.executor = executor;
        this.home = home;
    }

    /**
     * A run in this JVM and what it wrote.
     *
     * @param run the measurement
     * @param testIndices the test indices from the run's {@code split.json}, for the bench's split check
     * @param engine what trained the model as the runtime said it at the start ({@code TrainingEvent.Started}),
     *        empty when this runtime does not say
     */
    record InJvm(SmallRun run, int[] testIndices, String engine) {
    }

    /** Runs the pipeline file once in this JVM, into a temporary runs folder that is deleted afterwards. */
    InJvm train(String workload, int repeat, Path pipelineFile, long seed)
            throws PipelineException, IOException, InterruptedException {
        PipelineDocument doc = format.read(pipelineFile);
        Path runs = Files.createTempDirectory("cajal-bench-small-runs-");
        try {
            Clock clock = new Clock();
            RunHandle handle = executor.start(doc, new RunOptions(runs, OptionalLong.empty()), clock);
            RunResult result = handle.await();
            JsonNode evaluation = JSON.readTree(result.folder().resolve("evaluation.json").toFile());
            String metric = evaluation.has("accuracy") ? "accuracy" : "mse";
            JsonNode split = JSON.readTree(result.folder().resolve("split.json").toFile());
            int[] test = JSON.convertValue(split.path("indices"), int[].class);
            SmallRun run = new SmallRun(workload, NAME, repeat, seed, clock.parameters, clock.steps(),
                    clock.lastElapsedMillis / 1000.0, Double.NaN, metric, evaluation.path(metric).asDouble(Double.NaN));
            return new InJvm(run, split.path("split").asText().equals("test") ? test : null, clock.engine);
        } finally {
            deleteTree(runs);
        }
    }

    /**
     * {@code bin/cajal ARGS... --out DIR} as a child process in {@code workDir}.
     *
     * @throws IOException when it exits with a status other than 0 (the message holds its last lines)
     */
    ChildProcess command(List<String> args, Path out, Path workDir) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin").resolve("cajal").toString());
        command.addAll(args);
        command.addAll(List.of("--out", out.toString()));
        ChildProcess p = ChildProcess.run(command, workDir,
                Map.of("CAJAL_OPTS", ChildProcess.childCajalOpts(System.getenv("CAJAL_OPTS"))), List.of(), null);
        if (p.status() != 0) {
            throw new IOException("'cajal " + String.join(" ", args) + "' exited with status " + p.status() + ":\n    "
                    + p.tail(15));
        }
        return p;
    }

    /**
     * One line of an experiment's {@code trials.jsonl}.
     *
     * @param params the trial's parameter values by pipeline path (empty for repeats)
     * @param metrics its evaluation numbers ({@code accuracy}, {@code mse}, ...)
     */
    record TrialLine(int trial, long seed, String status, Map<String, Object> params, Map<String, Double> metrics) {
    }

    /** The trials of the one experiment folder under {@code out} (the folder holding {@code trials.jsonl}), by number. */
    static List<TrialLine> trials(Path out) throws IOException {
        Path file;
        try (Stream<Path> files = Files.find(out, 3, (p, a) -> p.getFileName().toString().equals("trials.jsonl"))) {
            file = files.findFirst().orElseThrow(() -> new IOException("no trials.jsonl under " + out));
        }
        List<TrialLine> trials = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = JSON.readTree(line);
            Map<String, Object> params = n.path("params").isObject()
                    ? JSON.convertValue(n.get("params"), new TypeReference<LinkedHashMap<String, Object>>() { })
                    : Map.of();
            Map<String, Double> metrics = n.path("metrics").isObject()
                    ? JSON.convertValue(n.get("metrics"), new TypeReference<LinkedHashMap<String, Double>>() { })
                    : Map.of();
            trials.add(new TrialLine(n.path("trial").asInt(), n.path("seed").asLong(), n.path("status").asText(),
                    params, metrics));
        }
        trials.sort(Comparator.comparingInt(TrialLine::trial));
        return trials;
    }

    /**
     * How many of the experiment's trials under {@code out} ran at the same time at most, from their run folders'
     * {@code provenance.json} start and end times (the experiment folder does not record its parallelism when the
     * default is taken); -1 when no run folder says.
     */
    static int observedParallel(Path out) throws IOException {
        List<Instant[]> intervals = new ArrayList<>();
        try (Stream<Path> files = Files.find(out, 5,
                (p, a) -> p.getFileName().toString().equals("provenance.json"))) {
            for (Path file : files.toList()) {
                JsonNode n = JSON.readTree(file.toFile());
                if (n.path("start").isTextual() && n.path("end").isTextual()) {
                    intervals.add(new Instant[] {Instant.parse(n.get("start").asText()),
                        Instant.parse(n.get("end").asText())});
                }
            }
        }
        return intervals.isEmpty() ? -1 : maxOverlap(intervals);
    }

    /** The largest number of intervals [start, end) that contain one instant. */
    static int maxOverlap(List<Instant[]> intervals) {
        List<Map.Entry<Instant, Integer>> events = new ArrayList<>();
        for (Instant[] i : intervals) {
            events.add(Map.entry(i[0], 1));
            events.add(Map.entry(i[1], -1));
        }
        // at equal instants an end comes before a start: a trial that starts as another ends does not overlap it
        events.sort(Map.Entry.<Instant, Integer>comparingByKey().thenComparing(Map.Entry.comparingByValue()));
        int now = 0;
        int max = 0;
        for (Map.Entry<Instant, Integer> e : events) {
            now += e.getValue();
            max = Math.max(max, now);
        }
        return max;
    }

    /** What the run reports: batches per epoch, epochs completed, parameters, time since training began. */
    private static final class Clock implements TrainingListener {
        private volatile long parameters;
        private volatile long batchesPerEpoch;
        private volatile int epochs;
        private volatile long lastElapsedMillis;
        private volatile String engine = "";

        @Override
        public void onEvent(TrainingEvent event) {
            if (event instanceof TrainingEvent.Started s) {
                parameters = s.parameterCount();
                batchesPerEpoch = s.batchesPerEpoch();
                engine = engine(s);
            } else if (event instanceof TrainingEvent.EpochCompleted e) {
                epochs = e.epoch();
                lastElapsedMillis = e.elapsedMillis();
            }
        }

        /**
         * {@code Started.engine()} where the runtime has it (added with the fused dense path); read reflectively
         * so that this bench builds and runs against an API from before it.
         */
        private static String engine(TrainingEvent.Started started) {
            try {
                Object engine = started.getClass().getMethod("engine").invoke(started);
                return engine == null ? "" : engine.toString();
            } catch (ReflectiveOperationException | RuntimeException e) {
                return "";
            }
        }

        long steps() {
            return batchesPerEpoch * epochs;
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
