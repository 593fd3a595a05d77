package org.cajal.experiments.internal.exec;

import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;

import org.cajal.api.pipeline.PipelineDocument;
import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.PipelineExecutor;
import org.cajal.api.pipeline.PipelineFormat;
import org.cajal.api.pipeline.RunHandle;
import org.cajal.api.pipeline.RunOptions;
import org.cajal.api.pipeline.RunResult;
import org.cajal.api.train.TrainingListener;
import org.cajal.launcher.spi.TrialDistributor;
import org.cajal.launcher.spi.TrialRunner;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Runs one trial handed over by a distributed engine's executor: the pipeline text parsed as the driver parsed it
 * (same source, same base folder), then started and awaited as {@link TrialExecutor} does on this machine, with
 * the same words for a failure.
 */
@Component(service = TrialRunner.class)
public class TrialRunnerService implements TrialRunner {

    @Reference
    PipelineFormat format;

    @Reference
    PipelineExecutor executor;

    @Override
    public Outcome run(TrialDistributor.Trial trial, Path runsDirectory) throws InterruptedException {
        PipelineDocument document;
        try {
            document = format.parse(trial.pipelineJson(), trial.source(), Path.of(trial.baseDirectory()));
        } catch (PipelineException e) {
            return new Outcome(null, e.getMessage());
        }
        return run(executor, document, trial.seed(), runsDirectory);
    }

    /** Starts the run and waits for it; a failure is an outcome with the message a local trial records. */
    static Outcome run(PipelineExecutor executor, PipelineDocument document, long seed, Path runsDirectory)
            throws InterruptedException {
        RunHandle handle = null;
        try {
            handle = executor.start(document, new RunOptions(runsDirectory, OptionalLong.of(seed)),
                    TrainingListener.none());
            RunResult result = handle.result().get();
            return new Outcome(result.folder() != null ? result.folder() : handle.folder(), null);
        } catch (PipelineException e) {
            return new Outcome(handle == null ? null : handle.folder(), e.getMessage());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new Outcome(handle.folder(), TrialExecutor.message(cause));
        } catch (CancellationException e) {
            return new Outcome(handle == null ? null : handle.folder(), null);
        } catch (InterruptedException e) {
            if (handle != null) {
                handle.cancel();
            }
            throw e;
        } catch (RuntimeException e) {
            return new Outcome(handle == null ? null : handle.folder(), TrialExecutor.message(e));
        }
    }
}
