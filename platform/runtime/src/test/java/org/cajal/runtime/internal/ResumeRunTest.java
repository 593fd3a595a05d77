package org.cajal.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.RunHandle;
import org.cajal.api.pipeline.RunOptions;
import org.cajal.api.pipeline.RunResult;
import org.cajal.api.run.RunFiles;
import org.cajal.api.run.RunStatus;
import org.cajal.api.train.OptimizerProvider;
import org.cajal.api.train.TrainingEvent;
import org.cajal.api.train.TrainingListener;
import org.cajal.runfolder.RunFolders;
import org.cajal.runfolder.RunLock;
import org.cajal.runtime.internal.train.CheckpointPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * A run interrupted at the end of an epoch (its folder copied, as a kill -9 would leave it, while the training
 * thread waits in the listener) and then resumed ends byte for byte where the same run, left alone, ends: metrics.csv,
 * evaluation.json and predictions.csv. On DL4J's path and the fused path, with Adam's state, dropout and input noise
 * (random streams), early stopping, and k-fold (resumed in the fold it was in, and between folds).
 */
class ResumeRunTest {

    private static final String PIPELINE = """
            {
              "schema": 1, "name": "resume", "seed": 11,
              "dataset": { "type": "blobs", "params": { "samples": 60 } },
              "model": { "layers": [ { "type": "dense", "params": { "units": 6, "activation": "relu" } },
                                     { "type": "dense", "params": { "units": 5 } }, { "type": "output" } ] },
              "training": { "loss": "categorical-cross-entropy", "optimizer": { "type": "adam" }, "epochs": 9,
                            "batchSize": 8, "engine": "ENGINE",
                            "regularisation": { "dropout": 0.2, "inputNoise": 0.1 } SPLIT }
            }
            """;

    /** Adam, whose per-parameter moments are the optimizer state a checkpoint must keep. */
    static final class AdamOptimizer implements OptimizerProvider {
        private static final ComponentDescriptor D = new ComponentDescriptor("adam", "Adam", "Test", "",
                List.of(ParameterSpec.number("learningRate", 0.01)));

        @Override
        public ComponentDescriptor descriptor() {
            return D;
        }

        @Override
        public IUpdater updater(Parameters parameters) {
            return new Adam(parameters.getDouble("learningRate"));
        }
    }

    private static TestRuntime runtime() {
        InstalledComponents installed = TestComponents.installed();
        installed.optimizers = List.of(new TestComponents.Sgd01(), new AdamOptimizer());
        TestRuntime runtime = new TestRuntime(installed);
        runtime.executor.checkpoints = CheckpointPolicy.EVERY_EPOCH;
        return runtime;
    }

    private static String pipeline(String engine, String extra) {
        return PIPELINE.replace("ENGINE", engine).replace("SPLIT", extra);
    }

    /**
     * Runs the pipeline to its end; when the listener has seen {@code atEvent} events that {@code when} accepts,
     * copies the run folder to {@code crashed} (the run is blocked there, as a killed process would be frozen).
     */
    private static RunResult runAndCopy(TestRuntime runtime, String json, Path dir, Path crashed,
                                        java.util.function.Predicate<TrainingEvent> when, int atEvent)
            throws Exception {
        AtomicInteger seen = new AtomicInteger();
        TrainingListener listener = e -> {
            if (when.test(e) && seen.incrementAndGet() == atEvent) {
                copy(Path.of(folderOf(dir)), crashed);
            }
        };
        RunHandle h = runtime.executor.start(runtime.format.parse(json, "resume.json", dir),
                new RunOptions(dir.resolve("runs"), OptionalLong.empty()), listener);
        RunResult result = h.result().get(2, TimeUnit.MINUTES);
        assertEquals(atEvent, Math.min(seen.get(), atEvent), "the interruption point was reached");
        return result;
    }

