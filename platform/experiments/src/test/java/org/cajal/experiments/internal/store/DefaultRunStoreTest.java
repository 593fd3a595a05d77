package org.cajal.experiments.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cajal.experiments.RunStore.Filter;
import org.cajal.experiments.RunStore.StoredRun;
import org.cajal.runfolder.RunLock;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultRunStoreTest {

    @TempDir
    Path dir;

    DefaultRunStore store;
    Path holdout;
    Path kfold;
    Path newer;
    Path repeats;

    @BeforeEach
    void folders() throws IOException {
        store = new DefaultRunStore(dir);
        holdout = TestFolders.sample(TestFolders.HOLDOUT, dir);
        kfold = TestFolders.sample(TestFolders.KFOLD, dir);
        newer = TestFolders.run(dir, "20270101-000000-spirals", "spirals", 7, "finished",
                Instant.parse("2027-01-01T00:00:00Z"), Map.of("accuracy", 0.75, "f1", 0.7));
        repeats = TestFolders.experiment(dir, "repeats", 3, Instant.parse("2026-12-01T00:00:00Z"));
        Files.createDirectories(dir.resolve("notes"));
        Files.writeString(dir.resolve("notes/readme.txt"), "not a run");
        Files.writeString(dir.resolve("stray.txt"), "not a run");
    }

    @Test
    void listsRunsAndExperimentsNewestFirstAndIgnoresOtherFolders() throws IOException {
        List<StoredRun> runs = store.list(dir, Filter.ALL);
        assertEquals(List.of("20270101-000000-spirals", "repeats-xor-0123abcd", TestFolders.KFOLD, TestFolders.HOLDOUT),
                runs.stream().map(StoredRun::id).toList());
        StoredRun experiment = runs.get(1);
        assertEquals("repeats", experiment.kind());
        assertEquals("xor", experiment.pipeline());
        assertEquals("finished", experiment.status());
        assertEquals(0.9, experiment.metrics().get("accuracy"));
        StoredRun k = runs.get(2);
        assertEquals("run", k.kind());
        assertEquals("finished", k.status());
        assertEquals(Instant.parse("2026-11-23T05:42:18.610771336Z"), k.start());
        assertEquals(1.0, k.metrics().get("accuracy"));
        assertFalse(k.metrics().containsKey("examples"));
    }

    @Test
    void filtersByTextTagsStatusAndKind() throws IOException {
        assertEquals(List.of("20270101-000000-spirals"), ids(new Filter("SPIRALS", Set.of(), null, null)));
        assertEquals(3, ids(new Filter("xor", Set.of(), null, null)).size());
        assertEquals(List.of("repeats-xor-0123abcd"), ids(new Filter(null, Set.of(), null, "repeats")));
        store.tag(holdout, List.of("baseline", "paper"), List.of());
        store.tag(kfold, List.of("baseline"), List.of());
        assertEquals(List.of(TestFolders.KFOLD, TestFolders.HOLDOUT), ids(new Filter(null, Set.of("baseline"), null, null)));
        assertEquals(List.of(TestFolders.HOLDOUT), ids(new Filter(null, Set.of("baseline", "paper"), null, null)));
        Path running = TestFolders.run(dir, "20260101-000000-running", "xor", 1, "running",
                Instant.parse("2026-01-01T00:00:00Z"), Map.of());
        try (RunLock lock = RunLock.hold(running)) {
            assertEquals(List.of("20260101-000000-running"), ids(new Filter(null, Set.of(), "running", null)));
        }
        // recorded as running, and no process runs it: interrupted
        assertEquals(List.of("20260101-000000-running"), ids(new Filter(null, Set.of(), "interrupted", null)));
    }

    private List<String> ids(Filter f) throws IOException {
        return store.list(dir, f).stream().map(StoredRun::id).toList();
    }

    @Test
    void experimentWithFewerTrialsThanPlannedIsIncomplete() throws IOException {
        Map<String, Object> json = org.cajal.runfolder.Json.readObject(repeats.resolve("experiment.json"));
        FolderFiles.object(json, "settings").put("times", 5);
        org.cajal.runfolder.Json.write(repeats.resolve("experiment.json"), json);
        assertEquals("incomplete", store.describe(repeats).status());
    }

    @Test
    void tagsAreTrimmedKeptInOrderRemovedAndChecked() throws IOException {
        assertEquals(Set.of("baseline", "Lr 0.1"), store.tag(holdout, List.of(" baseline ", "Lr 0.1"), List.of()));
        assertTrue(Files.readString(holdout.resolve("tags.json")).contains("\"Lr 0.1\""));
        assertEquals(Set.of("Lr 0.1"), store.tag(holdout, List.of(), List.of("baseline")));
        assertEquals(Set.of("Lr 0.1"), DefaultRunStore.tags(holdout));
        IllegalArgumentException comma = assertThrows(IllegalArgumentException.class,
                () -> store.tag(holdout, List.of("a,b"), List.of()));
        assertTrue(comma.getMessage().contains("comma"), comma.getMessage());
        assertThrows(IllegalArgumentException.class, () -> store.tag(holdout, List.of("  "), List.of()));
        IOException notRun = assertThrows(IOException.class, () -> store.tag(dir.resolve("notes"), List.of("x"), List.of()));
        assertTrue(notRun.getMessage().contains("neither a run folder"), notRun.getMessage());
        assertFalse(Files.exists(dir.resolve("notes/tags.json")));
    }

    @Test
    void deleteRefusesFoldersThatAreNotRunsAndLeavesThemAlone() {
        IOException e = assertThrows(IOException.class, () -> store.delete(dir.resolve("notes")));
        assertTrue(e.getMessage().contains("neither a run folder"), e.getMessage());
        assertTrue(Files.exists(dir.resolve("notes/readme.txt")));
        assertThrows(IOException.class, () -> store.delete(dir.resolve("stray.txt")));
        assertTrue(Files.exists(dir.resolve("stray.txt")));
        assertThrows(IOException.class, () -> store.delete(dir));
        assertTrue(Files.exists(holdout.resolve("provenance.json")));
        assertThrows(IOException.class, () -> store.delete(dir.resolve("missing")));
    }

    @Test
    void deleteRefusesALinkToARunFolder() throws IOException {
        Path link = dir.resolve("link");
        Files.createSymbolicLink(link, holdout);
        assertThrows(IOException.class, () -> store.delete(link));
        assertTrue(Files.exists(holdout.resolve("provenance.json")));
    }

    @Test
    void deleteRemovesLinksInsideARunButNotWhatTheyPointTo() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("notes/keep"));
        Files.writeString(outside.resolve("data.csv"), "x");
        Files.createSymbolicLink(holdout.resolve("data"), outside);
        store.delete(holdout);
        assertFalse(Files.exists(holdout));
        assertTrue(Files.exists(outside.resolve("data.csv")));
    }

    @Test
    void deleteRefusesRunningRunsAndExperimentsWithARunningRun() throws IOException {
        Path running = TestFolders.run(dir, "20260101-000000-running", "xor", 1, "running",
                Instant.parse("2026-01-01T00:00:00Z"), Map.of());
        Path trial = TestFolders.run(repeats.resolve("runs"), "20260101-000001-xor", "xor", 9, "running",
                Instant.parse("2026-01-01T00:00:00Z"), Map.of());
        try (RunLock lock = RunLock.hold(running); RunLock trialLock = RunLock.hold(trial)) {
            IOException e = assertThrows(IOException.class, () -> store.delete(running));
            assertTrue(e.getMessage().contains("still running"), e.getMessage());
            assertTrue(Files.exists(running));
            assertEquals("running", store.describe(repeats).status());
            IOException ex = assertThrows(IOException.class, () -> store.delete(repeats));
            assertTrue(ex.getMessage().contains("still running"), ex.getMessage());
            assertTrue(Files.exists(repeats.resolve("experiment.json")));
        }
    }

    @Test
    void anInterruptedRunCanBeDeleted() throws IOException {
        // recorded as running, but the process that ran it was killed: nobody holds its lock
        Path killed = TestFolders.run(dir, "20260101-000000-killed", "xor", 1, "running",
                Instant.parse("2026-01-01T00:00:00Z"), Map.of());
        assertEquals("interrupted", store.describe(killed).status());
        store.delete(killed);
        assertFalse(Files.exists(killed));
    }

    @Test
    void deleteRemovesRunAndExperimentFolders() throws IOException {
        store.delete(kfold);
        store.delete(repeats);
        assertFalse(Files.exists(kfold));
        assertFalse(Files.exists(repeats));
        assertEquals(2, store.list(dir, Filter.ALL).size());
    }

    @Test
    void compareShowsTheUnionOfMetricsOneRowPerFolder() throws IOException {
        Path search = TestFolders.experiment(Files.createDirectories(dir.resolve("s")), "search", 3,
                Instant.parse("2026-12-02T00:00:00Z"));
        List<List<String>> table = store.compare(List.of(holdout, newer, repeats, search));
        assertEquals(List.of("run", "accuracy", "f1", "precision", "recall", "logLoss", "rocAuc", "f1PositiveClass"),
                table.get(0));
        assertEquals(5, table.size());
        assertEquals(TestFolders.HOLDOUT, table.get(1).get(0));
        assertEquals("0.00109449", table.get(1).get(5));
        assertEquals(List.of("20270101-000000-spirals", "0.75", "0.7", "", "", "", "", ""), table.get(2));
        assertEquals("0.9", table.get(3).get(1));
        // search: trial 3 is best (objective 0.2, results.csv's first row), accuracy 0.95
        assertEquals("0.95", table.get(4).get(1));
    }

    @Test
    void overlayHasOneSeriesPerRunAndNamesRunsWithoutTheColumn() throws IOException {
        Path other = TestFolders.run(dir, "20260102-000000-other", "other", 3, "finished",
                Instant.parse("2026-01-02T00:00:00Z"), Map.of());
        Files.writeString(other.resolve("metrics.csv"), "epoch,train_loss\n1,0.5\n");
        JFreeChart chart = OverlayChart.build(List.of(holdout, kfold, newer, other), "validation_accuracy");
        // hold-out, the 3-fold run's mean and its three folds, the newer run; "other" has no such column
        assertEquals(6, chart.getXYPlot().getDataset().getSeriesCount());
        assertEquals(TestFolders.HOLDOUT, chart.getXYPlot().getDataset().getSeriesKey(0));
        assertEquals(TestFolders.KFOLD + " (mean over folds)", chart.getXYPlot().getDataset().getSeriesKey(1));
        assertEquals(TestFolders.KFOLD + " fold 3", chart.getXYPlot().getDataset().getSeriesKey(4));
        assertTrue(subtitles(chart).contains("20260102-000000-other"), subtitles(chart));
        assertEquals(60, chart.getXYPlot().getDataset().getItemCount(0));
        IOException none = assertThrows(IOException.class, () -> OverlayChart.build(List.of(other), "nothing"));
        assertTrue(none.getMessage().contains("nothing"));
    }

    @Test
    void overlayDrawsRepeatsAsAMeanWithBandAndSearchesAsOneSeriesPerTrial() throws IOException {
        Path search = TestFolders.experiment(Files.createDirectories(dir.resolve("s")), "search", 3,
                Instant.parse("2026-12-02T00:00:00Z"));
        JFreeChart chart = OverlayChart.build(List.of(repeats, search), "validation_loss");
        var data = (org.jfree.data.xy.YIntervalSeriesCollection) chart.getXYPlot().getDataset();
        assertEquals(4, data.getSeriesCount());
        assertEquals(0.65, data.getStartYValue(0, 0), 1e-12);
        assertEquals(0.85, data.getEndYValue(0, 0), 1e-12);
        assertTrue(chart.getXYPlot().getRenderer() instanceof org.jfree.chart.renderer.xy.DeviationRenderer);
        // and the service's drawing renders
        org.cajal.charts.ChartDrawings.image(store.overlay(List.of(repeats, holdout), "validation_loss"), 300, 200);
    }

    private static String subtitles(JFreeChart chart) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof TextTitle t) {
                b.append(t.getText());
            }
        }
        return b.toString();
    }
}
