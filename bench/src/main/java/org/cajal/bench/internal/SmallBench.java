package org.cajal.bench.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.cajal.api.Parameters;
import org.cajal.api.data.DataSchema;
import org.cajal.api.data.Dataset;
import org.cajal.api.data.DatasetException;
import org.cajal.api.data.DatasetProvider;
import org.cajal.api.data.Examples;
import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.PipelineExecutor;
import org.cajal.api.pipeline.PipelineFormat;

/**
 * {@code cajal bench --case small}: small dense networks trained three ways with the same network, data, split,
 * epochs, batch size and optimizer — through Cajal's runtime ({@link SmallCajal}: in this JVM for the training
 * time, and {@code bin/cajal run FILE} as a child process for the wall time from launch to exit), as hand-written
 * DL4J in this JVM ({@link SmallDl4j}) and with PyTorch ({@link SmallPython}: {@code python3 small_bench.py},
 * timed from launch to exit, PyTorch's import included) — then a repeats experiment ({@code cajal repeat}) and a
 * random search ({@code cajal search}) against the same loops in DL4J and in one PyTorch process. One thread per
 * side: {@code bench/run.sh --case small} starts the JVM with {@code OMP_NUM_THREADS=1} (inherited by the Cajal
 * children), and PyTorch gets {@code --threads} (default 1).
 *
 * <p>The Cajal side runs the pipeline files; the other sides get the same examples as float tables: for the
 * shipped examples from the very dataset services the pipeline names (same parameters, same seed), for the survey
 * from the bench's own encoding of the generated CSV ({@link SurveyData#encode}), checked against what the csv
 * dataset reads. Both split them with {@link HoldOutSplit} (checked against each Cajal run's split.json) and
 * preprocess them with {@link TabularData#prepare}.
 */
