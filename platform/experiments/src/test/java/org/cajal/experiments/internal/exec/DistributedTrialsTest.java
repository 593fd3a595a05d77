package org.cajal.experiments.internal.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.cajal.api.run.ExperimentFiles;
import org.cajal.experiments.Cluster;
import org.cajal.experiments.ExperimentListener;
import org.cajal.experiments.Trial;
import org.cajal.launcher.spi.TrialDistributor;
import org.cajal.launcher.spi.TrialRunner;
import org.cajal.runfolder.Json;
import org.cajal.testfixtures.FakeRunner;
import org.cajal.testfixtures.TestPipelines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trials handed to a distributed engine: what comes back is recorded once per trial as a local trial would be; a
 * trial that failed for its own reasons is recorded as failed; one that never came back (the job was lost) is not
 * recorded, so starting the experiment again runs it. The engine here is a stand-in that runs the trials with the
 * runner it is given, as Spark's local master does, and zips each run folder as an executor does.
 */
class DistributedTrialsTest {

    @TempDir
    Path tmp;

    private final FakeRunner runner = new FakeRunner();

    private List<TrialSpec> specs(int n) throws Exception {
        List<TrialSpec> specs = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            specs.add(new TrialSpec(i, Map.of("model.layers[0].params.units", i), 42,
                    runner.parse(TestPipelines.dense("p", 0.01, i), "p.json", Path.of("."))));
        }
        return specs;
    }

    /** Runs trials 1..n-1 (trial 2's result handed over twice, trial 3 failing on its own), then loses the job. */
    private final class Engine implements TrialDistributor {
        final List<String> messages = new ArrayList<>();

        @Override
        public void run(Job job, TrialRunner local, Progress progress) throws IOException, InterruptedException {
            for (Trial t : job.trials()) {
                if (t.number() == job.trials().size()) {
                    throw new IOException("Job aborted: trial " + t.number() + " failed 4 times");
                }
                progress.started(t.number(), "executor 1 (node)");
                if (t.number() == 3) {
                    progress.finished(new Result(3, null, "$.model.layers[0]: no such layer", "executor 1 (node)"));
                    continue;
                }
                Path dir = Files.createTempDirectory(tmp, "executor-");
                TrialRunner.Outcome outcome = local.run(t, dir);
                Result result = new Result(t.number(), zip(outcome.folder()), outcome.error(), "executor 1 (node)");
                progress.finished(result);
                if (t.number() == 2) {
                    progress.finished(result); // a speculative copy: must not be recorded twice
                }
            }
        }
    }

    static byte[] zip(Path folder) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes); Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted().toList()) {
                if (Files.isRegularFile(p)) {
                    out.putNextEntry(new ZipEntry(folder.getFileName() + "/" + folder.relativize(p)));
                    Files.copy(p, out);
                    out.closeEntry();
                }
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void eachTrialThatCameBackIsRecordedOnceAndTheLostOneRunsAgainOnResume() throws Exception {
        List<TrialSpec> specs = specs(4);
        Path folder = ExperimentSetup.prepare(tmp, "search", "p", specs.get(0).pipelineText(), "p.json",
                Map.of("n", 1), specs.size()).folder();
        Engine engine = new Engine();
        List<String> messages = new ArrayList<>();
        ExperimentListener listener = new ExperimentListener() {
            @Override
            public void message(String text) {
                messages.add(text);
            }
        };
        DistributionTarget target = new DistributionTarget(engine, Cluster.of("spark://node:7077"), null, runner);
        List<Trial> trials = TrialExecutor.start(runner, new TrialExecutor.Config(folder, specs, 1, "validation_loss",
                target), listener, null).done().get(30, TimeUnit.SECONDS);

        List<String> lines = Files.readAllLines(folder.resolve(ExperimentFiles.TRIALS));
        assertEquals(3, lines.size(), "trials 1, 2 and 3 once each: " + lines);
        assertEquals("finished", trials.get(0).status());
        assertEquals("finished", trials.get(1).status());
        assertEquals("failed", trials.get(2).status());
        assertEquals("$.model.layers[0]: no such layer", trials.get(2).error());
        assertTrue(Files.isRegularFile(trials.get(1).run().resolve("metrics.csv")), "the run folder came back");
        assertTrue(messages.stream().anyMatch(m -> m.contains("Job aborted: trial 4 failed 4 times")
                && m.contains("1 trials did not end")), messages.toString());

        // started again on this machine: only the lost trial runs
        int before = runner.started.get();
        List<Trial> resumed = TrialExecutor.start(runner, new TrialExecutor.Config(folder, specs, 1, "validation_loss"),
                ExperimentListener.NONE, null).done().get(30, TimeUnit.SECONDS);
        assertEquals(1, runner.started.get() - before, "only trial 4 ran again");
        assertEquals(4, resumed.size());
        assertEquals(4, Files.readAllLines(folder.resolve(ExperimentFiles.TRIALS)).size());
    }

    @Test
    void aRunFolderWhoseNameIsTakenGetsTheNextSuffixAndItsProvenanceSaysSo() throws Exception {
        Path runs = Files.createDirectories(tmp.resolve("runs"));
        Files.createDirectories(runs.resolve("20261207-101010-xor"));
        Path sent = Files.createDirectories(tmp.resolve("executor").resolve("20261207-101010-xor"));
        Files.writeString(sent.resolve("provenance.json"), "{\"run\": \"20261207-101010-xor\", \"seed\": 1}\n");
        Files.writeString(sent.resolve("metrics.csv"), "epoch,train_loss\n1,0.5\n");
        Path run = RunFolderArchive.unpack(zip(sent), runs, 7);
        assertEquals(runs.resolve("20261207-101010-xor-2"), run);
        assertEquals("20261207-101010-xor-2", Json.readTree(run.resolve("provenance.json")).get("run").asText());
        assertEquals("epoch,train_loss\n1,0.5\n", Files.readString(run.resolve("metrics.csv")));
        try (Stream<Path> left = Files.list(runs)) {
            assertEquals(2, left.count(), "no half-unpacked folder left behind");
        }
    }

    @Test
    void aZipWithAPathOutsideItsFolderIsRefused() throws Exception {
        Path runs = Files.createDirectories(tmp.resolve("runs"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry("run/../../evil.txt"));
            out.write("x".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        IOException e = assertThrows(IOException.class, () -> RunFolderArchive.unpack(bytes.toByteArray(), runs, 2));
        assertTrue(e.getMessage().contains("outside its folder"), e.getMessage());
        assertTrue(Files.notExists(tmp.resolve("evil.txt")));
        try (Stream<Path> left = Files.list(runs)) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void aRunThatReadOtherDataThanThisComputersIsNamed() throws Exception {
        Path data = Files.writeString(tmp.resolve("survey.csv"), "a,b\n1,2\n");
        Path run = Files.createDirectories(tmp.resolve("run"));
        DataFingerprints check = new DataFingerprints();
        Files.writeString(run.resolve("provenance.json"), "{\"data\": {\"files\": [{\"path\": \""
                + data.toString().replace("\\", "\\\\") + "\", \"sha256\": \"" + "0".repeat(64) + "\"}]}}");
        String mismatch = check.mismatch(run, "executor 3 (node-b)");
        assertTrue(mismatch != null && mismatch.contains(data.toString()) && mismatch.contains("executor 3 (node-b)")
                && mismatch.contains("same path, on every node"), String.valueOf(mismatch));
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(data)));
        Files.writeString(run.resolve("provenance.json"), "{\"data\": {\"files\": [{\"path\": \""
                + data.toString().replace("\\", "\\\\") + "\", \"sha256\": \"" + sha + "\"}]}}");
        assertNull(check.mismatch(run, "executor 3 (node-b)"));
    }
}
