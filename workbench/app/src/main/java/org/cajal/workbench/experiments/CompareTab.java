package org.cajal.workbench.experiments;

import java.awt.BorderLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.JTextField;
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
 * The experiments view's Compare tab: two configurations (each a repeats experiment folder or a k-fold run folder)
 * compared with the corrected resampled t-test; the numbers as a table and the verdict in words. "Use the last two
 * repeats" fills in the two repeats experiments that ended last in this window (or, failing that, the two newest
 * in the runs folder). Event-dispatch thread.
 *
 * <p>Swing names: {@code experiments.compare.a}, {@code experiments.compare.b} (folder fields),
 * {@code experiments.compare.aBrowse}, {@code experiments.compare.bBrowse}, {@code experiments.compare.useLast},
 * {@code experiments.compare.metric} (blank: the first metric both have), {@code experiments.compare.run},
 * {@code experiments.compare.table}, {@code experiments.compare.verdict}, {@code experiments.compare.status}.
 */
final class CompareTab {

    private final Workbench workbench;
    private final JPanel panel = new JPanel(new BorderLayout(4, 4));
    private final JTextField a = new JTextField(40);
    private final JTextField b = new JTextField(40);
    private final JTextField metric = new JTextField(12);
    private final JButton aBrowse = new JButton("Browse…");
    private final JButton bBrowse = new JButton("Browse…");
    private final JButton useLast = new JButton("Use the last two repeats");
    private final JButton run = new JButton("Compare");
    private final DefaultTableModel numbers = new DefaultTableModel() {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean isCellEditable(int row, int column) {
            return false;
        }
    };
    private final JTable table = new JTable(numbers);
    private final JTextArea verdict = new JTextArea(6, 60);
    private final JLabel status = new JLabel(" ");
    /** Repeats experiments that ended in this window, newest last. */
    private final Deque<Path> recent = new ArrayDeque<>();

    CompareTab(Workbench workbench) {
        this.workbench = workbench;
        build();
        update();
    }

    JComponent component() {
        return panel;
    }

