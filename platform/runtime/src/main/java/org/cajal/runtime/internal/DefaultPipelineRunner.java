package org.cajal.runtime.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.cajal.api.compute.ComputeBackend;
import org.cajal.api.pipeline.ModelSummary;
import org.cajal.api.pipeline.Pipeline;
import org.cajal.api.pipeline.PipelineDocument;
import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.PipelineRunner;
import org.cajal.api.pipeline.Problem;
import org.cajal.api.pipeline.RunHandle;
import org.cajal.api.pipeline.RunOptions;
import org.cajal.api.pipeline.RunResult;
import org.cajal.api.train.TrainingEvent;
import org.cajal.api.train.TrainingListener;
import org.cajal.api.visual.RunRecord;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The runtime's {@link PipelineRunner}: validates pipelines against the components installed now
 * ({@link InstalledComponents}), and trains on its own worker thread — never on the caller's or SCR's. Runs are queued and execute
 * one at a time, so two runs never compete for the cores or share mutable state.
 *
 * <p>Active only while a {@link ComputeBackend} is registered, i.e. once ND4J is ready.
 */
@Component(service = PipelineRunner.class)
public class DefaultPipelineRunner implements PipelineRunner {

    @Reference
    ComputeBackend backend;

    @Reference
    InstalledComponents installed;

    private final PipelineReader reader = new PipelineReader();
    private final PipelineWriter writer = new PipelineWriter();
    private final DataCache dataCache = new DataCache();
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cajal-training-" + threads.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private volatile BundleContext context;
    Clock clock = Clock.systemUTC();

    @Activate
    void activate(BundleContext bundleContext) {
        this.context = bundleContext;
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        worker.shutdownNow();
        worker.awaitTermination(30, TimeUnit.SECONDS);
    }

    @Override
    public PipelineDocument read(Path file) throws PipelineException {
        return reader.read(file);
    }

    @Override
    public PipelineDocument parse(String json, String source, Path baseDirectory) throws PipelineException {
        return reader.parse(json, source, baseDirectory);
    }

    @Override
    public List<Problem> validate(PipelineDocument document) {
        try (RunPlan plan = validator().plan(document, document.pipeline())) {
            return List.of();
        } catch (PipelineException e) {
            return e.problems();
        }
    }

    @Override
    public String format(Pipeline pipeline) {
        return writer.format(pipeline);
    }

    /** Shares {@link #validate}'s analysis; the data's schema comes from a small cache of recent data setups. */
    @Override
    public ModelSummary summarise(PipelineDocument document) {
        return validator().summarise(document, dataCache);
    }

    @Override
    public RunRecord record(Path runFolder) throws PipelineException {
        return new RunRecords(installed::catalog).read(runFolder);
    }

    @Override
    public RunHandle start(PipelineDocument document, RunOptions options, TrainingListener listener)
            throws PipelineException {
        Pipeline pipeline = options.seed().isPresent()
                ? document.pipeline().withSeed(options.seed().getAsLong()) : document.pipeline();
        RunPlan plan = validator().plan(document, pipeline);
        try {
            RunFolder folder = RunFolder.create(options.runsDirectory(), pipeline.name(),
                    LocalDateTime.now(clock));
            folder.writeText(RunFolder.PIPELINE, document.text());
            Provenance provenance = new Provenance(folder.id(), pipeline.name(), pipeline.seed(),
                    plan.dataset().identity(), bundles(), backend == null ? null : backend.info(), clock.instant());
            // relative file parameters resolve against this folder: RunData reopens the data from pipeline.json
            provenance.put("baseDirectory", document.baseDirectory().toAbsolutePath().toString());
            folder.writeJson(RunFolder.PROVENANCE, provenance.asMap());
            return submit(plan, folder, provenance, listener);
        } catch (IOException | RuntimeException e) {
            plan.close();
            throw new PipelineException(document.source(), new Problem("run folder",
                    "cannot be written under " + options.runsDirectory() + ": " + e.getMessage()
                            + "; choose another folder with --out"));
        }
    }

    private RunHandle submit(RunPlan plan, RunFolder folder, Provenance provenance, TrainingListener listener) {
        AtomicBoolean cancel = new AtomicBoolean();
        CompletableFuture<RunResult> result = new CompletableFuture<>();
        TrainingRun run = new TrainingRun(plan, folder, provenance, listener, cancel, clock);
        worker.execute(() -> {
            try (plan) {
                result.complete(run.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(failed(plan, folder, provenance, listener, e));
            }
        });
        return new Handle(folder.id(), folder.path(), result, cancel);
    }

    private PipelineException failed(RunPlan plan, RunFolder folder, Provenance provenance,
                                     TrainingListener listener, Throwable e) {
        String message = "training failed: " + RunFailure.describe(e);
        provenance.end(Instant.now(clock), "failed");
        provenance.put("error", message);
        try {
            folder.writeJson(RunFolder.PROVENANCE, provenance.asMap());
            folder.writeText("error.txt", RunFailure.stackTrace(e));
        } catch (IOException io) {
            e.addSuppressed(io);
        }
        listener.onEvent(new TrainingEvent.Failed(folder.id(), folder.path(), message));
        return new PipelineException(plan.document().source(), new Problem("run " + folder.id(), message));
    }

    private PipelineValidator validator() {
        return new PipelineValidator(installed.catalog());
    }

    private List<Provenance.BundleEntry> bundles() {
        BundleContext ctx = context;
        if (ctx == null) {
            return List.of();
        }
        return Arrays.stream(ctx.getBundles())
                .map(b -> new Provenance.BundleEntry(b.getSymbolicName(), b.getVersion().toString(), state(b)))
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
