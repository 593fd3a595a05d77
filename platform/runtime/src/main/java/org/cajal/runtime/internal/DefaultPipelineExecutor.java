package org.cajal.runtime.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.cajal.api.compute.ComputeBackend;
import org.cajal.api.data.DatasetException;
import org.cajal.api.pipeline.CheckedPipeline;
import org.cajal.api.pipeline.Pipeline;
import org.cajal.api.pipeline.PipelineDocument;
import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.PipelineExecutor;
import org.cajal.api.pipeline.Problem;
import org.cajal.api.pipeline.RunHandle;
import org.cajal.api.pipeline.RunOptions;
import org.cajal.api.pipeline.RunResult;
import org.cajal.api.run.RunFiles;
import org.cajal.api.run.RunStatus;
import org.cajal.api.train.TrainingEvent;
import org.cajal.api.train.TrainingListener;
import org.cajal.launcher.spi.CajalProperties;
import org.cajal.runfolder.RunFolderWriter;
import org.cajal.runfolder.RunLock;
import org.cajal.runtime.internal.folder.DataFingerprint;
import org.cajal.runtime.internal.folder.RunProvenance;
import org.cajal.runtime.internal.pipeline.CheckedRun;
import org.cajal.runtime.internal.pipeline.ParameterCheck;
import org.cajal.runtime.internal.pipeline.PipelineValidator;
import org.cajal.runtime.internal.pipeline.RunPlan;
import org.cajal.runtime.internal.train.CheckpointPolicy;
import org.cajal.runtime.internal.train.RunFailure;
import org.cajal.runtime.internal.train.TrainingRun;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The runtime's {@link PipelineExecutor}: plans pipelines against the components installed now
 * ({@link InstalledComponents}), or takes a {@link CheckedRun}'s plan, and trains on its own worker threads — never
 * on the caller's or SCR's. Up to {@value #PARALLEL_RUNS_PROPERTY} runs (framework property, default {@value #DEFAULT_PARALLEL_RUNS}) train at
 * once, each on its own thread; more are queued and start in the order they were started.
 *
 * <p>Runs at once share no mutable state: each has its own plan, opened dataset, model, folder and helper thread;
 * ND4J's random generator and DL4J's workspaces are per thread, and each run seeds its thread's generator before
 * it builds its model, so a run's numbers do not depend on what else is running. Run folders get unique names even
 * when started in the same second ({@link RunFolderWriter#create}). A listener given to several runs is called from
 * their threads at the same time.
 *
 * <p>Active only while a {@link ComputeBackend} is registered, i.e. once ND4J is ready.
 */
@Component(service = PipelineExecutor.class)
public class DefaultPipelineExecutor implements PipelineExecutor {

    @Reference
    ComputeBackend backend;

    @Reference
    InstalledComponents installed;

    private final AtomicInteger threads = new AtomicInteger();
    private ExecutorService workers;
    private int parallelRuns = DEFAULT_PARALLEL_RUNS;
    private volatile BundleContext context;
    /** When runs write checkpoints and whether they keep them ({@link CheckpointPolicy}'s framework properties). */
    CheckpointPolicy checkpoints = CheckpointPolicy.of(System::getProperty);
    Clock clock = Clock.systemUTC();

    /** Framework property: how many runs may train at once (a whole number &ge; 1). */
    static final String PARALLEL_RUNS_PROPERTY = CajalProperties.PARALLEL_RUNS;

    /**
     * Runs that train at once when the property is not set: one per core, at least 4. Runs on the fused dense path
     * use one thread each; runs that use ND4J's thread pool take turns
     * ({@link org.cajal.runtime.internal.train.ModelTraining}).
     */
    static final int DEFAULT_PARALLEL_RUNS = Math.max(4, Runtime.getRuntime().availableProcessors());

    @Activate
    void activate(BundleContext bundleContext) {
        this.context = bundleContext;
        setParallelRuns(parallelRuns(bundleContext.getProperty(PARALLEL_RUNS_PROPERTY)));
        checkpoints = CheckpointPolicy.of(bundleContext::getProperty);
    }

    /** The property's value, or the default (with a warning on standard error) when it is not a whole number &ge; 1. */
    static int parallelRuns(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_PARALLEL_RUNS;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        System.err.println("warning: " + PARALLEL_RUNS_PROPERTY + "=" + value + " is not a whole number of 1 or "
                + "more; using " + DEFAULT_PARALLEL_RUNS);
        return DEFAULT_PARALLEL_RUNS;
    }

    /** How many runs train at once; takes effect for a runner that has not started a run yet. */
    synchronized void setParallelRuns(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("parallel runs must be 1 or more, not " + n);
        }
        parallelRuns = n;
    }

    /** How long a stopping framework waits for its runs to save what they have (seconds). */
    static final int STOP_WAIT_SECONDS = 60;

    /** The cancel flags of the runs queued or running now. */
    private final Set<AtomicBoolean> active = ConcurrentHashMap.newKeySet();

    private synchronized ExecutorService workers() {
        if (workers == null) {
            workers = Executors.newFixedThreadPool(parallelRuns, r -> {
                Thread t = new Thread(r, "cajal-training-" + threads.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
        return workers;
    }

    /**
     * The framework is stopping (Ctrl-C or SIGTERM on a headless run, the window closed): every run is asked to stop
     * after its current mini-batch, as a cancel would, so that it evaluates and saves the model so far and records
     * itself as cancelled; only runs that have not ended after {@link #STOP_WAIT_SECONDS} are interrupted.
     */
    @Deactivate
    void deactivate() throws InterruptedException {
        ExecutorService w;
        synchronized (this) {
            w = workers;
        }
        active.forEach(flag -> flag.set(true));
        if (w != null) {
            w.shutdown();
            if (!w.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                w.shutdownNow();
                w.awaitTermination(30, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public RunHandle start(PipelineDocument document, RunOptions options, TrainingListener listener)
            throws PipelineException {
        Pipeline pipeline = seeded(document.pipeline(), options);
        return launch(document, pipeline, validator().plan(document, pipeline), options, listener);
    }

    /**
     * Starts the checked plan without planning again. A check from elsewhere (not a {@link CheckedRun}), a seed in
     * the options other than the pipeline's (the splits and weights derive from it), or a second start of the same
     * check plans the run anew.
     */
    @Override
    public RunHandle start(CheckedPipeline checked, RunOptions options, TrainingListener listener)
            throws PipelineException {
        if (!(checked instanceof CheckedRun run)) {
            return start(checked.document(), options, listener);
        }
        PipelineDocument document = run.document();
        Pipeline pipeline = seeded(document.pipeline(), options);
        RunPlan plan = run.take(installed.catalog());
        if (plan != null && pipeline.seed() != run.pipeline().seed()) {
            plan.close();
            plan = null;
        }
        return launch(document, pipeline, plan != null ? plan : validator().plan(document, pipeline), options,
                listener);
    }

    private static Pipeline seeded(Pipeline pipeline, RunOptions options) {
        return options.seed().isPresent() ? pipeline.withSeed(options.seed().getAsLong()) : pipeline;
    }

    /** Creates the run folder, writes pipeline.json and provenance.json, and queues the run; closes the plan on failure. */
    private RunHandle launch(PipelineDocument document, Pipeline pipeline, RunPlan plan, RunOptions options,
                             TrainingListener listener) throws PipelineException {
        RunLock lock = null;
        try {
            RunFolderWriter folder = RunFolderWriter.create(options.runsDirectory(), pipeline.name(),
                    LocalDateTime.now(clock));
            // held while the run runs: a run whose process dies reads as interrupted, not running for ever
            lock = RunLock.hold(folder.path());
            folder.writeText(RunFiles.PIPELINE, document.text());
            RunProvenance provenance = new RunProvenance(folder.id(), pipeline.name(), pipeline.seed(),
                    plan.dataset().identity(), bundles(), backend == null ? null : backend.info(), clock.instant());
            // relative file parameters resolve against this folder: RunData reopens the data from pipeline.json
            provenance.put("baseDirectory", document.baseDirectory().toAbsolutePath().toString());
            if (plan.architecture() == null) {
                // an architecture trains with its own loop, which saves no checkpoint: such a run cannot resume
                provenance.put("checkpoints", checkpoints.provenance());
            }
            provenance.write(folder);
            return submit(plan, folder, provenance, listener, dataFiles(document, pipeline), lock, false);
        } catch (IOException | RuntimeException e) {
            plan.close();
            release(lock);
            throw new PipelineException(document.source(), new Problem("run folder",
                    "cannot be written under " + options.runsDirectory() + ": " + e.getMessage()
                            + "; choose another folder with --out"));
        }
    }

    @Override
    public RunHandle resume(Path runFolder, TrainingListener listener) throws PipelineException {
        ResumableRun run = ResumableRun.open(runFolder, clock.instant());
        RunPlan plan = null;
        try {
            plan = validator().plan(run.document(), run.pipeline());
            run.checkData(plan.dataset());
            RunFolderWriter folder = run.writer();
            run.provenance().write(folder);
            return submit(plan, folder, run.provenance(), listener, dataFiles(run.document(), run.pipeline()),
                    run.lock(), true);
        } catch (PipelineException | IOException | DatasetException | RuntimeException e) {
            if (plan != null) {
                plan.close();
            }
            release(run.lock());
            if (e instanceof PipelineException p) {
                throw p;
            }
            throw new PipelineException(runFolder.toString(), new Problem("resume", "run "
                    + runFolder.getFileName() + " cannot be resumed: " + e.getMessage()));
        }
    }

    /** The dataset's file parameters that name an existing file (for provenance's data fingerprint). */
    private List<Path> dataFiles(PipelineDocument document, Pipeline pipeline) {
        List<Problem> ignored = new java.util.ArrayList<>();
        var provider = installed.catalog().datasets().find(pipeline.dataset().type(), "$.dataset.type", ignored);
        if (provider == null) {
            return List.of();
        }
        var parameters = ParameterCheck.resolve(provider.descriptor(), pipeline.dataset().params(),
                "$.dataset.params", document.baseDirectory(), ignored);
        return parameters == null ? List.of() : DataFingerprint.files(provider, parameters);
    }

    private RunHandle submit(RunPlan plan, RunFolderWriter folder, RunProvenance provenance, TrainingListener listener,
                             List<Path> dataFiles, RunLock lock, boolean resume) {
        AtomicBoolean cancel = new AtomicBoolean();
        CompletableFuture<RunResult> result = new CompletableFuture<>();
        TrainingRun run = new TrainingRun(plan, folder, provenance, listener, cancel, clock, dataFiles, checkpoints,
                resume);
        active.add(cancel);
        workers().execute(() -> {
            RunResult done = null;
            PipelineException failure = null;
            try (plan) {
                done = run.call();
            } catch (Exception | Error e) {
                failure = failed(plan, folder, provenance, listener, e);
            } finally {
                // provenance.json holds the run's end now: let go before anyone is told it has ended
                release(lock);
                active.remove(cancel);
            }
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(done);
            }
        });
        return new Handle(folder.id(), folder.path(), result, cancel);
    }

    private static void release(RunLock lock) {
        if (lock == null) {
            return;
        }
        try {
            lock.close();
        } catch (IOException e) {
            // the lock file stays behind, unlocked: the run's recorded end decides its status
        }
    }

    /**
     * Records a run's failure as well as the disk allows: temporary files and (unless kept) checkpoints go first, to
     * free space a full disk needs; then error.txt with the details, then provenance.json's end. The message names
     * error.txt only when it was written, and says so when the failure itself could not be recorded (the run then
     * reads as interrupted: its lock is gone and its provenance still says running).
     */
    private PipelineException failed(RunPlan plan, RunFolderWriter folder, RunProvenance provenance,
                                     TrainingListener listener, Throwable e) {
        String message = "training failed: " + RunFailure.describe(e);
        try {
            ResumableRun.removeTemporaryFiles(folder.path());
            if (!checkpoints.keep()) {
                TrainingRun.deleteCheckpoints(folder.path());
            }
        } catch (IOException | RuntimeException io) {
            e.addSuppressed(io);
        }
        try {
            folder.writeText(RunFiles.ERROR, RunFailure.stackTrace(e));
            message += " (details in " + folder.path().resolve(RunFiles.ERROR) + ")";
        } catch (IOException io) {
            // no room even for the details: the message says what failed
        }
        provenance.end(Instant.now(clock), RunStatus.FAILED);
        provenance.put("error", message);
        try {
            provenance.write(folder);
        } catch (IOException io) {
            message += "; the failure could not be recorded in " + RunFiles.PROVENANCE + " either, so the run "
                    + "reads as interrupted";
        }
        try {
            listener.onEvent(new TrainingEvent.Failed(folder.id(), folder.path(), message));
        } catch (RuntimeException listenerFailure) {
            // the caller still learns of the failure through the handle
        }
        return new PipelineException(plan.document().source(), new Problem("run " + folder.id(), message));
    }

    private PipelineValidator validator() {
        return new PipelineValidator(installed.catalog());
    }

    private List<RunProvenance.BundleEntry> bundles() {
        BundleContext ctx = context;
        if (ctx == null) {
            return List.of();
        }
        return Arrays.stream(ctx.getBundles())
                .map(b -> new RunProvenance.BundleEntry(b.getSymbolicName(), b.getVersion().toString(), state(b)))
                .toList();
    }

    private static String state(Bundle b) {
        return switch (b.getState()) {
            case Bundle.ACTIVE -> "active";
            case Bundle.RESOLVED -> "resolved";
            case Bundle.STARTING -> "starting";
            case Bundle.STOPPING -> "stopping";
            case Bundle.INSTALLED -> "installed";
            default -> "uninstalled";
        };
    }

    /** A queued or running run. */
    private record Handle(String runId, Path folder, CompletableFuture<RunResult> result, AtomicBoolean flag)
            implements RunHandle {
        @Override
        public void cancel() {
            flag.set(true);
        }
    }
}
