package org.cajal.workbench.core;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import javax.swing.JComponent;
import javax.swing.SwingUtilities;

import org.cajal.experiments.Reproducibility;

/**
 * Exports a run's or experiment's report (methods, result tables, charts) through the experiments bundle's
 * {@link Reproducibility}: the runs view and the experiments view offer it. Event-dispatch thread.
 */
public final class ReportExport {

    private ReportExport() {
    }

    /** Asks for a folder and exports the report of a run or experiment there; lists the files written. */
    public static void export(Workbench workbench, JComponent parent, Reproducibility repro, Path folder) {
        Path out = workbench.dialogs().chooseFolder(parent, "Export report of " + folder.getFileName() + " into",
                folder.getParent());
        if (out == null) {
            return;
        }
        workbench.notifier().status("Exporting the report of " + folder.getFileName() + "…");
        try {
            workbench.background().execute(() -> {
                try {
                    List<Path> files = repro.report(folder, out);
                    String list = files.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
                    SwingUtilities.invokeLater(() -> {
                        workbench.notifier().status("Report written to " + out);
                        workbench.dialogs().inform(parent, "Report written", "The report of "
                                + folder.getFileName() + " is in " + out + ":\n" + list);
                    });
                } catch (IOException | RuntimeException e) {
                    workbench.notifier().error("Cannot export the report", "Writing into " + out + " failed: "
                            + Messages.of(e));
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            workbench.notifier().status("The workbench is closing.");
        }
    }
}
