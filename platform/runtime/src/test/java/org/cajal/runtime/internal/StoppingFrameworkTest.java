package org.cajal.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.cajal.api.pipeline.RunHandle;
import org.cajal.api.pipeline.RunOptions;
import org.cajal.api.pipeline.RunResult;
import org.cajal.api.run.RunFiles;
import org.cajal.api.run.RunStatus;
import org.cajal.api.train.TrainingEvent;
import org.cajal.runfolder.RunFolders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C, SIGTERM or a closed window stop the framework, which deactivates the executor: a run in progress ends as
 * cancelled with the model so far evaluated and saved (issue 16), not as failed with an InterruptedException.
 */
class StoppingFrameworkTest {

    @Test
    void aRunInProgressEndsCancelledWithItsModelWhenTheFrameworkStops(@TempDir Path dir) throws Exception {
        TestRuntime runtime = new TestRuntime();
        String json = SummaryTest.BLOBS.replace("\"epochs\": 2", "\"epochs\": 100000");
        CountDownLatch training = new CountDownLatch(1);
        RunHandle handle = runtime.executor.start(runtime.format.parse(json, "blobs.json", dir),
                new RunOptions(dir.resolve("runs"), OptionalLong.empty()), e -> {
                    if (e instanceof TrainingEvent.EpochCompleted) {
                        training.countDown();
                    }
                });
        assertTrue(training.await(2, TimeUnit.MINUTES), "training started");
        runtime.executor.deactivate();
        RunResult result = handle.result().get(1, TimeUnit.MINUTES);
        assertEquals(RunStatus.CANCELLED, result.status());
        assertEquals(RunStatus.CANCELLED, RunFolders.status(handle.folder()).orElseThrow());
        assertTrue(Files.isRegularFile(handle.folder().resolve(RunFiles.MODEL)), "the model so far is saved");
        assertTrue(result.evaluation().number("accuracy").isPresent(), "and evaluated");
        assertTrue(Files.notExists(handle.folder().resolve(RunFiles.LOCK)), "the run's lock is gone");
    }
}
