package org.cajal.workbench.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.swing.JButton;
import javax.swing.SwingUtilities;

import org.cajal.api.pipeline.PipelineException;
import org.cajal.experiments.ExperimentListener;
import org.cajal.experiments.Reproducibility;
import org.cajal.workbench.core.Messages;
import org.cajal.workbench.core.ReportExport;
import org.cajal.workbench.core.Workbench;

/**
 * The runs view's Bundle…, Report… and Rerun… buttons, through the experiments bundle's {@link Reproducibility}:
 * a reproducibility zip of the selected run or experiment, its report, and a bundle run again with the verdict
 * whether its numbers are identical. Event-dispatch thread.
 *
 * <p>Swing names: {@code runs.bundle}, {@code runs.report}, {@code runs.rerun}.
 */
final class ReproducibilityActions {

    private final RunsPanel view;
    private final Workbench workbench;
    private final JButton bundle = new JButton("Bundle…");
    private final JButton report = new JButton("Report…");
    private final JButton rerun = new JButton("Rerun…");

    ReproducibilityActions(RunsPanel view, Workbench workbench) {
        this.view = view;
        this.workbench = workbench;
        bundle.setName("runs.bundle");
        bundle.addActionListener(e -> bundleSelected());
        report.setName("runs.report");
        report.addActionListener(e -> reportSelected());
        rerun.setName("runs.rerun");
        rerun.addActionListener(e -> rerunBundle());
    }

    /** Bundle…, Report…, Rerun…, in the toolbar's order. */
    List<JButton> buttons() {
        return List.of(bundle, report, rerun);
    }

    /** Enables the buttons for a selection of n rows. */
    void update(int n, boolean repro) {
        RunsPanel.enable(bundle, repro, n == 1, "Write a reproducibility bundle (zip) of the selected run or "
                + "experiment", "Select one run or experiment");
        RunsPanel.enable(report, repro, n == 1, "Export a report (methods, result tables, charts) of the selected "
                + "run or experiment", "Select one run or experiment");
        RunsPanel.enable(rerun, repro, true, "Run a reproducibility bundle again and check the numbers are "
                + "identical", "");
    }

    private void bundleSelected() {
        List<RunRow> runs = view.selectedRuns();
        Reproducibility repro = workbench.experiments().reproducibility().orElse(null);
        if (runs.size() != 1 || repro == null) {
            return;
        }
        Path folder = runs.get(0).run().folder();
        Path zip = workbench.dialogs().saveFile(view.component(), "Save reproducibility bundle",
                folder.resolveSibling(folder.getFileName() + ".zip"), "zip");
        if (zip == null) {
            return;
        }
        view.status("Writing " + zip.getFileName() + "…");
        view.background(() -> {
            try {
                Path written = repro.bundle(folder, zip);
                workbench.notifier().status("Bundle written: " + written);
                SwingUtilities.invokeLater(() -> view.status("Bundle written: " + written));
            } catch (IOException | RuntimeException e) {
                SwingUtilities.invokeLater(() -> view.status(" "));
                workbench.notifier().error("Cannot write the bundle", "Writing " + zip + " failed: "
                        + Messages.of(e));
            }
        });
    }

    private void reportSelected() {
        List<RunRow> runs = view.selectedRuns();
        Reproducibility repro = workbench.experiments().reproducibility().orElse(null);
        if (runs.size() != 1 || repro == null) {
            return;
        }
        ReportExport.export(workbench, view.component(), repro, runs.get(0).run().folder());
    }

    private void rerunBundle() {
        Reproducibility repro = workbench.experiments().reproducibility().orElse(null);
        if (repro == null) {
            return;
        }
        Path zip = workbench.dialogs().openFile(view.component(), "Rerun a reproducibility bundle",
                workbench.runsDirectory(), "zip");
        if (zip == null) {
            return;
        }
        if (!Files.isRegularFile(zip)) {
            workbench.notifier().error("Cannot rerun", "No such file: " + zip);
            return;
        }
        Path runs = workbench.runsDirectory();
        view.status("Rerunning " + zip.getFileName() + "…");
        ExperimentListener listener = new ExperimentListener() {
            @Override
            public void message(String text) {
                SwingUtilities.invokeLater(() -> view.status(text));
            }
        };
        view.background(() -> {
            try {
                Reproducibility.Rerun result = repro.rerun(zip, runs, listener);
                String text = rerunText(result);
                SwingUtilities.invokeLater(() -> {
                    view.status(result.identical() ? "Rerun identical" : "Rerun differs");
                    workbench.dialogs().inform(view.component(),
                            result.identical() ? "Rerun: identical" : "Rerun: differences", text);
                    view.refresh();
                });
            } catch (PipelineException e) {
                SwingUtilities.invokeLater(() -> view.status(" "));
                workbench.notifier().error("Cannot rerun " + zip.getFileName(), e.getMessage());
            } catch (IOException | RuntimeException e) {
                SwingUtilities.invokeLater(() -> view.status(" "));
                workbench.notifier().error("Cannot rerun " + zip.getFileName(), Messages.of(e));
            }
        });
    }

    /** What a rerun found, for the user. */
    static String rerunText(Reproducibility.Rerun result) {
        StringBuilder s = new StringBuilder();
        if (result.identical()) {
            s.append("Identical: every metric of the rerun equals the bundle's to the last bit.");
        } else {
            s.append("The rerun differs from the bundle:");
        }
        for (String line : result.differences()) {
            s.append("\n  ").append(line);
        }
        s.append("\n\nRerun written to ").append(result.folder());
        return s.toString();
    }
}
