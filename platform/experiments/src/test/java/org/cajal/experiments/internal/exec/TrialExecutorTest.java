package org.cajal.experiments.internal.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cajal.testfixtures.FakeRunner;
import org.cajal.testfixtures.TestPipelines;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.cajal.experiments.ExperimentFolder;
import org.cajal.experiments.ExperimentListener;
import org.cajal.experiments.Trial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrialExecutorTest {

    @TempDir
    Path tmp;

    private final FakeRunner runner = new FakeRunner();

    private static org.cajal.api.pipeline.PipelineDocument document(String text) {
        try {
            return new FakeRunner().parse(text, "p.json", Path.of("."));
        } catch (org.cajal.api.pipeline.PipelineException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static List<TrialSpec> specs(int n) {
        List<TrialSpec> specs = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            specs.add(new TrialSpec(i, Map.of("model.layers[0].params.units", i), 42,
                    document(TestPipelines.dense("p", 0.01, i))));
        }
        return specs;
    }

    private Path folder(List<TrialSpec> specs) throws Exception {
        return ExperimentSetup.prepare(tmp, "search", "p", specs.get(0).pipelineText(), "p.json", Map.of("n", 1), specs.size())
                .folder();
    }

    private TrialExecutor run(Path folder, List<TrialSpec> specs, int parallel, String objective,
                              ExperimentListener listener) throws Exception {
        return TrialExecutor.start(runner, new TrialExecutor.Config(folder, specs, parallel, objective),
                listener, null);
    }

    @Test
    void runsEveryTrialWithAtMostParallelAtOnce() throws Exception {
        runner.delayMs = 80;
        List<TrialSpec> specs = specs(6);
        Path folder = folder(specs);
        TrialExecutor ex = run(folder, specs, 2, "validation_loss", ExperimentListener.NONE);
        List<Trial> trials = ex.done().get(30, TimeUnit.SECONDS);
        assertEquals(6, trials.size());
        assertEquals(2, runner.maxRunning.get(), "two trials at once, never more");
        assertEquals(6, Files.readAllLines(folder.resolve(ExperimentFolder.TRIALS)).size());
        Trial t3 = trials.get(2);
        assertEquals("finished", t3.status());
        assertEquals(FakeRunner.defaultLoss(org.cajal.runfolder.Json.PRETTY.readTree(TestPipelines.dense("p", 0.01, 3))),
                t3.objective(), 1e-8);
        assertTrue(t3.run().startsWith(folder.resolve(ExperimentFolder.RUNS)));
        assertEquals(t3.objective() - 0.05, t3.train().get("loss"), 1e-8);
        assertTrue(t3.metrics().containsKey("accuracy"));
        assertFalse(t3.metrics().containsKey("examples"));
    }

    @Test
    void aDivergedRunIsRecordedAsSuchAndNeverRanked() throws Exception {
        runner.diverges = n -> n.at("/model/layers/0/params/units").asInt() == 2;
        List<TrialSpec> specs = specs(3);
        List<Trial> trials = run(folder(specs), specs, 1, "validation_loss", null).done().get(30, TimeUnit.SECONDS);
        Trial diverged = trials.get(1);
        assertEquals("diverged", diverged.status());
        assertFalse(diverged.finished(), "not a result to rank, summarise or compare");
        assertTrue(Double.isNaN(diverged.objective()));
        assertTrue(diverged.error().contains("diverged"), diverged.error());
        assertEquals("finished", trials.get(0).status());
    }

    @Test
    void aSecondExecutorOnTheSameFolderIsRefusedUntilTheFirstEnds() throws Exception {
        runner.delayMs = 300;
        List<TrialSpec> specs = specs(2);
        Path folder = folder(specs);
        TrialExecutor first = run(folder, specs, 1, "validation_loss", null);
        java.io.IOException refused = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> run(folder, specs, 1, "validation_loss", null));
        assertTrue(refused.getMessage().contains("already running"), refused.getMessage());
        first.done().get(30, TimeUnit.SECONDS);
        assertEquals(2, Files.readAllLines(folder.resolve(ExperimentFolder.TRIALS)).size(),
                "the refused second start deleted nothing of the first");
        // once it has ended, the folder can be opened again (a resume that has nothing left to do)
        assertEquals(2, run(folder, specs, 1, "validation_loss", null).done().get(30, TimeUnit.SECONDS).size());
    }

    @Test
    void oneAtATimeWhenParallelIsOne() throws Exception {
        runner.delayMs = 30;
        List<TrialSpec> specs = specs(3);
        run(folder(specs), specs, 1, "validation_loss", null).done().get(30, TimeUnit.SECONDS);
        assertEquals(1, runner.maxRunning.get());
    }

    @Test
    void aFailedTrialIsRecordedAndTheOthersGoOn() throws Exception {
        runner.fails = n -> n.path("model").path("layers").path(0).path("params").path("units").asInt() == 2;
        List<TrialSpec> specs = specs(3);
        Path folder = folder(specs);
        List<Trial> trials = run(folder, specs, 1, "validation_loss", null).done().get(30, TimeUnit.SECONDS);
        assertEquals(List.of("finished", "failed", "finished"), trials.stream().map(Trial::status).toList());
        assertTrue(trials.get(1).error().contains("the loss became NaN"), trials.get(1).error());
        assertTrue(Double.isNaN(trials.get(1).objective()));
        List<Trial> logged = TrialLog.open(folder).read();
        assertEquals("failed", logged.stream().filter(t -> t.number() == 2).findFirst().orElseThrow().status());
    }

    @Test
    void aMissingObjectiveFailsTheTrialSayingWhatExists() throws Exception {
        List<TrialSpec> specs = specs(1);
        Trial t = run(folder(specs), specs, 1, "validation_f1", null).done().get(30, TimeUnit.SECONDS).get(0);
        assertEquals("failed", t.status());
        assertTrue(t.error().contains("validation_f1") && t.error().contains("validation_accuracy"), t.error());
    }

    @Test
    void resumeRunsOnlyWhatIsMissingAndDeletesInterruptedRunFolders() throws Exception {
        List<TrialSpec> specs = specs(5);
        Path folder = folder(specs);
        // a first start that ran trials 1 and 2, then was killed: a leftover run folder and half a line
        run(folder, specs.subList(0, 2), 1, "validation_loss", null).done().get(30, TimeUnit.SECONDS);
        List<Trial> before = TrialLog.open(folder).read();
        assertEquals(2, before.size());
        Path leftover = folder.resolve(ExperimentFolder.RUNS).resolve("p-interrupted");
        Files.createDirectories(leftover);
        Files.writeString(leftover.resolve("metrics.csv"), "epoch,train_loss\n1,0.5\n");
        Files.writeString(folder.resolve(ExperimentFolder.TRIALS), "{\"trial\": 3, \"par",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        int startedBefore = runner.started.get();

        List<String> messages = Collections.synchronizedList(new ArrayList<>());
        List<Integer> reported = Collections.synchronizedList(new ArrayList<>());
        TrialExecutor ex = run(folder, specs, 2, "validation_loss", new ExperimentListener() {
            @Override
            public void trialFinished(Trial trial) {
                reported.add(trial.number());
            }

            @Override
            public void message(String text) {
                messages.add(text);
            }
        });
        List<Trial> all = ex.done().get(30, TimeUnit.SECONDS);
        assertEquals(3, runner.started.get() - startedBefore, "only trials 3, 4, 5 run again");
        assertFalse(Files.exists(leftover), "the interrupted trial's run folder is deleted");
        assertEquals(5, all.size());
        assertTrue(reported.containsAll(List.of(1, 2, 3, 4, 5)));
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("resuming: 2 trials already finished")), messages.toString());
        List<Trial> logged = TrialLog.open(folder).read();
        assertEquals(5, logged.size());
        assertEquals(before.get(0), logged.get(0));
        assertEquals(before.get(1), logged.get(1));
        for (Trial t : logged) {
            assertTrue(Files.isDirectory(t.run()), "run folder of trial " + t.number() + " kept");
        }
    }

    @Test
    void cancelStopsNewTrialsAndCancelsTheRunningOne() throws Exception {
        runner.delayMs = 5_000;
        List<TrialSpec> specs = specs(4);
        Path folder = folder(specs);
        CountDownLatch first = new CountDownLatch(1);
        TrialExecutor ex = run(folder, specs, 1, "validation_loss", new ExperimentListener() {
            @Override
            public void trialStarted(int trial, int trials, Map<String, Object> params, long seed) {
                first.countDown();
            }
        });
        assertTrue(first.await(10, TimeUnit.SECONDS));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (runner.running.get() == 0) {
            assertTrue(System.nanoTime() < deadline, "the first run never started");
            Thread.sleep(5);
        }
        long t0 = System.nanoTime();
        ex.cancel();
        List<Trial> trials = ex.done().get(10, TimeUnit.SECONDS);
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(4), "the running trial was cancelled");
        assertEquals(1, runner.started.get());
        assertEquals(1, trials.size());
        assertEquals("cancelled", trials.get(0).status());
        Path log = folder.resolve(ExperimentFolder.TRIALS);
        assertTrue(!Files.exists(log) || Files.readString(log).isBlank(),
                "a cancelled trial is not recorded: starting again runs it");
    }

    @Test
    void folderNameHasKindNameAndKeyAndExperimentJson() throws Exception {
        String text = TestPipelines.dense("my pipe", 0.01, 8);
        ExperimentSetup.Prepared p = ExperimentSetup.prepare(tmp, "repeats", "my pipe", text, "/x/p.json",
                Map.of("times", 3, "firstSeed", 1), 3);
        String key = ExperimentSetup.sha256(text + "{\"firstSeed\":1,\"times\":3}").substring(0, 8);
        assertEquals("repeats-my-pipe-" + key, p.folder().getFileName().toString());
        assertFalse(p.resumed());
        var json = org.cajal.runfolder.Json.readTree(p.folder().resolve(ExperimentFolder.EXPERIMENT));
        assertEquals("repeats", json.get("kind").asText());
        assertEquals("my pipe", json.get("pipeline").get("name").asText());
        assertEquals(3, json.get("settings").get("times").asInt());
        assertEquals(3, json.get("settings").get("planned").asInt(), "the run store reads the planned count");
        assertNotNull(json.get("created"));
        assertTrue(ExperimentSetup.prepare(tmp, "repeats", "my pipe", text, "/x/p.json",
                Map.of("firstSeed", 1, "times", 3), 3).resumed(), "same settings in another order: same folder");
    }
}
