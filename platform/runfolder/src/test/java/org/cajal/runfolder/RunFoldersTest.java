package org.cajal.runfolder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.cajal.api.run.Evaluation;
import org.cajal.api.run.MetricsTable;
import org.cajal.api.run.Provenance;
import org.cajal.api.run.RunFiles;
import org.cajal.api.run.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads folders that round 1's code wrote (src/test/resources/round1: `cajal run` and `cajal repeat` of XOR). */
class RunFoldersTest {

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(RunFoldersTest.class.getResource("/round1/" + name).toURI());
    }

    @Test
    void readsAHoldOutRunOfRoundOne() throws Exception {
        Path run = fixture("xor-run");
        assertTrue(RunFolders.isRun(run));
        assertFalse(RunFolders.isExperiment(run));
        Provenance p = RunFolders.provenance(run);
        assertEquals("20261207-203239-xor", p.runId().orElseThrow());
        assertEquals(RunStatus.FINISHED, p.status().orElseThrow());
        assertEquals(42L, p.seed().getAsLong());
        assertTrue(p.end().isPresent() && p.start().orElseThrow().isBefore(p.end().orElseThrow()));
        assertEquals("fused", p.object("engine").get("id"));

        Evaluation e = RunFolders.evaluation(run);
        assertEquals("test", e.split().orElseThrow());
        assertTrue(e.numbers().containsKey("accuracy"));
        assertTrue(e.values().get("confusionMatrix") instanceof List<?>);

        MetricsTable m = RunFolders.metrics(run);
        assertEquals(List.of("epoch", "train_loss", "validation_loss", "validation_accuracy"), m.columns());
        assertEquals(1.0, m.rows().get(0)[0]);
        assertTrue(m.epochs() > 10);
        assertTrue(m.last("validation_accuracy").isPresent());
    }

    @Test
    void metricsTextIsByteForByteWhatRoundOneWrote() throws Exception {
        for (Path run : List.of(fixture("xor-run"), fixture("kfold-run"), fixture("kfold-run/fold-2"))) {
            String written = Files.readString(run.resolve(RunFiles.METRICS));
            assertEquals(written, RunFolders.metricsText(RunFolders.metrics(run)), run.toString());
        }
    }

    @Test
    void readsAKFoldRunAndItsFolds() throws Exception {
        Path run = fixture("kfold-run");
        assertEquals(List.of(run.resolve("fold-1"), run.resolve("fold-2"), run.resolve("fold-3")),
                RunFolders.folds(run));
        Evaluation e = RunFolders.evaluation(run);
        assertEquals("k-fold", e.split().orElseThrow());
        assertTrue(e.values().get("sd") instanceof Map<?, ?>);
        assertEquals(List.of(), RunFolders.folds(fixture("xor-run")));
    }

    @Test
    void readsARepeatsExperiment() throws Exception {
        Path folder = fixture("repeats");
        assertTrue(RunFolders.isExperiment(folder));
        assertEquals("repeats", RunFolders.experiment(folder).get("kind"));
        List<Map<String, Object>> trials = RunFolders.trials(folder);
        assertEquals(5, trials.size());
        Path run = folder.resolve((String) trials.get(0).get("run"));
        assertEquals(RunStatus.FINISHED, RunFolders.status(run).orElseThrow());
        CsvTable curves = CsvTable.read(folder.resolve("curves.csv"));
        assertEquals("epoch", curves.header().get(0));
        assertEquals(Files.readString(folder.resolve("curves.csv")), curves.format());
    }

    @Test
    void aMissingEvaluationOrMetricsReadsEmptyAndABrokenFileNamesItself(@TempDir Path dir) throws Exception {
        RunFolderWriter w = RunFolderWriter.create(dir, "My Pipeline!", LocalDateTime.of(2026, 1, 2, 3, 4, 5));
        assertEquals("20260102-030405-my-pipeline", w.id());
        assertEquals("20260102-030405-my-pipeline-2",
                RunFolderWriter.create(dir, "My Pipeline!", LocalDateTime.of(2026, 1, 2, 3, 4, 5)).id());
        w.writeJson(RunFiles.PROVENANCE, Map.of("run", w.id(), "status", "running"));
        assertEquals(Evaluation.EMPTY, RunFolders.evaluation(w.path()));
        assertEquals(MetricsTable.EMPTY, RunFolders.metrics(w.path()));
        // recorded as running, but no process holds its lock: interrupted
        assertEquals(RunStatus.INTERRUPTED, RunFolders.status(w.path()).orElseThrow());
        try (RunLock lock = RunLock.hold(w.path())) {
            assertEquals(RunStatus.RUNNING, RunFolders.status(w.path()).orElseThrow());
        }
        assertEquals(RunStatus.INTERRUPTED, RunFolders.status(w.path()).orElseThrow());
        w.writeText(RunFiles.EVALUATION, "{\"accuracy\": 0.5,");
        IOException e = assertThrows(IOException.class, () -> RunFolders.evaluation(w.path()));
        assertTrue(e.getMessage().startsWith(w.path().resolve(RunFiles.EVALUATION).toString()), e.getMessage());
        try (var files = Files.list(w.path())) {
            assertEquals(2, files.count(), "no temporary or lock file is left behind");
        }
    }

    @Test
    void filesAreReadableByOthersNotOwnerOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("evaluation.json");
        Json.write(file, Map.of("accuracy", 0.5));
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            var permissions = Files.getPosixFilePermissions(file);
            assertTrue(permissions.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ)
                    || permissions.contains(java.nio.file.attribute.PosixFilePermission.GROUP_READ),
                    "a file of a run folder is readable beyond its owner: " + permissions);
        }
    }

    @Test
    void aJsonLinesFileSkipsALastLineCutOffByAKill(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("trials.jsonl");
        AtomicFiles.appendLine(log, Json.line(Map.of("trial", 1)));
        Files.writeString(log, "{\"trial\": 2, \"se", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(List.of(Map.of("trial", 1)), Json.readLines(log));
        Files.writeString(log, "{broken}\n{\"trial\": 3}\n");
        IOException e = assertThrows(IOException.class, () -> Json.readLines(log));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void csvQuotesOnlyWhereACellNeedsItAndReadsItBack() throws Exception {
        CsvTable t = new CsvTable(List.of("trial", "params", "note"),
                List.of(List.of("1", "a,b", "say \"hi\""), List.of("2", "", "plain")));
        String text = t.format();
        assertEquals("trial,params,note\n1,\"a,b\",\"say \"\"hi\"\"\"\n2,,plain\n", text);
        assertEquals(t, CsvTable.parse(text));
        assertEquals("0.1", CsvTable.cell(0.1));
        assertEquals("3", CsvTable.cell(3.0));
        assertEquals("", CsvTable.cell(Double.NaN));
    }
}
