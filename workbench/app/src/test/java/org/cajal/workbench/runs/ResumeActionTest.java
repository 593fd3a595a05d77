package org.cajal.workbench.runs;

import static org.cajal.workbench.run.FakeWorkbench.flush;
import static org.cajal.workbench.run.FakeWorkbench.onEdt;
import static org.cajal.workbench.run.FakeWorkbench.runFolder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import javax.swing.JButton;

import org.cajal.workbench.run.FakeWorkbench;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Runs view's Resume button is enabled for one interrupted run only (recorded running, its lock free) and hands
 * the run's folder to the executor's resume; a refusal is shown with its reason.
 */
class ResumeActionTest {

    @Test
    void resumesTheSelectedInterruptedRunOnly(@TempDir Path home) throws Exception {
        Path runs = home.resolve("runs");
        runFolder(runs, "20240101-100000-done", "done", "2024-01-01T10:00:00Z", "finished",
                "epoch,train_loss,validation_loss,validation_accuracy\n1,0.9,0.8,0.6\n", "{\"accuracy\": 0.6}");
        // recorded as running, with nobody holding its lock: its process was killed
        runFolder(runs, "20240102-100000-killed", "killed", "2024-01-02T10:00:00Z", "running",
                "epoch,train_loss,validation_loss,validation_accuracy\n1,0.9,0.8,0.6\n", null);
        FakeWorkbench fake = new FakeWorkbench(home, runs);
        RunsPanel[] panel = new RunsPanel[1];
        onEdt(() -> panel[0] = new RunsPanel(fake.workbench));
        onEdt(() -> panel[0].refresh());
        flush();
        JButton resume = RunsPanelTest.find(panel[0].component(), "runs.resume", JButton.class);
        assertEquals("interrupted", panel[0].table().getValueAt(0, RunsTableModel.STATUS));
        onEdt(() -> panel[0].table().setRowSelectionInterval(1, 1));
        assertFalse(resume.isEnabled(), "a finished run is not resumed");
        onEdt(() -> panel[0].table().setRowSelectionInterval(0, 0));
        assertTrue(resume.isEnabled(), "an interrupted run can be resumed");
        onEdt(resume::doClick);
        flush();
        assertEquals(1, fake.notifier.errors.size(), fake.notifier.errors::toString);
        assertTrue(fake.notifier.errors.get(0).startsWith("Cannot resume 20240102-100000-killed: "
                + runs.resolve("20240102-100000-killed")), fake.notifier.errors::toString);
    }
}