    private void build() {
        panel.setName("experiments.compare");
        panel.setBorder(BorderFactory.createEmptyBorder(6, 6, 6, 6));
        a.setName("experiments.compare.a");
        a.setToolTipText("Configuration A: a repeats experiment folder or a k-fold run folder");
        b.setName("experiments.compare.b");
        b.setToolTipText("Configuration B: run with the same seeds (repeats) or the same folds (k-fold)");
        aBrowse.setName("experiments.compare.aBrowse");
        aBrowse.addActionListener(e -> browse(a, "A"));
        bBrowse.setName("experiments.compare.bBrowse");
        bBrowse.addActionListener(e -> browse(b, "B"));
        useLast.setName("experiments.compare.useLast");
        useLast.addActionListener(e -> useLastTwo());
        metric.setName("experiments.compare.metric");
        metric.setToolTipText("The evaluation metric to compare (accuracy, mse, ...); blank: the first both have");
        run.setName("experiments.compare.run");
        run.addActionListener(e -> compare());
        table.setName("experiments.compare.table");
        table.setFillsViewportHeight(true);
        verdict.setName("experiments.compare.verdict");
        verdict.setEditable(false);
        verdict.setLineWrap(true);
        verdict.setWrapStyleWord(true);
        verdict.setText("Choose two repeats experiments (same seeds) or two k-fold runs (same folds) and press "
                + "Compare.");
        status.setName("experiments.compare.status");

        JPanel form = new JPanel(new GridBagLayout());
        GridBagConstraints c = new GridBagConstraints();
        c.insets = new Insets(2, 2, 2, 2);
        c.anchor = GridBagConstraints.WEST;
        row(form, c, 0, "A:", a, aBrowse);
        row(form, c, 1, "B:", b, bBrowse);
        c.gridy = 2;
        c.gridx = 0;
        form.add(new JLabel("Metric:"), c);
        c.gridx = 1;
        c.fill = GridBagConstraints.NONE;
        JPanel line = new JPanel(new java.awt.FlowLayout(java.awt.FlowLayout.LEFT, 4, 0));
        line.add(metric);
        line.add(run);
        line.add(useLast);
        form.add(line, c);
        c.gridy = 3;
        c.gridwidth = 3;
        form.add(status, c);

        JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, new JScrollPane(table),
                new JScrollPane(verdict));
        split.setResizeWeight(0.6);
        split.setBorder(null);
        panel.add(form, BorderLayout.NORTH);
        panel.add(split, BorderLayout.CENTER);
    }

    private static void row(JPanel form, GridBagConstraints c, int y, String label, JTextField field,
                            JButton browse) {
        c.gridy = y;
        c.gridx = 0;
        c.fill = GridBagConstraints.NONE;
        c.weightx = 0;
        form.add(new JLabel(label), c);
        c.gridx = 1;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.weightx = 1;
        form.add(field, c);
        c.gridx = 2;
        c.fill = GridBagConstraints.NONE;
        c.weightx = 0;
        form.add(browse, c);
    }

    void update() {
        boolean service = workbench.experiments().repeats().isPresent();
        run.setEnabled(service);
        run.setToolTipText(service ? "Corrected resampled t-test of A against B" : ExperimentServices.MISSING);
    }

    /** A repeats experiment ended in this window: the newest two are "the last two". */
    void repeatsDone(Path folder) {
        recent.remove(folder);
        recent.addLast(folder);
        while (recent.size() > 2) {
            recent.removeFirst();
        }
    }

    private void browse(JTextField field, String which) {
        Path start = field.getText().isBlank() ? workbench.runsDirectory() : Path.of(field.getText().strip());
        Path chosen = workbench.dialogs().chooseFolder(panel, "Configuration " + which
                + ": a repeats experiment or a k-fold run folder", Files.isDirectory(start) ? start
                : workbench.runsDirectory());
        if (chosen != null) {
            field.setText(chosen.toString());
        }
    }

    private void useLastTwo() {
        if (recent.size() == 2) {
            a.setText(recent.getFirst().toString());
            b.setText(recent.getLast().toString());
            status.setText("The last two repeats experiments of this session");
            return;
        }
        RunStore store = workbench.experiments().runStore().orElse(null);
        if (store == null) {
            workbench.notifier().error("No two repeats", "Run two repeats experiments first (Repeats tab), or "
                    + "choose two folders. " + ExperimentServices.MISSING + " to find earlier ones.");
            return;
        }
        Path runs = workbench.runsDirectory();
        try {
            workbench.background().execute(() -> {
                try {
                    List<RunStore.StoredRun> found = store.list(runs, new RunStore.Filter(null, java.util.Set.of(),
                            null, "repeats"));
                    SwingUtilities.invokeLater(() -> {
                        if (found.size() < 2) {
                            workbench.notifier().error("No two repeats", "There are " + found.size()
                                    + " repeats experiments in " + runs + ": run two (Repeats tab), or choose two "
                                    + "k-fold run folders.");
                            return;
                        }
                        // newest first: the older is A
                        a.setText(found.get(1).folder().toString());
                        b.setText(found.get(0).folder().toString());
                        status.setText("The two newest repeats experiments in " + runs);
                    });
                } catch (IOException | RuntimeException e) {
                    workbench.notifier().error("Cannot list the runs", Messages.of(e));
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            status.setText("The workbench is closing.");
        }
    }

    private void compare() {
        Repeats repeats = workbench.experiments().repeats().orElse(null);
        if (repeats == null) {
            return;
        }
        String textA = a.getText().strip();
        String textB = b.getText().strip();
        if (textA.isEmpty() || textB.isEmpty()) {
            workbench.notifier().error("Cannot compare", "Choose both folders: A and B (each a repeats experiment "
                    + "or a k-fold run).");
            return;
        }
        Path pa = Path.of(textA);
        Path pb = Path.of(textB);
        for (Path p : List.of(pa, pb)) {
            if (!Files.isDirectory(p)) {
                workbench.notifier().error("Cannot compare", "No such folder: " + p + ". Choose a repeats "
                        + "experiment folder or a k-fold run folder.");
                return;
            }
        }
        String m = metric.getText().isBlank() ? null : metric.getText().strip();
        status.setText("Comparing…");
        run.setEnabled(false);
        try {
            workbench.background().execute(() -> {
                try {
                    Comparison c = repeats.compare(pa, pb, m);
                    SwingUtilities.invokeLater(() -> show(c, pa, pb));
                } catch (IOException | RuntimeException e) {
                    String message = Messages.of(e);
                    SwingUtilities.invokeLater(() -> {
                        status.setText("Not compared");
                        verdict.setText("Cannot compare: " + message);
                        update();
                    });
                    workbench.notifier().error("Cannot compare", message);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            status.setText("The workbench is closing.");
            update();
        }
    }

    void show(Comparison c, Path pa, Path pb) {
        Tables.show(numbers, ExperimentData.comparisonRows(c));
        verdict.setText(Metrics.comparison(c, pa.getFileName().toString(), pb.getFileName().toString()));
        verdict.setCaretPosition(0);
        status.setText("Compared " + c.metric() + " over " + c.n() + " pairs");
        update();
    }

    // ---------------------------------------------------------------- for tests

    JTextField fieldA() {
        return a;
    }

    JTextField fieldB() {
        return b;
    }

    JTable table() {
        return table;
    }

    JTextArea verdict() {
        return verdict;
    }
}
