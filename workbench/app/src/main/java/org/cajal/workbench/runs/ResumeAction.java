package org.cajal.workbench.runs;

import java.nio.file.Path;
import java.util.List;

import javax.swing.JButton;
import javax.swing.JTable;
import javax.swing.SwingUtilities;

import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.PipelineExecutor;
import org.cajal.api.run.RunStatus;
import org.cajal.workbench.core.Workbench;

/**
 * The runs view's Resume button: continues the selected interrupted run (its process died) from its last checkpoint
 * through the runtime's {@link PipelineExecutor#resume}, as {@code cajal resume} does. The run's training events go
 * to the workbench's run bus, so the list refreshes when it ends; a refusal (no checkpoint, still running elsewhere)
 * is shown with its reason. Event-dispatch thread.
 *
 * <p>Swing name: {@code runs.resume}.
 */
final class ResumeAction {

    private final RunsPanel view;
    private final Workbench workbench;
    private final JButton button = new JButton("Resume");

    ResumeAction(RunsPanel view, Workbench workbench) {
        this.view = view;
        this.workbench = workbench;
        button.setName("runs.resume");
        button.addActionListener(e -> resumeSelected());
        JTable table = view.table();
        table.getSelectionModel().addListSelectionListener(e -> update());
        table.getModel().addTableModelListener(e -> SwingUtilities.invokeLater(this::update));
        update();
    }

    JButton button() {
        return button;
    }

    private Path selectedInterrupted() {
        List<RunRow> runs = view.selectedRuns();
        if (runs.size() != 1 || !"run".equals(runs.get(0).kind())
                || !RunStatus.INTERRUPTED.id().equals(runs.get(0).run().status())) {
            return null;
        }
        return runs.get(0).run().folder();
    }

    private void update() {
        boolean one = selectedInterrupted() != null;
        button.setEnabled(one);
        button.setToolTipText(one ? "Continue the interrupted run from its last checkpoint"
                : "Select one interrupted run (its process was killed or crashed) to resume it");
    }

    private void resumeSelected() {
        Path folder = selectedInterrupted();
        if (folder == null) {
            return;
        }
        PipelineExecutor executor;
        try {
            executor = workbench.runtime().executor();
        } catch (IllegalStateException e) {
            workbench.notifier().error("Cannot resume " + folder.getFileName(), e.getMessage());
            return;
        }
        button.setEnabled(false);
        view.status("Resuming " + folder.getFileName() + "…");
        view.background(() -> {
            try {
                executor.resume(folder, workbench.runs()::publish).await();
                SwingUtilities.invokeLater(() -> view.status("Resumed " + folder.getFileName() + ": it has ended"));
            } catch (PipelineException e) {
                SwingUtilities.invokeLater(() -> view.status(" "));
                workbench.notifier().error("Cannot resume " + folder.getFileName(), e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
