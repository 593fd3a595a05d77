package org.cajal.workbench.experiments;

import static org.cajal.workbench.experiments.FakeExperiments.trial;
import static org.cajal.workbench.run.FakeWorkbench.flush;
import static org.cajal.workbench.run.FakeWorkbench.onEdt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.cajal.experiments.Comparison;
import org.cajal.experiments.Repeats;
import org.cajal.experiments.Summary;
import org.cajal.workbench.core.ExperimentServices;
import org.cajal.workbench.run.FakeWorkbench;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentsPanelTest {

    @TempDir
    Path home;

    private Path folder;
    private FakeWorkbench fake;
    private FakeExperiments services;
    private ExperimentsPanel panel;

    @BeforeEach
    void setUp() throws IOException {
        folder = Files.createDirectories(home.resolve("runs").resolve("search-demo-12345678"));
        services = new FakeExperiments();
        services.searches.folder = folder;
        services.repeats.folder = folder;
        fake = new FakeWorkbench(home, home.resolve("runs"));
        fake.workbench.setExperiments(services.services());
        onEdt(() -> panel = new ExperimentsPanel(fake.workbench));
    }

    @Test
    void searchFillsTheTableLiveAndSelectsTheBest() throws IOException {
        List<Path> opened = new CopyOnWriteArrayList<>();
        fake.workbench.setPipelineOpener(opened::add);
        SearchTab search = panel.search();
        onEdt(() -> {
            search.prefill();
            search.trialsSpinner().setValue(3);
            search.start.doClick();
        });
        flush();
        assertEquals(1, services.searches.searched.size());
        var options = services.searches.searched.get(0);
        assertEquals(3, options.trials());
        assertEquals(home.resolve("runs"), options.runsDirectory());
        assertTrue(((Map<?, ?>) options.search().get("parameters")).containsKey(
                "training.optimizer.params.learningRate"));
        assertEquals("{\"name\": \"demo\"}", services.searches.sources.get(0).json());
        assertFalse(search.start.isEnabled());
        assertTrue(search.stop.isEnabled());

        FakeExperiments.FakeExperiment e = services.searches.experiments.get(0);
        e.listener.message("resumed 1 finished trial");
        e.finish(trial(1, Map.of("training.optimizer.params.learningRate", 0.01), "finished", 0.4, Map.of()));
        e.finish(trial(2, Map.of("training.optimizer.params.learningRate", 0.1), "finished", 0.2, Map.of()));
        e.finish(trial(3, Map.of("training.optimizer.params.learningRate", 0.001), "failed", Double.NaN, Map.of()));
        flush();
        assertEquals(3, search.table().getRowCount());
        assertEquals(1, search.table().convertRowIndexToModel(search.table().getSelectedRow()), "best selected");
        assertEquals(2, search.objectiveSeries().getItemCount());
        assertTrue(search.status.getText().contains("best: trial 2"), search.status.getText());

        Files.writeString(folder.resolve("best-pipeline.json"), "{}");
        e.complete();
        flush();
        assertTrue(search.start.isEnabled());
        assertTrue(search.openBestButton().isEnabled());
        onEdt(() -> search.openBestButton().doClick());
        assertEquals(List.of(folder.resolve("best-pipeline.json")), opened);
        assertTrue(fake.notifier.errors.isEmpty(), fake.notifier.errors.toString());
    }

    @Test
    void badSearchTextIsReportedAndNothingStarts() {
        onEdt(() -> {
            panel.search().section().setText("{\"parameters\": ");
            panel.search().start.doClick();
        });
        flush();
        assertTrue(services.searches.searched.isEmpty());
        assertEquals(1, fake.notifier.errors.size());
        assertTrue(fake.notifier.errors.get(0).contains("not valid JSON"), fake.notifier.errors.get(0));
    }

    @Test
    void stopCancelsTheSearch() {
        onEdt(() -> {
            panel.search().prefill();
            panel.search().start.doClick();
        });
        flush();
        onEdt(() -> panel.search().stop.doClick());
        flush();
        assertTrue(services.searches.experiments.get(0).cancelled);
        assertTrue(panel.search().start.isEnabled());
    }

    @Test
    void repeatsShowTheSummaryAndItsBandAndFeedCompare() {
        Map<String, Summary> metrics = new LinkedHashMap<>();
        metrics.put("accuracy", new Summary(3, 0.9, 0.01, 0.875, 0.925));
        services.repeats.summary = new Repeats.RepeatSummary(folder, List.of(1L, 2L, 3L), 1, metrics,
                Map.of("validation_loss", List.of(new Summary(3, 0.5, 0.1, 0.25, 0.75),
                        new Summary(3, 0.3, 0.1, 0.05, 0.55))));
        RepeatsTab repeats = panel.repeats();
        onEdt(() -> repeats.start.doClick());
        flush();
        assertEquals(List.of("repeat 5 1 " + RepeatsTab.ONE_PER_CORE), services.repeats.calls);
        services.repeats.experiments.get(0).complete();
        flush();
        assertEquals(1, repeats.table().getRowCount());
        assertEquals("accuracy", repeats.table().getValueAt(0, 0));
        assertEquals("validation_loss", repeats.columnChoice().getSelectedItem());
        assertEquals(2, repeats.bandData().getItemCount(0));
        assertEquals(0.05, repeats.bandData().getStartYValue(0, 1), 1e-12);
        assertTrue(repeats.report.isEnabled());

        // Compare: with one repeats done in this session the store supplies the rest; here compare directly
        services.repeats.comparison = new Comparison("accuracy", 3, 0.9, 0.8, 0.1, 0.02, 5.0, 2, 0.04, 5.0, 0.01,
                0.19, "A is better.");
        CompareTab compare = panel.compare();
        onEdt(() -> {
            compare.fieldA().setText(folder.toString());
            compare.fieldB().setText(folder.toString());
        });
        onEdt(() -> RunsPanelTestAccess.click(compare.component(), "experiments.compare.run"));
        flush();
        assertTrue(compare.verdict().getText().startsWith("A is better."), compare.verdict().getText());
        assertEquals(11, compare.table().getRowCount(), "eleven quantities");
    }

    @Test
    void sweepSendsItsSettingsAndDrawsSweepCsv() throws IOException {
        SweepTab sweep = panel.sweep();
        onEdt(() -> {
            sweep.pathField().setText("training.epochs");
            sweep.valuesField().setText("5, 10, 20");
            sweep.start.doClick();
        });
        flush();
        var options = services.searches.swept.get(0);
        assertEquals("training.epochs", options.path());
        assertEquals(List.of(5L, 10L, 20L), options.values());
        Files.writeString(folder.resolve("sweep.csv"), "value,train_error,validation_error\n5,0.3,0.35\n10,0.2,0.3\n");
        FakeExperiments.FakeExperiment e = services.searches.experiments.get(0);
        e.finish(trial(1, Map.of("training.epochs", 5L), "finished", 0.35, Map.of()));
        flush();
        assertEquals(2, sweep.errorData().getSeriesCount());
        assertEquals(2, sweep.errorData().getItemCount(0));
    }

    @Test
    void withoutServicesStartIsDisabledAndSaysWhy() {
        fake.workbench.setExperiments(ExperimentServices.NONE);
        fake.workbench.catalogChanged(fake.workbench.catalog());
        flush();
        for (ExperimentTab tab : List.of(panel.search(), panel.repeats(), panel.sweep())) {
            assertFalse(tab.start.isEnabled());
            assertEquals(ExperimentServices.MISSING, tab.start.getToolTipText());
        }
    }

    @Test
    void suggestionsFollowTheOpenPipelineUntilEdited() {
        SearchTab search = panel.search();
        SweepTab sweep = panel.sweep();
        onEdt(() -> {
            search.prefillIfUntouched();
            sweep.prefillIfUntouched();
        });
        assertTrue(search.section().getText().contains("'demo'"));
        assertEquals("training.epochs", sweep.pathField().getText(), "the demo pipeline's layer has no units");
        assertEquals("1, 3, 6", sweep.valuesField().getText(), "a quarter, half, the same, double; no repeats");
        onEdt(() -> {
            search.section().setText("{\"parameters\": {\"training.epochs\": {\"choices\": [1, 2]}}}");
            sweep.pathField().setText("depth");
            search.prefillIfUntouched();
            sweep.prefillIfUntouched();
        });
        assertTrue(search.section().getText().startsWith("{\"parameters\""), "edited text is kept");
        assertEquals("depth", sweep.pathField().getText());
    }

    /** Finds and clicks a named button. */
    static final class RunsPanelTestAccess {
        static void click(java.awt.Container root, String name) {
            for (java.awt.Component c : root.getComponents()) {
                if (name.equals(c.getName()) && c instanceof javax.swing.JButton b) {
                    b.doClick();
                    return;
                }
                if (c instanceof java.awt.Container child) {
                    click(child, name);
                }
            }
        }
    }
}