final class SmallBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PipelineFormat format;
    private final PipelineExecutor executor;
    private final Supplier<List<DatasetProvider>> datasets;
    private final BenchOptions options;
    private final PrintStream out;
    private final PrintStream err;
    private Path work;
    private Path home;
    private SmallCajal cajal;
    private Optional<SmallPython> pytorch = Optional.empty();
    private final SurveyData survey = SurveyData.generate();
    private final Map<String, String> engines = new LinkedHashMap<>();

    SmallBench(PipelineFormat format, PipelineExecutor executor, Supplier<List<DatasetProvider>> datasets,
               BenchOptions options, PrintStream out, PrintStream err) {
        this.format = format;
        this.executor = executor;
        this.datasets = datasets;
        this.options = options;
        this.out = out;
        this.err = err;
    }

    /** @return the exit status: 0, or 1 when something failed (said on {@code err}) */
    int run() throws InterruptedException {
        String cajalHome = System.getProperty("cajal.home");
        if (cajalHome == null || !Files.isExecutable(Path.of(cajalHome, "bin", "cajal"))) {
            err.println("cajal bench --case small: needs the system property cajal.home naming the distribution"
                    + " (bin/cajal sets it; start the bench with bench/run.sh)");
            return 1;
        }
        home = Path.of(cajalHome);
        cajal = new SmallCajal(format, executor, home);
        try {
            work = Files.createTempDirectory("cajal-bench-small-");
            header();
            if (options.runs(SmallPython.NAME)) {
                pytorch = SmallPython.prepare(options.python(), options.threads(), work, out);
            }
            List<SmallRun> runs = new ArrayList<>();
            List<SmallWorkload> workloads = options.smallOptions().workloads();
            warmUp(prepare(workloads.get(0), null));
            for (SmallWorkload w : workloads) {
                runs.addAll(train(prepare(w, null)));
            }
            out.println();
            SmallTable.printRuns(runs, out);
            for (SmallWorkload w : options.smallOptions().workloads()) {
                SmallTable.printWorkload(w.id(), runs, out);
            }
            printEngines();
            pytorch.flatMap(SmallPython::describe).ifPresent(out::println);
            if (options.smallOptions().experiments()) {
                experiments();
            }
            return 0;
        } catch (PipelineException e) {
            err.println("cajal bench: a Cajal pipeline failed: " + e.getMessage());
            return 1;
        } catch (IOException | DatasetException | IllegalArgumentException e) {
            err.println("cajal bench: " + e.getMessage());
            return 1;
        } finally {
            cleanUp();
        }
    }

    private void header() throws IOException, DatasetException {
        out.printf(Locale.ROOT, "small case: workloads %s; sides %s; one thread per side (OMP_NUM_THREADS=%s,"
                        + " pytorch %d); engine: %s%n", String.join(", ", options.smallOptions().workloads().stream()
                        .map(SmallWorkload::id).toList()), String.join(", ", options.sides()),
                System.getenv("OMP_NUM_THREADS"), options.threads(),
                options.engine().map(e -> "\"engine\": \"" + e + "\" written into the Cajal pipelines")
                        .orElse("not set in the pipelines (the runtime's default)"));
        if (!"1".equals(System.getenv("OMP_NUM_THREADS"))) {
            out.println("note: OMP_NUM_THREADS is not 1, so ND4J (this JVM and the Cajal children) may use more"
                    + " than one thread; bench/run.sh --case small sets it to 1 unless it is set");
        }
        Files.writeString(work.resolve("survey.csv"), survey.csv(), StandardCharsets.UTF_8);
        int[] missing = survey.missingPerColumn();
        out.printf(Locale.ROOT, "survey.csv: %d rows x %d columns (%s), missing cells per column %s, classes %s%n",
                SurveyData.ROWS, SurveyData.COLUMNS.size(), String.join(",", SurveyData.COLUMNS),
                Arrays.toString(missing), survey.classCounts());
        checkSurveyEncoding();
    }

    /** The bench's own encoding of survey.csv against what Cajal's csv dataset reads from it (before any step). */
    private void checkSurveyEncoding() throws IOException, DatasetException {
        ObjectNode pipeline = pipeline(SmallWorkload.SURVEY);
        TabularData cajalRead = fromService(pipeline, work, pipeline.path("seed").asLong(42));
        TabularData own = survey.encode();
        double max = 0;
        for (int i = 0; i < own.size(); i++) {
            for (int j = 0; j < own.featureNames().size(); j++) {
                float a = own.rows()[i][j];
                float b = cajalRead.rows()[i][j];
                max = Math.max(max, Float.isNaN(a) && Float.isNaN(b) ? 0 : Math.abs(a - b));
            }
            max = Math.max(max, Math.abs(own.targets()[i] - cajalRead.targets()[i]));
        }
        boolean same = max == 0 && own.featureNames().equals(cajalRead.featureNames())
                && Arrays.equals(own.categories(), cajalRead.categories()) && own.classes() == cajalRead.classes();
        out.println("survey encoding for the dl4j and pytorch sides (categories sorted, missing cells filled per split from "
                + "the training rows): "
                + (same ? "the same numbers as Cajal's csv dataset reads"
                : "DIFFERS from Cajal's csv dataset (largest difference " + max + ", categories "
                + Arrays.toString(own.categories()) + " vs " + Arrays.toString(cajalRead.categories()) + ")"));
    }

    /**
     * The workload's pipeline, data and split for a seed ({@code null}: the pipeline's own), its file written to
     * the work folder.
     */
    private PreparedWorkload prepare(SmallWorkload w, Long seedOverride) throws IOException, DatasetException {
        ObjectNode pipeline = pipeline(w);
        long seed = seedOverride != null ? seedOverride : pipeline.path("seed").asLong(42);
        Path file = work.resolve(w.id() + ".json");
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), pipeline);
        TabularData data = w == SmallWorkload.SURVEY ? survey.encode() : fromService(pipeline, work, seed);
        HoldOutSplit split = split(pipeline, data, seed);
        TabularData.Prepared prepared = data.prepare(split, steps(pipeline));
        Path dataFolder = work.resolve("data").resolve(w.id() + "-" + seed);
        prepared.write(dataFolder);
        return new PreparedWorkload(w, pipeline, file, seed, SmallNetwork.of(pipeline), prepared, split, dataFolder);
    }

    /**
     * The pipeline document the Cajal side runs: the shipped example (a relative data file made absolute against
     * the examples folder) or the bench's survey pipeline, with {@code training.engine} when {@code --engine} is
     * given.
     */
    private ObjectNode pipeline(SmallWorkload w) throws IOException {
        ObjectNode pipeline;
        if (w.example() == null) {
            try (InputStream in = SmallBench.class.getResourceAsStream(SmallWorkload.SURVEY_PIPELINE_RESOURCE)) {
                if (in == null) {
                    throw new IOException("the bench bundle lacks " + SmallWorkload.SURVEY_PIPELINE_RESOURCE);
                }
                pipeline = (ObjectNode) JSON.readTree(in);
            }
        } else {
            Path examples = home.resolve("examples");
            pipeline = (ObjectNode) JSON.readTree(examples.resolve(w.example()).toFile());
            JsonNode params = pipeline.path("dataset").path("params");
            if (params.path("file").isTextual() && !Path.of(params.path("file").asText()).isAbsolute()) {
                ((ObjectNode) params).put("file", examples.resolve(params.path("file").asText()).toString());
            }
        }
        options.engine().ifPresent(e -> ((ObjectNode) pipeline.path("training")).put("engine", e));
        return pipeline;
    }

    /** The pipeline's dataset opened through the installed service it names, read whole into a table. */
    private TabularData fromService(JsonNode pipeline, Path baseDir, long seed) throws DatasetException {
        String type = pipeline.path("dataset").path("type").asText();
        DatasetProvider provider = datasets.get().stream().filter(d -> d.descriptor().id().equals(type)).findFirst()
                .orElseThrow(() -> new DatasetException("no dataset service '" + type + "' is installed"));
        Map<String, Object> raw = JSON.convertValue(pipeline.path("dataset").path("params"),
                JSON.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class));
        Parameters params = Parameters.resolve(provider.descriptor(), raw == null ? Map.of() : raw, baseDir);
        try (Dataset dataset = provider.open(params, seed)) {
            DataSchema schema = dataset.schema();
            int n = dataset.size();
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            Examples examples = dataset.read(all);
            if (examples.features().rank() != 2 || examples.targets().size(1) != 1) {
                throw new DatasetException("dataset '" + type + "' is not a flat table with one target, which is"
                        + " what the small case compares");
            }
            float[][] rows = examples.features().toFloatMatrix();
            float[] targets = examples.targets().reshape(n).toFloatVector();
            int[] categories = schema.featureNames().stream()
                    .mapToInt(f -> schema.featureCategories().getOrDefault(f, List.of()).size()).toArray();
            int classes = schema.targetKind().isClassification() ? schema.classCount() : 0;
            return new TabularData(schema.featureNames(), rows, categories, targets, classes);
        }
    }

    /** The pipeline's hold-out split of the data for a seed; k-fold is not something the small case compares. */
    private static HoldOutSplit split(JsonNode pipeline, TabularData data, long seed) {
        JsonNode s = pipeline.path("split");
        if (s.path("folds").asInt(0) >= 2) {
            throw new IllegalArgumentException("$.split.folds: the small case compares hold-out splits only");
        }
        boolean stratify = s.path("stratify").asBoolean(true) && data.classification();
        return HoldOutSplit.of(stratify ? data.targets() : null, data.size(), s.path("validation").asDouble(0.2),
                s.path("test").asDouble(0.2), seed);
    }

    /** The pipeline's preprocessing step ids, in order; a step with parameters is not copied. */
    private static List<String> steps(JsonNode pipeline) {
        List<String> steps = new ArrayList<>();
        int i = 0;
        for (JsonNode step : pipeline.path("preprocessing")) {
            if (step.path("params").size() > 0) {
                throw new IllegalArgumentException("$.preprocessing[" + i + "].params: steps with parameters are"
                        + " not something the bench's DL4J and PyTorch sides copy");
            }
            steps.add(step.path("type").asText());
            i++;
        }
        return steps;
    }

    /**
     * One untimed training by each side that runs in this JVM (Cajal's runtime, DL4J), so that the first timed
     * training does not pay for loading classes and compiling the code the others then find compiled.
     */
    private void warmUp(PreparedWorkload w) throws PipelineException, IOException, InterruptedException {
        long t0 = System.nanoTime();
        if (options.runs(SmallCajal.NAME)) {
            cajal.train(w.id().id(), 0, w.file(), w.seed());
        }
        if (options.runs(SmallDl4j.NAME)) {
            SmallDl4j.train(w.id().id(), 0, w.net(), w.prepared(), w.seed());
        }
        out.printf(Locale.ROOT, "warm-up: %s once by the sides in this JVM, untimed (%s s)%n", w.id().id(),
                ResultTable.fmt((System.nanoTime() - t0) / 1e9, 1));
    }

    /** Every side trains the workload once per repeat, the order of the sides rotating. */
    private List<SmallRun> train(PreparedWorkload w) throws PipelineException, IOException, InterruptedException {
        List<SmallRun> runs = new ArrayList<>();
        for (int r = 1; r <= options.repeats(); r++) {
            for (String side : options.order(r)) {
                System.gc();
                String load = ProcessMemory.loadAverage();
                SmallRun run = switch (side) {
                    case SmallCajal.NAME -> cajalSide(w, r);
                    case SmallDl4j.NAME -> SmallDl4j.train(w.id().id(), r, w.net(), w.prepared(), w.seed());
                    default -> pytorchSide(w, r);
                };
                if (run != null) {
                    runs.add(run);
                    progress(run, load);
                }
            }
        }
        return runs;
    }

    private SmallRun cajalSide(PreparedWorkload w, int repeat) throws PipelineException, IOException, InterruptedException {
        SmallCajal.InJvm inJvm = cajal.train(w.id().id(), repeat, w.file(), w.seed());
        engines.putIfAbsent(w.id().id(), inJvm.engine());
        checkSplit(w, inJvm.testIndices());
        Path runs = Files.createTempDirectory(work, "runs-");
        ChildProcess process = cajal.command(List.of("run", w.file().toString()), runs, work);
        SmallCajal.deleteTree(runs);
        return inJvm.run().withProcessSeconds(process.seconds());
    }

    /** Says so when the bench's split differs from the one the Cajal run wrote (the other sides then differ too). */
    private void checkSplit(PreparedWorkload w, int[] cajalTest) {
        if (cajalTest == null) {
            return;
        }
        int[] ours = w.split().test().clone();
        int[] theirs = cajalTest.clone();
        Arrays.sort(ours);
        Arrays.sort(theirs);
        if (!Arrays.equals(ours, theirs)) {
            out.println("  note: " + w.id().id() + ": the bench's test split differs from the Cajal run's split.json;"
                    + " the dl4j and pytorch sides train on other examples than Cajal (HoldOutSplit no longer"
                    + " matches the runtime's split)");
        }
    }

    /** The PyTorch side's training; after a failure (said on {@code err}) the side is left out from then on. */
    private SmallRun pytorchSide(PreparedWorkload w, int repeat) throws IOException, InterruptedException {
        if (pytorch.isEmpty()) {
            return null;
        }
        SmallPython.Batch batch;
        try {
            batch = pytorch.get().run(List.of(SmallPython.run(w.id().id(), w.seed(), w.net(), w.dataFolder(),
                    w.prepared().classes(), w.prepared().train().size())),
                    work.resolve("job-" + w.id().id() + "-" + repeat + ".json"));
        } catch (IOException e) {
            err.println("cajal bench: " + e.getMessage());
            err.println("cajal bench: leaving the pytorch side out from here on");
            pytorch = Optional.empty();
            return null;
        }
        return SmallPython.measurement(batch.runs().get(0), w.id().id(), repeat, batch.processSeconds());
    }

    private void progress(SmallRun r, String loadBefore) {
        out.printf(Locale.ROOT, "  %s %s #%d: train %s s (%d steps, %s steps/s), process %s s, test %s %s,"
                        + " load average %s -> %s%n", r.workload(), r.side(), r.repeat(),
                ResultTable.fmt(r.trainSeconds(), 2), r.steps(), ResultTable.fmt(r.stepsPerSecond(), 0),
                ResultTable.fmt(r.processSeconds(), 2), r.testMetric(), ResultTable.fmt(r.testValue(), 4),
                loadBefore, ProcessMemory.loadAverage());
        out.flush();
    }

    private void printEngines() {
        if (engines.isEmpty()) {
            return;
        }
        StringBuilder line = new StringBuilder("cajal engine (as the runtime reported it):");
        engines.forEach((w, e) -> line.append(' ').append(w).append(": ")
                .append(e.isEmpty() ? "(not reported by this runtime)" : e).append(';'));
        line.setLength(line.length() - 1);
        out.println(line);
    }

    private void experiments() throws IOException, DatasetException, PipelineException, InterruptedException {
        out.println();
        SmallExperiments experiments = new SmallExperiments(cajal, pytorch, work, out);
        SmallWorkload w = SmallWorkload.EXPERIMENTS;
        PreparedWorkload base = prepare(w, null);
        List<SmallTable.Experiment> all = new ArrayList<>();
        int times = options.smallOptions().times();
        List<PreparedWorkload> seeds = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            seeds.add(i == 0 ? base : prepare(w, base.seed() + i));
        }
        all.addAll(experiments.repeats(seeds, options.sides(), this::prepareForDl4j));
        all.addAll(experiments.search(base, options.smallOptions().trials(), options.sides()));
        out.println();
        SmallTable.printExperiments(all, out);
    }

    /** The DL4J side's own preparation of a repeat, inside its timed loop: the data, the split and the steps. */
    private TabularData.Prepared prepareForDl4j(PreparedWorkload w) throws DatasetException {
        TabularData data = w.id() == SmallWorkload.SURVEY ? survey.encode() : fromService(w.pipeline(), work, w.seed());
        return data.prepare(split(w.pipeline(), data, w.seed()), steps(w.pipeline()));
    }

    private void cleanUp() {
        if (work == null) {
            return;
        }
        if (options.smallOptions().keep()) {
            out.println("kept: " + work + " (pipelines, survey.csv, data/, the PyTorch job files)");
            return;
        }
        try {
            SmallCajal.deleteTree(work);
        } catch (IOException e) {
            err.println("cajal bench: could not delete " + work + ": " + e.getMessage());
        }
    }
}
