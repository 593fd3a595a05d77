package org.cajal.workbench.results;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.Window;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.swing.BorderFactory;
import javax.swing.ImageIcon;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;
import javax.swing.table.DefaultTableModel;

import org.cajal.api.trained.ExplainFiles;
import org.cajal.runfolder.CsvTable;
import org.cajal.workbench.core.LauncherCommands;
import org.cajal.workbench.core.Workbench;

/**
 * The Results view's Explain: for the run shown, which inputs its model uses. A bar under the results with
 * {@code Explain…}, which opens a window with the run's explanation (the importance table with its 95% intervals,
 * and the charts of {@code cajal explain}: importance, and partial dependence with ICE curves per input) and a
 * {@code Compute} button that runs the explain command (bundle {@code org.cajal.explain}) on the background executor
 * with its defaults. Event-dispatch thread.
 *
 * <p>Swing names: {@code results.explain}, {@code explain.dialog}, {@code explain.compute}, {@code explain.status},
 * {@code explain.table}, {@code explain.charts}, {@code explain.chart}.
 */
public final class ExplainView {

    private final Workbench workbench;
    private final JPanel bar = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 2));
    private final JButton explain = new JButton("Explain…");
    private final JLabel status = new JLabel(" ");
    private final DefaultTableModel importance = new DefaultTableModel(
            new Object[] {"Input", "Importance", "95% low", "95% high"}, 0) {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean isCellEditable(int row, int column) {
            return false;
        }
    };
    private final JComboBox<String> charts = new JComboBox<>();
    private final JLabel chart = new JLabel("", SwingConstants.CENTER);
    private final JButton compute = new JButton("Compute");
    private final JComponent content;
    private Path run;
    private JDialog dialog;

    public ExplainView(Workbench workbench) {
        this.workbench = workbench;
        explain.setName("results.explain");
        explain.setToolTipText("Which inputs the model uses: permutation importance, partial dependence and ICE "
                + "curves, Shapley attributions (docs/explain.md)");
        explain.setEnabled(false);
        explain.addActionListener(e -> show());
        bar.add(explain);
        compute.setName("explain.compute");
        compute.addActionListener(e -> compute());
        status.setName("explain.status");
        charts.setName("explain.charts");
        charts.addActionListener(e -> showChart());
        chart.setName("explain.chart");
        content = build();
    }

    public JComponent component() {
        return bar;
    }

    /** The window's content (the importance table, the charts, Compute), built once. */
    JComponent content() {
        return content;
    }

    /** The run the Results view now shows. */
    public void open(Path folder) {
        run = folder;
        explain.setEnabled(folder != null);
        load();
    }

    private void show() {
        if (dialog == null) {
            dialog = new JDialog((Window) SwingUtilities.getWindowAncestor(bar), "Explanation");
            dialog.setName("explain.dialog");
            dialog.setContentPane(content);
            dialog.setSize(1100, 650);
            dialog.setLocationRelativeTo(bar);
        }
        load();
        dialog.setTitle("Explanation of " + run.getFileName());
        dialog.setVisible(true);
    }

    private JComponent build() {
        JTable table = new JTable(importance);
        table.setName("explain.table");
        JPanel right = new JPanel(new BorderLayout());
        right.add(charts, BorderLayout.NORTH);
        right.add(new JScrollPane(chart), BorderLayout.CENTER);
        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, new JScrollPane(table), right);
        split.setResizeWeight(0.3);
        JPanel top = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 4));
        top.add(compute);
        top.add(status);
        JPanel pane = new JPanel(new BorderLayout());
        pane.setBorder(BorderFactory.createEmptyBorder(6, 6, 6, 6));
        pane.add(top, BorderLayout.NORTH);
        pane.add(split, BorderLayout.CENTER);
        return pane;
    }

    /** Fills the window from the run's explain folder, or says there is none yet. */
    void load() {
        importance.setRowCount(0);
        charts.removeAllItems();
        chart.setIcon(null);
        if (run == null) {
            return;
        }
        if (dialog != null) {
            dialog.setTitle("Explanation of " + run.getFileName());
        }
        Path dir = run.resolve(ExplainFiles.FOLDER);
        if (!Files.isRegularFile(dir.resolve(ExplainFiles.IMPORTANCE))) {
            status.setText("Not explained yet: Compute runs cajal explain with its defaults.");
            compute.setText("Compute");
            return;
        }
        try {
            CsvTable table = CsvTable.read(dir.resolve(ExplainFiles.IMPORTANCE));
            for (int r = 0; r < table.rows().size(); r++) {
                importance.addRow(new Object[] {table.cell(r, "feature"), table.cell(r, "importance"),
                    table.cell(r, "low95"), table.cell(r, "high95")});
            }
            String metric = table.rows().isEmpty() ? "" : table.cell(0, "metric");
            status.setText("Importance: loss of " + metric + " when an input is shuffled, over "
                    + (table.rows().isEmpty() ? "?" : table.cell(0, "repeats")) + " permutations.");
            for (String name : pngs(dir)) {
                charts.addItem(name);
            }
            compute.setText("Compute again");
        } catch (IOException e) {
            status.setText("Cannot read the explanation: " + e.getMessage());
        }
    }

    private static List<String> pngs(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".png")).sorted()
                    .forEach(n -> out.add(n.substring(0, n.length() - ".png".length())));
        }
        out.remove(ExplainFiles.IMPORTANCE_CHART);
        out.add(0, ExplainFiles.IMPORTANCE_CHART);
        return out;
    }

    private void showChart() {
        Object selected = charts.getSelectedItem();
        if (selected == null || run == null) {
            chart.setIcon(null);
            return;
        }
        Path png = run.resolve(ExplainFiles.FOLDER).resolve(selected + ".png");
        // a fresh icon each time: ImageIcon caches by file name, and a recomputed chart keeps its name
        try {
            chart.setIcon(new ImageIcon(Files.readAllBytes(png)));
        } catch (IOException e) {
            chart.setIcon(null);
            chart.setText("Cannot read " + png);
        }
    }

    void compute() {
        Path folder = run;
        compute.setEnabled(false);
        status.setText("Explaining " + folder.getFileName() + "…");
        workbench.background().execute(() -> {
            LauncherCommands.Outcome o = LauncherCommands.run(workbench, "explain", "org.cajal.explain",
                    List.of(folder.toString()));
            SwingUtilities.invokeLater(() -> {
                compute.setEnabled(true);
                if (!folder.equals(run)) {
                    return;
                }
                if (o.ok()) {
                    load();
                } else {
                    status.setText("Not explained.");
                    workbench.notifier().error("Explain", o.err().strip());
                }
            });
        });
    }
}
