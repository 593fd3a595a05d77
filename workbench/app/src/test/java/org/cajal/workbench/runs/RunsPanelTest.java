package org.cajal.workbench.runs;

import static org.cajal.workbench.run.FakeWorkbench.flush;
import static org.cajal.workbench.run.FakeWorkbench.onEdt;
import static org.cajal.workbench.run.FakeWorkbench.runFolder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.swing.JButton;

import org.cajal.api.train.TrainingEvent;
import org.cajal.runfolder.RunLock;
import org.cajal.workbench.core.Metrics;
import org.cajal.workbench.run.FakeWorkbench;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunsPanelTest {

    @TempDir
    Path home;

    private Path runs;
    private Path older;
    private Path newer;
    private FakeWorkbench fake;
    private RunsPanel panel;

    @BeforeEach
    void setUp() throws IOException {
        runs = home.resolve("runs");
        older = runFolder(runs, "20240101-100000-iris", "iris", "2024-01-01T10:00:00Z", "finished",
                "epoch,train_loss,validation_loss,validation_accuracy\n1,0.9,0.8,0.6\n2,0.5,0.45,0.8\n3,0.3,0.35,0.9\n",
                "{\n  \"accuracy\" : 0.95,\n  \"f1\" : 0.94,\n  \"classes\" : [ \"a\", \"b\" ],\n"
                        + "  \"confusionMatrix\" : [ [ 19, 1 ], [ 1, 19 ] ]\n}\n");
        newer = runFolder(runs, "20240102-090000-housing", "housing", "2024-01-02T09:00:00Z", "cancelled",
                "epoch,train_loss,validation_loss,validation_mse\n1,2.0,1.9,1.9\n2,1.0,1.1,1.1\n",
                "{ \"mse\": 0.5, \"mae\": 0.4, \"rmse\": 0.7071, \"r2\": 0.8 }");
        Files.createDirectories(runs.resolve("not-a-run"));
        fake = new FakeWorkbench(home, runs);
        onEdt(() -> panel = new RunsPanel(fake.workbench));
    }

    private void refresh() {
        onEdt(() -> panel.refresh());
        flush();
    }

    private Object cell(int viewRow, int column) {
        return panel.table().getValueAt(viewRow, column);
    }

    @Test
    void listsRunFoldersNewestFirst() {
        refresh();
        assertEquals("runs.table", panel.table().getName());
        assertEquals(2, panel.table().getRowCount());
        assertEquals("20240102-090000-housing", cell(0, RunsTableModel.RUN));
        assertEquals("housing", cell(0, RunsTableModel.PIPELINE));
        assertEquals("cancelled", cell(0, RunsTableModel.STATUS));
        assertEquals(2, cell(0, RunsTableModel.EPOCHS));
        assertEquals(new Metrics.Headline("r2", 0.8), cell(0, RunsTableModel.RESULT));
        assertEquals("20240101-100000-iris", cell(1, RunsTableModel.RUN));
        assertEquals(3, cell(1, RunsTableModel.EPOCHS));
        assertEquals("accuracy 0.95", cell(1, RunsTableModel.RESULT).toString());
        assertTrue(((String) cell(1, RunsTableModel.STARTED)).startsWith("2024-01-0"));
    }

    @Test
    void sortsByAnyColumn() {
        refresh();
        onEdt(() -> panel.table().getRowSorter().toggleSortOrder(RunsTableModel.PIPELINE));
        assertEquals("housing", cell(0, RunsTableModel.PIPELINE));
        assertEquals("iris", cell(1, RunsTableModel.PIPELINE));
        onEdt(() -> panel.table().getRowSorter().toggleSortOrder(RunsTableModel.EPOCHS));
        assertEquals(2, cell(0, RunsTableModel.EPOCHS));
    }

    @Test
    void opensTheSelectedRun() {
        refresh();
        List<Path> opened = new CopyOnWriteArrayList<>();
        fake.workbench.runs().addRunOpenedListener(opened::add);
        onEdt(() -> {
            panel.table().setRowSelectionInterval(1, 1);
            button("runs.open").doClick();
        });
        flush();
        assertEquals(List.of(older), opened);
    }

    @Test
    void overlaysTheValidationLossOfTheSelectedRuns() {
        refresh();
        assertEquals(List.of("train_loss", "validation_loss", "validation_mse", "validation_accuracy"),
                panel.model().metricColumns());
        assertEquals("validation_loss", panel.overlayMetric().getSelectedItem());
        onEdt(() -> {
            panel.table().setRowSelectionInterval(0, 1);
            button("runs.overlay").doClick();
        });
        var overlay = panel.overlayDataset();
        assertEquals(2, overlay.getSeriesCount());
        assertEquals("housing, seed 42", overlay.getSeriesKey(0), "the legend names the pipeline and seed");
        assertEquals(2, overlay.getSeries(0).getItemCount());
        assertEquals(3, overlay.getSeries(1).getItemCount());
        assertEquals(0.35, overlay.getSeries(1).getY(2).doubleValue(), 1e-12);

        onEdt(() -> panel.overlayMetric().setSelectedItem("validation_accuracy"));
        assertEquals(1, overlay.getSeriesCount(), "only the classification run has accuracy");
        assertEquals("iris, seed 42", overlay.getSeriesKey(0));
    }

    @Test
    void refreshesWhenARunEnds() throws IOException {
        refresh();
        assertEquals(2, panel.table().getRowCount());
        runFolder(runs, "20240103-080000-iris", "iris", "2024-01-03T08:00:00Z", "finished",
                "epoch,train_loss,validation_loss,validation_accuracy\n1,0.9,0.8,0.6\n", "{\"accuracy\": 0.5}");
        fake.workbench.runs().publish(new TrainingEvent.Finished("20240103-080000-iris", runs, java.util.Map.of()));
        flush();
        assertEquals(3, panel.table().getRowCount());
        assertEquals("20240103-080000-iris", cell(0, RunsTableModel.RUN));
    }

    @Test
    void aRunTheRuntimeCannotReadIsStillListed() throws IOException {
        fake.runner.records = folder -> {
            throw new IllegalStateException("no model");
        };
        Path running = runFolder(runs, "20240104-080000-x", "x", "not a time", "running", null, null);
        // a run that is running holds its folder's lock (without it, it would read as interrupted)
        RunLock lock = RunLock.hold(running);
        refresh();
        lock.close();
        assertEquals(3, panel.table().getRowCount());
        int row = -1;
        for (int i = 0; i < 3; i++) {
            if (cell(i, RunsTableModel.RUN).equals("20240104-080000-x")) {
                row = i;
            }
        }
        assertEquals(2, row, "a run without a start time is listed last");
        assertEquals("running", cell(row, RunsTableModel.STATUS));
        assertNull(cell(row, RunsTableModel.EPOCHS));
        assertTrue(Files.isDirectory(running));
        // the others fall back to reading their files directly
        assertEquals(2, cell(0, RunsTableModel.EPOCHS));
        assertEquals(new Metrics.Headline("r2", 0.8), cell(0, RunsTableModel.RESULT));
    }

    private JButton button(String name) {
        return find(panel.component(), name, JButton.class);
    }

    static <T> T find(java.awt.Container root, String name, Class<T> type) {
        for (java.awt.Component c : root.getComponents()) {
            if (name.equals(c.getName()) && type.isInstance(c)) {
                return type.cast(c);
            }
            if (c instanceof java.awt.Container child) {
                T found = find(child, name, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
