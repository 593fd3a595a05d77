package org.cajal.workbench.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import javax.swing.table.DefaultTableModel;

import org.cajal.experiments.Comparison;
import org.cajal.experiments.Repeats;
import org.cajal.experiments.RunStore;
import org.cajal.workbench.core.ExperimentServices;
import org.cajal.workbench.core.Messages;
import org.cajal.workbench.core.Metrics;
import org.cajal.workbench.core.Tables;
import org.cajal.workbench.core.Workbench;

/**
 * The runs view's "Compare" tab: the selected runs' evaluation side by side (from the run store), the settings
 * their pipelines differ in ({@link SettingsDiff}), and for two repeats experiments or two k-fold runs the
 * corrected resampled t-test and its verdict. Owns the Compare button.
 * Event-dispatch thread.
 *
 * <p>Swing names: {@code runs.compare}, {@code runs.compareTable}, {@code runs.compareVerdict}.
 */
final class CompareSection {

    private final RunsPanel view;
    private final Workbench workbench;
    private final JButton button = new JButton("Compare");
    private final DefaultTableModel model = new DefaultTableModel() {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean isCellEditable(int row, int column) {
            return false;
        }
    };
    private final JTable table = new JTable(model);
    private final JTextArea verdict = new JTextArea(5, 60);
    private final JSplitPane component;

    CompareSection(RunsPanel view, Workbench workbench) {
        this.view = view;
        this.workbench = workbench;
        button.setName("runs.compare");
        button.addActionListener(e -> compareSelected());
        table.setName("runs.compareTable");
        table.setAutoCreateRowSorter(true);
        table.setFillsViewportHeight(true);
        verdict.setName("runs.compareVerdict");
        verdict.setEditable(false);
        verdict.setLineWrap(true);
        verdict.setWrapStyleWord(true);
        verdict.setText("Select two or more runs and press Compare.");
        component = new JSplitPane(JSplitPane.VERTICAL_SPLIT, new JScrollPane(table), new JScrollPane(verdict));
        component.setResizeWeight(0.6);
        component.setBorder(null);
    }

    JComponent component() {
        return component;
    }

    JButton button() {
        return button;
    }

    /** Enables Compare for a selection of n rows. */
    void update(int n, boolean store) {
        RunsPanel.enable(button, store, n >= 2, "Put the selected runs' results side by side (two repeats "
                + "experiments or k-fold runs: also the corrected resampled t-test)", "Select two or more runs to "
                + "compare");
    }

    private void compareSelected() {
        List<RunRow> runs = view.selectedRuns();
        ExperimentServices services = workbench.experiments();
        RunStore store = services.runStore().orElse(null);
        if (runs.size() < 2 || store == null) {
            return;
        }
        Repeats repeats = services.repeats().orElse(null);
        List<Path> folders = runs.stream().map(r -> r.run().folder()).toList();
        view.showDetails(1);
        verdict.setText("Comparing…");
        view.background(() -> {
            List<List<String>> rows;
            try {
                rows = store.compare(folders);
            } catch (IOException | RuntimeException e) {
                SwingUtilities.invokeLater(() -> verdict.setText("Cannot compare: " + Messages.of(e)));
                workbench.notifier().error("Cannot compare", Messages.of(e));
                return;
            }
            String text = verdict(runs, folders, repeats) + settings(folders);
            SwingUtilities.invokeLater(() -> {
                Tables.show(model, rows);
                verdict.setText(text);
                verdict.setCaretPosition(0);
            });
        });
    }

    /**
     * "Settings that differ: ..." (one line each, values in the runs' order), or that they share all; nothing when
     * a folder has no pipeline.json (an experiment's folder). Background thread.
     */
    private static String settings(List<Path> folders) {
        if (!folders.stream().allMatch(f -> java.nio.file.Files.isRegularFile(
                f.resolve(org.cajal.api.run.RunFiles.PIPELINE)))) {
            return "";
        }
        try {
            List<String> lines = SettingsDiff.lines(folders);
            return lines.isEmpty() ? "\n\nThe runs' pipelines have the same settings."
                    : "\n\nSettings that differ (values in the order of the selected runs):\n  "
                    + String.join("\n  ", lines);
        } catch (IOException | RuntimeException e) {
            return "\n\nThe runs' settings could not be read: " + Messages.of(e);
        }
    }

    /** The t-test's verdict, or why there is none. Background thread. */
    private static String verdict(List<RunRow> runs, List<Path> folders, Repeats repeats) {
        if (runs.size() != 2) {
            return "The corrected resampled t-test compares two configurations: select exactly two repeats "
                    + "experiments or k-fold runs for it.";
        }
        if (!runs.stream().allMatch(RunRow::pairable)) {
            return "The corrected resampled t-test needs two repeats experiments or two k-fold runs (paired "
                    + "by seed or fold); these runs are compared side by side only.";
        }
        if (repeats == null) {
            return "The corrected resampled t-test needs the experiments bundle's Repeats service, which is "
                    + "not running.";
        }
        try {
            Comparison c = repeats.compare(folders.get(0), folders.get(1), null);
            return Metrics.comparison(c, runs.get(0).run().runId(), runs.get(1).run().runId());
        } catch (IOException | RuntimeException e) {
            return "No t-test: " + Messages.of(e);
        }
    }

    JTable table() {
        return table;
    }

    JTextArea verdict() {
        return verdict;
    }
}
