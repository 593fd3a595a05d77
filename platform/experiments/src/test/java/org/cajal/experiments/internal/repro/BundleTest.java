package org.cajal.experiments.internal.repro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cajal.testfixtures.FakeRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.RunOptions;
import org.cajal.api.train.TrainingListener;
import org.cajal.experiments.ExperimentListener;
import org.cajal.experiments.Reproducibility.Rerun;
import org.cajal.experiments.internal.store.FolderFiles;
import org.cajal.experiments.internal.store.TestFolders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleTest {

    static final String PIPELINE = """
            {"schema": 1, "name": "points", "seed": 3,
             "dataset": {"type": "csv", "params": {"file": "data/points.csv", "target": "y"}},
             "model": {"layers": [{"type": "output", "params": {"activation": "identity"}}]},
             "training": {"loss": "mse", "optimizer": {"type": "adam", "params": {"learningRate": 0.05}},
                          "epochs": 3, "batchSize": 16}}
            """;

    @TempDir
    Path dir;

    FakeRunner runner;
    DefaultReproducibility repro;
    Path work;
    Path data;
    Path run;

    @BeforeEach
    void originalRun() throws Exception {
        runner = new FakeRunner();
        repro = new DefaultReproducibility(runner, runner);
        work = Files.createDirectories(dir.resolve("work"));
        data = work.resolve("data/points.csv");
        Files.createDirectories(data.getParent());
        Files.writeString(data, "x,y\n1,2\n3,4\n");
        var handle = runner.start(runner.parse(PIPELINE, work.resolve("p.json").toString(), work),
                new RunOptions(dir.resolve("runs-a"), OptionalLong.of(7)), TrainingListener.none());
        handle.result().get();
        run = handle.folder();
    }

    @Test
    void bundleHoldsTheRunFilesTheDataAndBundleJson() throws IOException {
        Path zip = repro.bundle(run, dir.resolve("out/run.zip"));
        String sha = DataFiles.sha256(data);
        List<String> names = entries(zip);
        String prefix = "runs/" + run.getFileName() + "/";
        for (String f : List.of("pipeline.json", "provenance.json", "metrics.csv", "evaluation.json", "model.zip")) {
            assertTrue(names.contains(prefix + f), names.toString());
        }
        assertTrue(names.contains("data/" + sha.substring(0, 12) + "-points.csv"), names.toString());
        assertEquals("bundle.json", names.get(0));
        Map<String, Object> bundle = bundleJson(zip);
        assertEquals("run", bundle.get("kind"));
        Map<String, Object> entry = first(bundle);
        assertEquals(7, entry.get("seed"));
        assertEquals("points", entry.get("pipeline"));
        Map<String, Object> fingerprint = FolderFiles.object(entry, "data");
        Map<String, Object> file = cast(FolderFiles.array(fingerprint, "files").get(0));
        assertEquals(sha, file.get("sha256"));
        assertEquals(data.toString(), file.get("path"));
        assertEquals("cpu", FolderFiles.object(entry, "backend").get("kind"));
        assertEquals(List.of("CPU: Test CPU, 2 cores"), FolderFiles.object(FolderFiles.object(entry, "hardware"), "cpu")
                .get("devices"));
        assertFalse(FolderFiles.array(entry, "bundles").isEmpty());
        assertTrue(FolderFiles.object(entry, "metrics").get("accuracy") instanceof Number);
    }

    @Test
    void bundleUsesTheProvenanceDataFingerprintWhenPresent() throws IOException {
        Map<String, Object> provenance = org.cajal.runfolder.Json.readObject(run.resolve("provenance.json"));
        provenance.put("data", Map.of("sha256", "ab12", "examples", 2, "files", List.of()));
        org.cajal.runfolder.Json.write(run.resolve("provenance.json"), provenance);
        Map<String, Object> entry = first(bundleJson(repro.bundle(run, dir.resolve("run.zip"))));
        assertEquals("ab12", FolderFiles.object(entry, "data").get("sha256"));
        assertEquals(2, FolderFiles.object(entry, "data").get("examples"));
    }

    @Test
    void rerunWithTheBundledDataIsIdentical() throws Exception {
        Path zip = repro.bundle(run, dir.resolve("run.zip"));
        Files.delete(data);
        Rerun rerun = repro.rerun(zip, dir.resolve("runs-b"), ExperimentListener.NONE);
        assertTrue(rerun.identical(), rerun.differences().toString());
        assertTrue(rerun.differences().isEmpty(), rerun.differences().toString());
        assertTrue(rerun.folder().startsWith(dir.resolve("runs-b")));
        String rerunPipeline = Files.readString(rerun.folder().resolve("pipeline.json"));
        assertTrue(rerunPipeline.contains("bundle-data"), rerunPipeline);
        assertEquals(7L, org.cajal.runfolder.Json.readObject(rerun.folder().resolve("provenance.json")).get("seed") instanceof Number n
                ? n.longValue() : -1);
    }

    @Test
    void rerunWithAChangedMetricListsTheDifference() throws Exception {
        Path zip = repro.bundle(run, dir.resolve("run.zip"));
        runner.offset = 1e-9;
        Rerun rerun = repro.rerun(zip, dir.resolve("runs-b"), ExperimentListener.NONE);
        assertFalse(rerun.identical());
        assertTrue(rerun.differences().stream().anyMatch(d -> d.startsWith("accuracy: ") && d.contains("in the bundle")),
                rerun.differences().toString());
        assertTrue(rerun.differences().stream().anyMatch(d -> d.startsWith("metrics.csv row 1 train_loss")),
                rerun.differences().toString());
    }

    @Test
    void backendDifferencesAreListedButDoNotBreakIdentity() throws Exception {
        Path zip = repro.bundle(run, dir.resolve("run.zip"));
        runner.backendKind = "gpu";
        Rerun rerun = repro.rerun(zip, dir.resolve("runs-b"), ExperimentListener.NONE);
        assertTrue(rerun.identical());
        assertEquals(List.of("backend kind (informational): cpu in the bundle, gpu now"), rerun.differences());
    }

    @Test
    void dataTooLargeToBundleIsCheckedAgainstItsHash() throws Exception {
        Path zip = BundleWriter.write(run, dir.resolve("run.zip"), 0);
        assertFalse(entries(zip).stream().anyMatch(n -> n.startsWith("data/")));
        Map<String, Object> file = cast(FolderFiles.array(first(bundleJson(zip)), "dataFiles").get(0));
        assertNull(file.get("entry"));
        assertTrue(repro.rerun(zip, dir.resolve("runs-b"), ExperimentListener.NONE).identical());
        Files.writeString(data, "x,y\n1,2\n3,5\n");
        PipelineException e = assertThrows(PipelineException.class,
                () -> repro.rerun(zip, dir.resolve("runs-c"), ExperimentListener.NONE));
        assertTrue(e.getMessage().contains(data.toString()) && e.getMessage().contains("has changed"), e.getMessage());
        assertTrue(e.getMessage().contains("$.dataset.params.file"), e.getMessage());
        Files.delete(data);
        PipelineException gone = assertThrows(PipelineException.class,
                () -> repro.rerun(zip, dir.resolve("runs-c"), ExperimentListener.NONE));
        assertTrue(gone.getMessage().contains("not there any more"), gone.getMessage());
    }

    @Test
    void experimentBundlesHoldTheExperimentFilesAndRerunEveryRun() throws Exception {
        Path experiment = TestFolders.experiment(dir, "repeats", 3, Instant.parse("2026-12-01T00:00:00Z"));
        Path zip = repro.bundle(experiment, dir.resolve("exp.zip"));
        List<String> names = entries(zip);
        for (String f : List.of("experiment/experiment.json", "experiment/trials.jsonl", "experiment/summary.json",
                "experiment/curves.csv", "runs/20260101-000000-xor/metrics.csv", "runs/20260103-000000-xor/model.zip")) {
            assertTrue(names.contains(f), f + " in " + names);
        }
        Map<String, Object> bundle = bundleJson(zip);
        assertEquals("repeats", bundle.get("kind"));
        assertEquals(3, FolderFiles.array(bundle, "runs").size());
        List<Long> seeds = new ArrayList<>();
        repro.rerun(zip, dir.resolve("runs-b"), new ExperimentListener() {
            @Override
            public void trialStarted(int trial, int trials, Map<String, Object> params, long seed) {
                seeds.add(seed);
            }
        });
        assertEquals(List.of(1L, 2L, 3L), seeds);
        assertEquals(3, runner.started.get() - 1);
    }

    @Test
    void kFoldBundlesHoldTheFoldFiles() throws IOException {
        Path kfold = TestFolders.sample(TestFolders.KFOLD, dir);
        List<String> names = entries(repro.bundle(kfold, dir.resolve("k.zip")));
        assertTrue(names.contains("runs/" + TestFolders.KFOLD + "/fold-2/metrics.csv"), names.toString());
        assertTrue(names.contains("runs/" + TestFolders.KFOLD + "/fold-3/evaluation.json"), names.toString());
    }

    @Test
    void refusesWhatIsNotARunOrABundle() throws IOException {
        Files.createDirectories(dir.resolve("plain"));
        assertThrows(IOException.class, () -> repro.bundle(dir.resolve("plain"), dir.resolve("p.zip")));
        Path notBundle = dir.resolve("other.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(notBundle))) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write(1);
        }
        IOException e = assertThrows(IOException.class,
                () -> repro.rerun(notBundle, dir.resolve("r"), ExperimentListener.NONE));
        assertTrue(e.getMessage().contains("not a Cajal bundle"), e.getMessage());
        Path evil = dir.resolve("evil.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(evil))) {
            out.putNextEntry(new ZipEntry("../escaped.txt"));
            out.write(1);
        }
        IOException slip = assertThrows(IOException.class,
                () -> repro.rerun(evil, dir.resolve("r"), ExperimentListener.NONE));
        assertTrue(slip.getMessage().contains("outside"), slip.getMessage());
    }

    static List<String> entries(Path zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements(); ) {
                names.add(e.nextElement().getName());
            }
        }
        return names;
    }

    static Map<String, Object> bundleJson(Path zip) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            return org.cajal.runfolder.Json.parseObject(new String(z.getInputStream(z.getEntry("bundle.json"))
                    .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    static Map<String, Object> first(Map<String, Object> bundle) {
        return cast(FolderFiles.array(bundle, "runs").get(0));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }
}
