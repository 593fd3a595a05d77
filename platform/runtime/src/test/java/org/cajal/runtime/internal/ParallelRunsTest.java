package org.cajal.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.cajal.api.pipeline.PipelineDocument;
import org.cajal.api.pipeline.RunHandle;
import org.cajal.api.pipeline.RunOptions;
import org.cajal.api.pipeline.RunResult;
import org.cajal.api.run.RunFiles;
import org.cajal.api.train.TrainingEvent;
import org.cajal.api.train.TrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs that train at the same time give the numbers they give alone. */
class ParallelRunsTest {

    /** With dropout, so both runs draw random numbers throughout training, not only when they initialise. */
    private static final String PIPELINE = SummaryTest.BLOBS.replace("\"samples\": 40", "\"samples\": 200")
            .replace("\"units\": 5", "\"units\": 16")
            .replace("\"epochs\": 2", "\"epochs\": 8, \"regularisation\": { \"dropout\": 0.3 }")
            .replace("\"name\": \"blobs\"", "\"name\": \"blobs\", \"description\": \"d\"")
            .replace("\"training\"", "\"split\": { \"validation\": 0.2, \"test\": 0.2 },\n  \"training\"");

    private static DefaultPipelineExecutor executor(int parallel) {
        DefaultPipelineExecutor executor = new TestRuntime().executor;
        executor.setParallelRuns(parallel);
        // one fixed second: both runs are started "in the same second"
        executor.clock = Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC);
        return executor;
    }

    @Test
    void twoRunsAtOnceFinishWithTheMetricsOfASequentialRun(@TempDir Path dir) throws Exception {
        DefaultPipelineExecutor alone = executor(1);
        PipelineDocument doc = new DefaultPipelineFormat().parse(PIPELINE, "t.json", dir);
        RunOptions options = new RunOptions(dir.resolve("runs"), OptionalLong.of(11));
        RunResult sequential = alone.start(doc, options, e -> { }).result().get(2, TimeUnit.MINUTES);
        alone.deactivate();

        DefaultPipelineExecutor parallel = executor(2);
        // each run waits at its start until the other has started too: with one run at a time this would time out
        CountDownLatch bothStarted = new CountDownLatch(2);
        TrainingListener meet = e -> {
            if (e instanceof TrainingEvent.Started) {
                bothStarted.countDown();
                try {
                    assertTrue(bothStarted.await(60, TimeUnit.SECONDS), "the other run did not start meanwhile");
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        RunHandle a = parallel.start(doc, options, meet);
        RunHandle b = parallel.start(doc, options, meet);
        RunResult ra = a.result().get(2, TimeUnit.MINUTES);
        RunResult rb = b.result().get(2, TimeUnit.MINUTES);
        parallel.deactivate();
        assertEquals(0, bothStarted.getCount());

        assertNotEquals(ra.folder(), rb.folder(), "runs started in the same second get folders of their own");
        assertEquals(List.of("20240501-100000-blobs", "20240501-100000-blobs-2", "20240501-100000-blobs-3"),
                List.of(sequential.runId(), ra.runId(), rb.runId()).stream().sorted().toList());
        String metrics = Files.readString(sequential.folder().resolve(RunFiles.METRICS));
        assertEquals(metrics, Files.readString(ra.folder().resolve(RunFiles.METRICS)));
        assertEquals(metrics, Files.readString(rb.folder().resolve(RunFiles.METRICS)));
        assertEquals(sequential.evaluation(), ra.evaluation());
        assertEquals(sequential.evaluation(), rb.evaluation());
    }

    @Test
    void theParallelRunsPropertyIsAWholeNumberOfOneOrMore() {
        assertEquals(DefaultPipelineExecutor.DEFAULT_PARALLEL_RUNS, DefaultPipelineExecutor.parallelRuns(null));
        assertEquals(3, DefaultPipelineExecutor.parallelRuns(" 3 "));
        assertEquals(DefaultPipelineExecutor.DEFAULT_PARALLEL_RUNS, DefaultPipelineExecutor.parallelRuns("0"));
        assertEquals(DefaultPipelineExecutor.DEFAULT_PARALLEL_RUNS, DefaultPipelineExecutor.parallelRuns("many"));
    }
}
