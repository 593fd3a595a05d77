package org.cajal.workbench.runs;

import java.awt.Component;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import javax.swing.JButton;
import javax.swing.JMenuItem;
import javax.swing.JPopupMenu;
import javax.swing.SwingUtilities;

import org.cajal.workbench.core.LauncherCommands;
import org.cajal.workbench.core.Workbench;

/**
 * The Runs view's {@code Export…}: the selected run's trained model as ONNX (model.onnx with preprocessing.json) or
 * as a PyTorch script (cajal_model.py with its data, split, preprocessing and weights), into a folder the user
 * picks, by the export command of the bundle {@code org.cajal.explain} on the background executor (docs/export.md).
 * Event-dispatch thread.
 *
 * <p>Swing names: {@code runs.export}, {@code runs.export.onnx}, {@code runs.export.pytorch}.
 */
final class ExportActions {

    private final Workbench workbench;
    private final Supplier<Path> selectedRun;
    private final JButton button = new JButton("Export…");

    /** @param selectedRun the one selected run folder, or null when none or several are selected */
    ExportActions(Workbench workbench, Supplier<Path> selectedRun) {
        this.workbench = workbench;
        this.selectedRun = selectedRun;
        button.setName("runs.export");
        button.setToolTipText("Export the selected run's model as ONNX or as a PyTorch script");
        JPopupMenu formats = new JPopupMenu();
        formats.add(item("ONNX (model.onnx, preprocessing.json)…", "runs.export.onnx", "onnx"));
        formats.add(item("PyTorch script (cajal_model.py)…", "runs.export.pytorch", "pytorch"));
        button.addActionListener(e -> formats.show(button, 0, button.getHeight()));
    }

    JButton button() {
        return button;
    }

    private JMenuItem item(String text, String name, String format) {
        JMenuItem item = new JMenuItem(text);
        item.setName(name);
        item.addActionListener(e -> export(format));
        return item;
    }

    void export(String format) {
        Path run = selectedRun.get();
        Component parent = button;
        if (run == null) {
            workbench.dialogs().inform(parent, "Export", "Select one finished run to export.");
            return;
        }
        Path dir = workbench.dialogs().chooseFolder(parent, "Export " + run.getFileName() + " as " + format
                + " into", run);
        if (dir == null) {
            return;
        }
        workbench.notifier().status("Exporting " + run.getFileName() + " as " + format + "…");
        workbench.background().execute(() -> {
            LauncherCommands.Outcome o = LauncherCommands.run(workbench, "export", "org.cajal.explain",
                    List.of(run.toString(), "--format", format, "--out", dir.toString()));
            SwingUtilities.invokeLater(() -> {
                if (o.ok()) {
                    workbench.notifier().status("Exported " + run.getFileName() + " to " + dir);
                    workbench.dialogs().inform(parent, "Export", o.out().strip());
                } else {
                    workbench.notifier().error("Export", o.err().strip());
                }
            });
        });
    }
}