    private static String folderOf(Path dir) {
        try (var runs = Files.list(dir.resolve("runs"))) {
            return runs.filter(Files::isDirectory).findFirst().orElseThrow().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) {
        try (var paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Resumes the copy and checks it ends as the uninterrupted run did. */
    private static void resumeAndCompare(TestRuntime runtime, RunResult uninterrupted, Path crashed)
            throws Exception {
        assertEquals(RunStatus.INTERRUPTED, RunFolders.status(crashed).orElseThrow(), "the copy reads as killed");
        RunResult resumed = runtime.executor.resume(crashed, e -> { }).result().get(2, TimeUnit.MINUTES);
        assertEquals(RunStatus.FINISHED, resumed.status());
        Path original = uninterrupted.folder();
        for (String file : List.of(RunFiles.METRICS, RunFiles.EVALUATION, RunFiles.PREDICTIONS)) {
            assertEquals(Files.readString(original.resolve(file)), Files.readString(crashed.resolve(file)),
                    file + " of the resumed run");
        }
        for (Path fold : RunFolders.folds(original)) {
            String name = fold.getFileName().toString();
            assertEquals(Files.readString(fold.resolve(RunFiles.METRICS)),
                    Files.readString(crashed.resolve(name).resolve(RunFiles.METRICS)), name + "'s metrics.csv");
        }
        assertFalse(Files.exists(crashed.resolve(RunFiles.CHECKPOINT)), "checkpoints are gone at the end");
        assertFalse(Files.exists(original.resolve(RunFiles.CHECKPOINT)), "checkpoints are gone at the end");
        assertTrue(Files.readString(crashed.resolve(RunFiles.PROVENANCE)).contains("\"resumed\""));
        assertEquals(RunStatus.FINISHED, RunFolders.status(crashed).orElseThrow());
    }

    private static boolean epoch(TrainingEvent e) {
        return e instanceof TrainingEvent.EpochCompleted;
    }

    @Test
    void dl4jPathResumesToTheSameNumbers(@TempDir Path dir) throws Exception {
        TestRuntime runtime = runtime();
        Path crashed = dir.resolve("crashed");
        RunResult whole = runAndCopy(runtime, pipeline("dl4j", ""), dir, crashed, ResumeRunTest::epoch, 5);
        resumeAndCompare(runtime, whole, crashed);
    }

    @Test
    void fusedPathResumesToTheSameNumbers(@TempDir Path dir) throws Exception {
        TestRuntime runtime = runtime();
        Path crashed = dir.resolve("crashed");
        RunResult whole = runAndCopy(runtime, pipeline("fused", ""), dir, crashed, ResumeRunTest::epoch, 4);
        resumeAndCompare(runtime, whole, crashed);
    }

    @Test
    void earlyStoppingStateIsResumed(@TempDir Path dir) throws Exception {
        TestRuntime runtime = runtime();
        Path crashed = dir.resolve("crashed");
        String json = pipeline("dl4j", ", \"earlyStopping\": { \"patience\": 2, \"restoreBest\": true }")
                .replace("\"epochs\": 9", "\"epochs\": 40");
        RunResult whole = runAndCopy(runtime, json, dir, crashed, ResumeRunTest::epoch, 3);
        resumeAndCompare(runtime, whole, crashed);
    }

    @Test
    void kFoldResumesInTheFoldItWasIn(@TempDir Path dir) throws Exception {
        TestRuntime runtime = runtime();
        Path crashed = dir.resolve("crashed");
        String json = pipeline("fused", "").replace("\"seed\": 11,", "\"seed\": 11, \"split\": { \"folds\": 3 },");
        // the 13th epoch is fold 2's 4th: fold 1 is trained, fold 2 has its 3rd epoch's checkpoint
        RunResult whole = runAndCopy(runtime, json, dir, crashed, ResumeRunTest::epoch, 13);
        resumeAndCompare(runtime, whole, crashed);
    }

    @Test
    void kFoldResumesBetweenFolds(@TempDir Path dir) throws Exception {
        TestRuntime runtime = runtime();
        Path crashed = dir.resolve("crashed");
        String json = pipeline("dl4j", "").replace("\"seed\": 11,", "\"seed\": 11, \"split\": { \"folds\": 3 },");
        RunResult whole = runAndCopy(runtime, json, dir, crashed, e -> e instanceof TrainingEvent.FoldStarted, 3);
        resumeAndCompare(runtime, whole, crashed);
    }

    @Test
    void anArchitecturesRunHasNoCheckpointAndIsRefusedWithWhatToDo(@TempDir Path dir) throws Exception {
        InstalledComponents installed = TestComponents.installed();
        installed.datasets = List.of(new GenerativeRunTest.Cloud());
        installed.architectures = List.of(new GenerativeRunTest.MeanGaussian());
        TestRuntime runtime = new TestRuntime(installed);
        runtime.executor.checkpoints = CheckpointPolicy.EVERY_EPOCH;
        String json = """
                { "schema": 1, "name": "generative", "seed": 5, "dataset": { "type": "cloud" },
                  "model": { "architecture": "mean-gaussian" },
                  "training": { "loss": "mse", "optimizer": { "type": "sgd" }, "epochs": 4, "batchSize": 10 } }
                """;
        Path crashed = dir.resolve("crashed");
        runAndCopy(runtime, json, dir, crashed, ResumeRunTest::epoch, 2);
        assertFalse(Files.exists(crashed.resolve(RunFiles.CHECKPOINT)), "an architecture saves no checkpoint");
        PipelineException e = assertThrows(PipelineException.class, () -> runtime.executor.resume(crashed,
                x -> { }));
        assertTrue(e.getMessage().contains("has no checkpoints (it trains an architecture")
                && e.getMessage().contains("run its pipeline again with: cajal run " + crashed.resolve(
                RunFiles.PIPELINE)), e.getMessage());
    }

    @Test
    void changedDataIsRefusedAndTheRunResumesOnceItIsBack(@TempDir Path dir) throws Exception {
        StringBuilder rows = new StringBuilder("x,y\n");
        for (int i = 0; i < 40; i++) {
            rows.append(i * 0.1).append(',').append(i * 0.2 + 1).append('\n');
        }
        Path data = dir.resolve("rows.csv");
        Files.writeString(data, rows);
        TestRuntime runtime = runtime();
        Path crashed = dir.resolve("crashed");
        String json = SummaryTest.ROWS.replace("\"epochs\": 1", "\"epochs\": 6, \"batchSize\": 8");
        RunResult whole = runAndCopy(runtime, json, dir, crashed, ResumeRunTest::epoch, 3);
        Files.writeString(data, rows.toString().replace("0.2,1.4", "0.2,9.4"));
        PipelineException e = assertThrows(PipelineException.class, () -> runtime.executor.resume(crashed,
                x -> { }));
        assertTrue(e.getMessage().contains("has changed since it started"), e.getMessage());
        assertEquals(RunStatus.INTERRUPTED, RunFolders.status(crashed).orElseThrow(), "still resumable");
        Files.writeString(data, rows);
        RunResult resumed = runtime.executor.resume(crashed, x -> { }).result().get(2, TimeUnit.MINUTES);
        assertEquals(Files.readString(whole.folder().resolve(RunFiles.METRICS)),
                Files.readString(resumed.folder().resolve(RunFiles.METRICS)));
    }

    @Test
    void aFinishedRunIsRefused(@TempDir Path dir) throws Exception {
        TestRuntime runtime = runtime();
        RunResult done = runtime.executor.start(runtime.format.parse(pipeline("fused", ""), "resume.json", dir),
                new RunOptions(dir.resolve("runs"), OptionalLong.empty()), e -> { }).result().get(2, TimeUnit.MINUTES);
        PipelineException e = assertThrows(PipelineException.class, () -> runtime.executor.resume(done.folder(),
                x -> { }));
        assertTrue(e.getMessage().contains("has ended (finished); only an interrupted run can be resumed"),
                e.getMessage());
    }

    @Test
    void aRunHeldByALiveProcessAndARunWithoutCheckpointsAreRefused(@TempDir Path dir) throws Exception {
        TestRuntime runtime = runtime();
        Path crashed = dir.resolve("crashed");
        runAndCopy(runtime, pipeline("fused", ""), dir, crashed, ResumeRunTest::epoch, 2);
        try (RunLock held = RunLock.hold(crashed)) {
            PipelineException e = assertThrows(PipelineException.class, () -> runtime.executor.resume(crashed,
                    x -> { }));
            assertTrue(e.getMessage().contains("is still running in another process"), e.getMessage());
        }
        Path provenance = crashed.resolve(RunFiles.PROVENANCE);
        Files.writeString(provenance, Files.readString(provenance).replace("\"checkpoints\"", "\"elsewhere\""));
        PipelineException e = assertThrows(PipelineException.class, () -> runtime.executor.resume(crashed,
                x -> { }));
        assertTrue(e.getMessage().contains("has no checkpoints") && e.getMessage().contains("cajal run "),
                e.getMessage());
        assertEquals(RunStatus.INTERRUPTED, RunFolders.status(crashed).orElseThrow(), "nothing was changed");
    }
}
