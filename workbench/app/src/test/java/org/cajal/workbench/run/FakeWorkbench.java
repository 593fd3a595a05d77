package org.cajal.workbench.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import javax.swing.SwingUtilities;

import org.cajal.api.pipeline.CheckedPipeline;
import org.cajal.api.pipeline.ComponentRef;
import org.cajal.api.pipeline.ModelSpec;
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
import org.cajal.api.pipeline.SplitSpec;
import org.cajal.api.pipeline.TrainingSpec;
import org.cajal.api.train.TrainingListener;
import org.cajal.api.run.MetricsTable;
import org.cajal.api.run.RunFiles;
import org.cajal.api.run.RunStatus;
import org.cajal.api.visual.RunRecord;
import org.cajal.runfolder.CsvTable;
import org.cajal.runfolder.Json;
import org.cajal.runfolder.RunFolders;
import org.cajal.testfixtures.RunFolderBuilder;
import org.cajal.workbench.core.Notifier;
import org.cajal.workbench.core.PipelineModel;
import org.cajal.workbench.core.RuntimeServices;
import org.cajal.workbench.core.Workbench;

/**
 * Test support shared by the run, results and runs view tests: a workbench built directly (no OSGi), a runner
 * whose runs the test drives, a notifier that records, a background executor that runs tasks at once, and
 * helpers to run code on the event-dispatch thread and wait for what it queued there.
 */
public final class FakeWorkbench {

    public final FakeRunner runner = new FakeRunner();
    public final RecordingNotifier notifier = new RecordingNotifier();
    public final Workbench workbench;

    public FakeWorkbench(Path home, Path runs) {
        Pipeline[] pipeline = new Pipeline[1];
        onEdt(() -> pipeline[0] = pipeline());
        workbench = new Workbench(null, runner.services(), new PipelineModel(pipeline[0]), home, runs,
                new MemoryPreferences(), new DirectExecutor(), notifier);
    }

    public static Pipeline pipeline() {
        return new Pipeline(Pipeline.SCHEMA_VERSION, "demo", "", Pipeline.DEFAULT_SEED, ComponentRef.of("blobs"),
                List.of(), SplitSpec.DEFAULT,
                new ModelSpec(ModelSpec.LAYER_STACK, null, List.of(ComponentRef.of("output"))),
                new TrainingSpec("categorical-cross-entropy", ComponentRef.of("adam"), 3, 32));
    }

