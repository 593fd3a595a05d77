package org.cajal.workbench.runs;

import static org.cajal.workbench.run.FakeWorkbench.flush;
import static org.cajal.workbench.run.FakeWorkbench.onEdt;
import static org.cajal.workbench.run.FakeWorkbench.runFolder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JTextField;

import org.cajal.experiments.Comparison;
import org.cajal.experiments.Reproducibility;
import org.cajal.experiments.RunStore;
import org.cajal.workbench.core.ExperimentServices;
import org.cajal.workbench.experiments.FakeExperiments;
import org.cajal.workbench.run.FakeWorkbench;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunsPanelExperimentsTest {

    @TempDir
    Path home;

    private Path runs;
    private Path run;
    private Path repeatsA;
    private Path repeatsB;
    private FakeWorkbench fake;
    private FakeExperiments services;
    private FakeExperiments.QueuedDialogs dialogs;
    private RunsPanel panel;

    @BeforeEach
    void setUp() throws IOException {
        runs = home.resolve("runs");
        run = runFolder(runs, "20240101-100000-iris", "iris", "2024-01-01T10:00:00Z", "finished",
                "epoch,train_loss,validation_loss\n1,0.9,0.8\n2,0.5,0.45\n", "{\"accuracy\": 0.95}");
        repeatsA = Files.createDirectories(runs.resolve("repeats-xor-aaaa1111"));
        repeatsB = Files.createDirectories(runs.resolve("repeats-xor-bbbb2222"));
        Files.writeString(repeatsA.resolve("curves.csv"), "epoch,validation_loss_mean,validation_loss_low,"
                + "validation_loss_high,validation_loss_n\n1,0.7,0.6,0.8,5\n2,0.4,0.35,0.45,5\n");
        services = new FakeExperiments();
        services.store.listed = List.of(
                stored(repeatsB, "repeats", "2024-01-03T10:00:00Z", Set.of()),
                stored(repeatsA, "repeats", "2024-01-02T10:00:00Z", Set.of("baseline")),
                stored(run, "run", "2024-01-01T10:00:00Z", new java.util.LinkedHashSet<>(List.of("baseline", "small"))));
        fake = new FakeWorkbench(home, runs);
        fake.workbench.setExperiments(services.services());
        dialogs = new FakeExperiments.QueuedDialogs();
        fake.workbench.setDialogs(dialogs);
        onEdt(() -> panel = new RunsPanel(fake.workbench));
        onEdt(() -> panel.refresh());
        flush();
    }

    private static RunStore.StoredRun stored(Path folder, String kind, String start, Set<String> tags) {
        return new RunStore.StoredRun(folder, folder.getFileName().toString(), kind, "xor", Instant.parse(start),
                "finished", tags, Map.of("accuracy", 0.9));
    }

    @Test
    void listsKindAndTagsFromTheRunStoreAndFilters() {
        assertEquals(3, panel.table().getRowCount());
        assertEquals("repeats", panel.table().getValueAt(0, RunsTableModel.KIND));
        assertEquals("baseline, small", panel.table().getValueAt(2, RunsTableModel.TAGS));
        assertEquals(2, panel.model().row(1).run().metrics().size(), "an experiment's mean curve from curves.csv");
        assertTrue(panel.model().metricColumns().contains("validation_loss"));

        onEdt(() -> find(JTextField.class, "runs.filter").setText("IRIS"));
        assertEquals(1, panel.table().getRowCount());
        assertEquals("1 of 3 runs shown", find(javax.swing.JLabel.class, "runs.status").getText());
        onEdt(() -> find(JTextField.class, "runs.filter").setText(""));
        assertEquals(3, panel.table().getRowCount());

        @SuppressWarnings("unchecked")
        JComboBox<String> tags = find(JComboBox.class, "runs.tagFilter");
        assertEquals(3, tags.getItemCount(), "(any tag), baseline, small");
        onEdt(() -> tags.setSelectedItem("baseline"));
        assertEquals(2, panel.table().getRowCount());
        onEdt(() -> tags.setSelectedItem("small"));
        assertEquals(1, panel.table().getRowCount());
        onEdt(() -> tags.setSelectedItem(FilterBar.ANY_TAG));
        assertEquals(3, panel.table().getRowCount());
    }

    @Test
    void tagsAndDeletesThroughTheStore() {
        onEdt(() -> panel.table().setRowSelectionInterval(1, 2));
        dialogs.inputs.add("good, -small, ");
        onEdt(() -> button("runs.tag").doClick());
        flush();
        assertEquals(List.of("tag repeats-xor-aaaa1111 +[good] -[small]", "tag 20240101-100000-iris +[good] -[small]"),
                services.store.calls);

        services.store.calls.clear();
        dialogs.confirms.add(false);
        onEdt(() -> panel.table().setRowSelectionInterval(0, 0));
        onEdt(() -> button("runs.delete").doClick());
        flush();
        assertTrue(services.store.calls.isEmpty(), "not confirmed: nothing deleted");
        assertTrue(dialogs.asked.get(dialogs.asked.size() - 1).contains(repeatsB.toString()),
                "the confirmation names the folder");

        dialogs.confirms.add(true);
        onEdt(() -> button("runs.delete").doClick());
        flush();
        assertEquals(List.of("delete repeats-xor-bbbb2222"), services.store.calls);
        assertTrue(fake.notifier.errors.isEmpty());
    }

    @Test
    void comparesTwoRepeatsWithTheCorrectedTTest() {
        services.repeats.comparison = new Comparison("accuracy", 5, 0.91, 0.88, 0.03, 0.01, 3.2, 4, 0.033, 3.0,
                0.004, 0.056, "A is better than B by 0.03 accuracy (p = 0.033).");
        onEdt(() -> panel.table().setRowSelectionInterval(0, 1));
        onEdt(() -> button("runs.compare").doClick());
        flush();
        assertEquals(List.of("compare 2"), services.store.calls);
        assertEquals(1, panel.compareTable().getRowCount());
        assertEquals("accuracy", panel.compareTable().getColumnName(1));
        String verdict = panel.compareVerdict().getText();
        assertTrue(verdict.startsWith("A is better than B"), verdict);
        assertTrue(verdict.contains("df = 4"), verdict);
        assertEquals(1, services.repeats.calls.size());

        // a plain hold-out run cannot be paired: side by side only
        onEdt(() -> panel.table().setRowSelectionInterval(1, 2));
        onEdt(() -> button("runs.compare").doClick());
        flush();
        assertTrue(panel.compareVerdict().getText().contains("side by side only"));
        assertEquals(1, services.repeats.calls.size());
    }

    @Test
    void overlaysThroughTheStore() {
        onEdt(() -> panel.table().setRowSelectionInterval(0, 2));
        onEdt(() -> button("runs.overlay").doClick());
        flush();
        assertEquals(List.of("overlay 3 validation_loss"), services.store.calls);
        assertNotNull(panel.overlayCanvas().drawing());
    }

    @Test
    void bundleReportAndRerun() throws IOException {
        onEdt(() -> panel.table().setRowSelectionInterval(2, 2));
        Path zip = home.resolve("b.zip");
        dialogs.files.add(zip);
        onEdt(() -> button("runs.bundle").doClick());
        flush();
        assertEquals(List.of("bundle 20240101-100000-iris b.zip"), services.repro.calls);

        dialogs.files.add(home.resolve("report"));
        onEdt(() -> button("runs.report").doClick());
        flush();
        assertTrue(dialogs.shown.get(0).contains("methods.md"), dialogs.shown.toString());

        services.repro.rerun = new Reproducibility.Rerun(zip, runs.resolve("again"), false,
                List.of("accuracy: 0.9125 in the bundle, 0.9100 now"));
        dialogs.files.add(zip);
        onEdt(() -> button("runs.rerun").doClick());
        flush();
        String shown = dialogs.shown.get(1);
        assertTrue(shown.startsWith("Rerun: differences"), shown);
        assertTrue(shown.contains("0.9100 now"), shown);
    }

    @Test
    void withoutTheServicesTheButtonsSayWhy() {
        fake.workbench.setExperiments(ExperimentServices.NONE);
        onEdt(() -> panel.refresh());
        flush();
        // the fallback lists the run folders directly (experiments have no provenance.json)
        assertEquals(1, panel.table().getRowCount());
        onEdt(() -> panel.table().setRowSelectionInterval(0, 0));
        for (String name : List.of("runs.tag", "runs.delete", "runs.compare", "runs.bundle", "runs.report",
                "runs.rerun")) {
            assertFalse(button(name).isEnabled(), name);
            assertEquals(ExperimentServices.MISSING, button(name).getToolTipText(), name);
        }
        assertTrue(button("runs.overlay").isEnabled());
        assertTrue(button("runs.open").isEnabled());
    }

    private JButton button(String name) {
        return find(JButton.class, name);
    }

    private <T> T find(Class<T> type, String name) {
        T found = RunsPanelTest.find(panel.component(), name, type);
        assertNotNull(found, name);
        return found;
    }
}
