package org.cajal.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.RunHandle;
import org.cajal.api.pipeline.RunOptions;
import org.cajal.api.run.RunFiles;
import org.cajal.api.run.RunStatus;
import org.cajal.runfolder.FaultyDisk;
import org.cajal.runfolder.Json;
import org.cajal.runfolder.RunFolders;
import org.cajal.runtime.internal.train.CheckpointPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fills up during a run (the run-folder library's fault hook): the run ends failed, with the file and
 * the reason in its message, error.txt when there was room for it (and mentioned only then), no temporary files or
 * checkpoints left, and the files written before intact.
 */
class WriteFailureRunTest {

    private static final String PIPELINE = SummaryTest.BLOBS.replace("\"epochs\": 2", "\"epochs\": 30");

    private static PipelineException run(Path dir) throws Exception {
        TestRuntime runtime = new TestRuntime();
        runtime.executor.checkpoints = CheckpointPolicy.EVERY_EPOCH;
        RunHandle handle = runtime.executor.start(runtime.format.parse(PIPELINE, "blobs.json", dir),
                new RunOptions(dir.resolve("runs"), OptionalLong.empty()), e -> { });
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> handle.result().get(2, TimeUnit.MINUTES));
        return (PipelineException) e.getCause();
    }

    private static Path folder(Path dir) throws Exception {
        try (var runs = Files.list(dir.resolve("runs"))) {
            return runs.findFirst().orElseThrow();
        }
    }

    private static List<String> leftovers(Path run) throws Exception {
        try (var files = Files.walk(run)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".tmp") || n.equals(RunFiles.CHECKPOINT)).toList();
        }
    }

    @Test
    void aFailedWriteDuringTrainingEndsTheRunFailedWithThePathAndErrorTxt(@TempDir Path dir) throws Exception {
        PipelineException e;
        try (FaultyDisk disk = FaultyDisk.fullFrom(RunFiles.MODEL, false)) {
            e = run(dir);
        }
        Path run = folder(dir);
        String message = e.getMessage();
        assertTrue(message.contains("training failed: cannot write " + run.resolve(RunFiles.MODEL)
                + ": No space left on device"), message);
        assertTrue(message.contains("(details in " + run.resolve(RunFiles.ERROR) + ")"), message);
        assertFalse(message.contains("Exception"), message);
        assertTrue(Files.readString(run.resolve(RunFiles.ERROR)).contains("No space left on device"));
        assertEquals(RunStatus.FAILED, RunFolders.status(run).orElseThrow());
        assertEquals(message.substring(message.indexOf("training failed")),
                Json.readObject(run.resolve(RunFiles.PROVENANCE)).get("error"));
        assertEquals(List.of(), leftovers(run), "no temporary file or checkpoint is left");
        assertEquals(30, RunFolders.metrics(run).rows().size(), "metrics.csv, written before, is complete");
        assertFalse(Files.exists(run.resolve(RunFiles.LOCK)), "the run can be deleted");
    }

    @Test
    void aDiskThatStaysFullGivesNoErrorTxtAndTheMessageSaysSo(@TempDir Path dir) throws Exception {
        PipelineException e;
        try (FaultyDisk disk = FaultyDisk.fullFrom(RunFiles.CHECKPOINT, true)) {
            e = run(dir);
        }
        Path run = folder(dir);
        String message = e.getMessage();
        assertTrue(message.contains("cannot write " + run.resolve(RunFiles.CHECKPOINT) + ": No space left on device"),
                message);
        assertFalse(message.contains(RunFiles.ERROR), "error.txt could not be written: " + message);
        assertFalse(Files.exists(run.resolve(RunFiles.ERROR)));
        assertTrue(message.contains("could not be recorded"), message);
        assertEquals(RunStatus.INTERRUPTED, RunFolders.status(run).orElseThrow(), "what the folder can say");
        assertEquals(List.of(), leftovers(run));
        assertTrue(Json.readObject(run.resolve(RunFiles.PROVENANCE)).containsKey("run"), "the old provenance stays");
    }
}