    /** Runs the code on the event-dispatch thread and waits for it. */
    public static void onEdt(Runnable code) {
        try {
            SwingUtilities.invokeAndWait(code);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Waits until what was queued on the event-dispatch thread (and what that queued) has run. */
    public static void flush() {
        for (int i = 0; i < 4; i++) {
            onEdt(() -> { });
        }
    }

    /**
     * Writes a run folder as the runtime does, through the shared fixtures' {@link RunFolderBuilder}: provenance
     * (with this start text and status), metrics.csv from CSV text and evaluation.json from JSON text (each may be
     * null: not written).
     */
    public static Path runFolder(Path runs, String id, String pipeline, String start, String status,
                                 String metricsCsv, String evaluationJson) {
        try {
            Map<String, Object> provenance = RunFolderBuilder.provenance(id, pipeline, 42,
                    RunStatus.of(status).orElseThrow(), Instant.EPOCH);
            provenance.put("start", start);
            RunFolderBuilder folder = RunFolderBuilder.at(runs.resolve(id)).provenance(provenance);
            if (metricsCsv != null) {
                folder.metrics(RunFolders.metricsTable(CsvTable.parse(metricsCsv)));
            }
            if (evaluationJson != null) {
                folder.evaluation(Json.parseObject(evaluationJson));
            }
            return folder.write();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The runtime's four pipeline services in one: checks give the problems the test sets, runs are completed by
     * the test, records are read by a function.
     */
    public static final class FakeRunner implements PipelineFormat, PipelineCheck, PipelineExecutor, RunReader {

        public volatile List<Problem> problems = List.of();
        public final List<FakeHandle> started = new CopyOnWriteArrayList<>();
        public final List<PipelineDocument> validated = new CopyOnWriteArrayList<>();
        /** How record() reads a folder; by default metrics.csv and evaluation.json, simply. */
        public volatile Function<Path, RunRecord> records = FakeRunner::simpleRecord;

        /** This runner as the workbench's runtime services. */
        public RuntimeServices services() {
            return new RuntimeServices(() -> this, () -> this, () -> this, () -> this);
        }

        @Override
        public PipelineDocument read(Path file) throws PipelineException {
            throw new PipelineException(file.toString(), new Problem("$", "not used by these tests"));
        }

        @Override
        public PipelineDocument parse(String json, String source, Path baseDirectory) {
            return new PipelineDocument(pipeline(), json, source, baseDirectory);
        }

        @Override
        public String format(Pipeline pipeline) {
            return "{\"name\": \"" + pipeline.name() + "\"}";
        }

        @Override
        public List<Problem> validate(PipelineDocument document) {
            validated.add(document);
            return problems;
        }

        @Override
        public ModelSummary summarise(PipelineDocument document) {
            throw new UnsupportedOperationException("not used by these tests");
        }

        /** Resuming an interrupted run (the executor's, where it has it): not used by these tests. */
        public RunHandle resume(Path runFolder, TrainingListener listener) throws PipelineException {
            throw new PipelineException(runFolder.toString(), new Problem("$", "not used by these tests"));
        }

        @Override
        public CheckedPipeline check(PipelineDocument document) throws PipelineException {
            List<Problem> found = validate(document);
            if (!found.isEmpty()) {
                throw new PipelineException(document.source(), found);
            }
            return new Checked(document);
        }

        @Override
        public RunHandle start(PipelineDocument document, RunOptions options, TrainingListener listener)
                throws PipelineException {
            return start(check(document), options, listener);
        }

        @Override
        public RunHandle start(CheckedPipeline checked, RunOptions options, TrainingListener listener) {
            FakeHandle handle = new FakeHandle("run-" + (started.size() + 1),
                    options.runsDirectory().resolve("run-" + (started.size() + 1)), listener);
            started.add(handle);
            return handle;
        }

        @Override
        public RunRecord record(Path runFolder) throws PipelineException {
            try {
                return records.apply(runFolder);
            } catch (UncheckedIOException e) {
                throw new PipelineException(runFolder.toString(), new Problem("metrics.csv", e.getMessage()));
            }
        }

        /** metrics.csv (which must be there) and evaluation.json, read by the run-folder library. */
        public static RunRecord simpleRecord(Path folder) {
            try {
                if (!Files.isRegularFile(folder.resolve(RunFiles.METRICS))) {
                    throw new NoSuchFileException(folder.resolve(RunFiles.METRICS).toString());
                }
                MetricsTable metrics = RunFolders.metrics(folder);
                return new RunRecord(folder.getFileName().toString(), folder, metrics.columns(), metrics.rows(),
                        RunFolders.evaluation(folder).values());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A checked pipeline: the document, no summary. */
    record Checked(PipelineDocument document) implements CheckedPipeline {

        @Override
        public ModelSummary summary() {
            throw new UnsupportedOperationException("not used by these tests");
        }
    }

    /** A run the test finishes by completing its future. */
    public static final class FakeHandle implements RunHandle {

        private final String id;
        private final Path folder;
        public final TrainingListener listener;
        public final CompletableFuture<RunResult> result = new CompletableFuture<>();
        public volatile boolean cancelled;

        FakeHandle(String id, Path folder, TrainingListener listener) {
            this.id = id;
            this.folder = folder;
            this.listener = listener;
        }

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
            return result;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    /** Records every message. */
    public static final class RecordingNotifier implements Notifier {

        public final List<String> errors = new CopyOnWriteArrayList<>();
        public final List<String> statuses = new CopyOnWriteArrayList<>();

        @Override
        public void error(String title, String message) {
            errors.add(title + ": " + message);
        }

        @Override
        public void status(String message) {
            statuses.add(message);
        }
    }

    /** Preferences kept in memory (tests write nothing to the user's preferences). */
    static final class MemoryPreferences extends java.util.prefs.AbstractPreferences {

        private final Map<String, String> values = new java.util.HashMap<>();
        private final Map<String, MemoryPreferences> children = new java.util.HashMap<>();

        MemoryPreferences() {
            this(null, "");
        }

        private MemoryPreferences(MemoryPreferences parent, String name) {
            super(parent, name);
        }

        @Override
        protected void putSpi(String key, String value) {
            values.put(key, value);
        }

        @Override
        protected String getSpi(String key) {
            return values.get(key);
        }

        @Override
        protected void removeSpi(String key) {
            values.remove(key);
        }

        @Override
        protected void removeNodeSpi() {
            values.clear();
        }

        @Override
        protected String[] keysSpi() {
            return values.keySet().toArray(String[]::new);
        }

        @Override
        protected String[] childrenNamesSpi() {
            return children.keySet().toArray(String[]::new);
        }

        @Override
        protected java.util.prefs.AbstractPreferences childSpi(String name) {
            return children.computeIfAbsent(name, n -> new MemoryPreferences(this, n));
        }

        @Override
        protected void syncSpi() {
        }

        @Override
        protected void flushSpi() {
        }
    }

    /** Runs every task at once on the calling thread. */
    static final class DirectExecutor extends AbstractExecutorService {

        private volatile boolean shutdown;

        @Override
        public void execute(Runnable command) {
            command.run();
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shutdown = true;
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }

        @Override
        public boolean isTerminated() {
            return shutdown;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}
