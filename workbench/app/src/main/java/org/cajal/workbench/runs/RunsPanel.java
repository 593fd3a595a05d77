package org.cajal.workbench.runs;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.event.HierarchyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import javax.swing.BorderFactory;
import javax.swing.DefaultComboBoxModel;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.ListSelectionModel;
import javax.swing.RowSorter;
import javax.swing.SortOrder;
import javax.swing.SwingUtilities;
import javax.swing.table.TableRowSorter;

import org.cajal.api.pipeline.PipelineRunner;
import org.cajal.api.train.TrainingEvent;
import org.cajal.charts.ChartDrawings;
import org.cajal.workbench.core.Workbench;
import org.cajal.workbench.results.ChartExport;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The "Runs" view: every run folder under the workbench's runs directory, newest first and sortable by any
 * column, with its pipeline, start, status, epochs and headline metric. Open shows the selected run in the results
 * view; Overlay draws one metric column (validation loss unless another is chosen) of all selected runs in one
 * chart, one series per run. The list is read on the background executor, when the view is shown, when a run
 * starts or ends, and on Refresh. Event-dispatch thread.
 *
 * <p>Swing names: {@code runs.table}, {@code runs.refresh}, {@code runs.open}, {@code runs.overlay},
 * {@code runs.overlayMetric} (the metric column to overlay), {@code runs.overlayChart},
 * {@code runs.exportPng}/{@code runs.exportSvg}, {@code runs.status}.
 */
public final class RunsPanel {

    /** The column overlaid unless the user picks another. */
    static final String DEFAULT_OVERLAY = "validation_loss";

    private final Workbench workbench;
    private final JPanel panel = new JPanel(new BorderLayout());
    private final RunsTableModel model = new RunsTableModel();
    private final JTable table = new JTable(model);
    private final TableRowSorter<RunsTableModel> sorter = new TableRowSorter<>(model);
    private final DefaultComboBoxModel<String> overlayColumns = new DefaultComboBoxModel<>();
    private final JComboBox<String> overlayMetric = new JComboBox<>(overlayColumns);
    private final XYSeriesCollection overlay = new XYSeriesCollection();
    private final JFreeChart overlayChart;
    private final ChartPanel overlayPanel;
    private final JButton refresh = new JButton("Refresh");
    private final JButton open = new JButton("Open");
    private final JButton overlayButton = new JButton("Overlay");
    private final JLabel status = new JLabel(" ");

    /** Increases with every refresh; a listing that is not the latest is dropped. */
    private int generation;
    /** Folders of the runs now overlaid (re-drawn when the metric choice changes). */
    private List<Path> overlaid = List.of();
    /** A run asked to be shown that may not be listed yet: selected when it is. */
    private Path wanted;

    public RunsPanel(Workbench workbench) {
        this.workbench = workbench;
        this.overlayChart = createOverlayChart();
        this.overlayPanel = new ChartPanel(overlayChart, false, true, false, true, true);
        build();
        workbench.runs().addTrainingListener(event -> {
            if (event instanceof TrainingEvent.Started || event instanceof TrainingEvent.Finished
                    || event instanceof TrainingEvent.Cancelled || event instanceof TrainingEvent.Failed) {
                refresh();
            }
        });
        workbench.runs().addRunOpenedListener(folder -> {
            wanted = folder;
            selectWanted();
        });
    }

    public JComponent component() {
        return panel;
    }

    // ---------------------------------------------------------------- layout

    private void build() {
        panel.setName("RunsPanel");
        table.setName("runs.table");
        table.setRowSorter(sorter);
        table.setSelectionMode(ListSelectionModel.MULTIPLE_INTERVAL_SELECTION);
        table.setAutoCreateRowSorter(false);
        table.setFillsViewportHeight(true);
        sorter.setComparator(RunsTableModel.STARTED, Comparator.<String>naturalOrder());
        sorter.setSortKeys(List.of(new RowSorter.SortKey(RunsTableModel.STARTED, SortOrder.DESCENDING)));
        table.getColumnModel().getColumn(RunsTableModel.RUN).setPreferredWidth(220);
        table.getSelectionModel().addListSelectionListener(e -> updateButtons());
        table.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2 && SwingUtilities.isLeftMouseButton(e)) {
                    openSelected();
                }
            }
        });

        refresh.setName("runs.refresh");
        refresh.setToolTipText("Read the runs folder again");
        refresh.addActionListener(e -> refresh());
        open.setName("runs.open");
        open.setToolTipText("Show the selected run in the Results view");
        open.addActionListener(e -> openSelected());
        overlayButton.setName("runs.overlay");
        overlayButton.setToolTipText("Draw the chosen metric of all selected runs in one chart");
        overlayButton.addActionListener(e -> overlaySelected());
        overlayMetric.setName("runs.overlayMetric");
        overlayMetric.setToolTipText("The metrics.csv column to overlay");
        overlayMetric.addActionListener(e -> {
            if (!overlaid.isEmpty()) {
                drawOverlay(overlaid);
            }
        });
        status.setName("runs.status");

        JPanel bar = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 2));
        bar.add(refresh);
        bar.add(open);
        bar.add(overlayButton);
        bar.add(new JLabel("of"));
        bar.add(overlayMetric);
        bar.add(status);

        overlayPanel.setName("runs.overlayChart");
        overlayPanel.setPreferredSize(new Dimension(600, 260));
        overlayPanel.setMouseWheelEnabled(true);
        JPanel chart = new JPanel(new BorderLayout());
        chart.add(overlayPanel, BorderLayout.CENTER);
        chart.add(ChartExport.buttons(workbench, "runs.exportPng", "runs.exportSvg", overlayPanel,
                () -> overlay.getSeriesCount() == 0 ? null : ChartDrawings.of(overlayChart),
                () -> "runs-" + selectedColumn()), BorderLayout.SOUTH);

        JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, new JScrollPane(table), chart);
        split.setResizeWeight(0.5);
        split.setBorder(null);
        panel.setBorder(BorderFactory.createEmptyBorder(4, 4, 4, 4));
        panel.add(bar, BorderLayout.NORTH);
        panel.add(split, BorderLayout.CENTER);
        panel.addHierarchyListener(e -> {
            if ((e.getChangeFlags() & HierarchyEvent.SHOWING_CHANGED) != 0 && panel.isShowing()) {
                refresh();
            }
        });
        updateButtons();
    }

    private JFreeChart createOverlayChart() {
        NumberAxis epochAxis = new NumberAxis("epoch");
        epochAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        epochAxis.setAutoRangeIncludesZero(false);
        NumberAxis valueAxis = new NumberAxis(DEFAULT_OVERLAY);
        valueAxis.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(overlay, epochAxis, valueAxis, new XYLineAndShapeRenderer(true, true));
        return ChartDrawings.style(new JFreeChart("Select runs and press Overlay", JFreeChart.DEFAULT_TITLE_FONT,
                plot, true));
    }

    // ---------------------------------------------------------------- reading

    /** Reads the runs folder again on the background executor; the table keeps its selection by run. */
    public void refresh() {
        int mine = ++generation;
        Path directory = workbench.runsDirectory();
        PipelineRunner runner;
        try {
            runner = workbench.runner();
        } catch (IllegalStateException e) {
            runner = null;
        }
        PipelineRunner r = runner;
        status.setText("Reading runs…");
        workbench.background().execute(() -> {
            try {
                List<RunSummary> runs = RunFolders.list(directory, r);
                SwingUtilities.invokeLater(() -> listed(mine, runs, null));
            } catch (IOException | RuntimeException e) {
                String message = "Cannot read the runs folder " + directory + ": "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                SwingUtilities.invokeLater(() -> listed(mine, List.of(), message));
            }
        });
    }

    private void listed(int mine, List<RunSummary> runs, String error) {
        if (mine != generation) {
            return;
        }
        Set<Path> selected = selectedRuns().stream().map(RunSummary::folder).collect(Collectors.toSet());
        model.setRows(runs);
        for (int i = 0; i < runs.size(); i++) {
            if (selected.contains(runs.get(i).folder())) {
                int view = table.convertRowIndexToView(i);
                table.getSelectionModel().addSelectionInterval(view, view);
            }
        }
        String current = selectedColumn();
        overlayColumns.removeAllElements();
        List<String> columns = model.metricColumns();
        overlayColumns.addAll(columns);
        if (current != null && columns.contains(current)) {
            overlayMetric.setSelectedItem(current);
        } else if (columns.contains(DEFAULT_OVERLAY)) {
            overlayMetric.setSelectedItem(DEFAULT_OVERLAY);
        }
        selectWanted();
        if (error != null) {
            status.setText(" ");
            workbench.notifier().error("Runs", error);
        } else {
            status.setText(runs.isEmpty() ? "No runs yet in " + workbench.runsDirectory()
                    : runs.size() + (runs.size() == 1 ? " run" : " runs"));
        }
        updateButtons();
    }

    private void selectWanted() {
        if (wanted == null) {
            return;
        }
        List<RunSummary> rows = model.rows();
        for (int i = 0; i < rows.size(); i++) {
            if (samePath(rows.get(i).folder(), wanted)) {
                int view = table.convertRowIndexToView(i);
                table.getSelectionModel().setSelectionInterval(view, view);
                table.scrollRectToVisible(table.getCellRect(view, 0, true));
                wanted = null;
                return;
            }
        }
    }

    private static boolean samePath(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    // ---------------------------------------------------------------- actions

    private List<RunSummary> selectedRuns() {
        List<RunSummary> runs = new ArrayList<>();
        for (int view : table.getSelectedRows()) {
            runs.add(model.row(table.convertRowIndexToModel(view)));
        }
        return runs;
    }

    private void updateButtons() {
        int n = table.getSelectedRowCount();
        open.setEnabled(n == 1);
        overlayButton.setEnabled(n >= 1 && overlayColumns.getSize() > 0);
    }

    private void openSelected() {
        List<RunSummary> runs = selectedRuns();
        if (runs.size() == 1) {
            workbench.runs().openRun(runs.get(0).folder());
        }
    }

    private void overlaySelected() {
        List<RunSummary> runs = selectedRuns();
        if (runs.isEmpty()) {
            return;
        }
        drawOverlay(runs.stream().map(RunSummary::folder).toList());
    }

    private String selectedColumn() {
        return (String) overlayMetric.getSelectedItem();
    }

    /** Draws the chosen column of these runs (those that have it), one series per run named by its id. */
    private void drawOverlay(List<Path> folders) {
        String column = Objects.requireNonNullElse(selectedColumn(), DEFAULT_OVERLAY);
        overlay.removeAllSeries();
        List<String> without = new ArrayList<>();
        for (Path folder : folders) {
            RunSummary run = model.rows().stream().filter(r -> r.folder().equals(folder)).findFirst().orElse(null);
            if (run == null) {
                continue;
            }
            List<double[]> points = run.series(column);
            if (points.isEmpty()) {
                without.add(run.runId());
                continue;
            }
            XYSeries series = new XYSeries(uniqueKey(run.runId()), true, false);
            for (double[] p : points) {
                series.add(p[0], p[1], false);
            }
            overlay.addSeries(series);
        }
        overlaid = List.copyOf(folders);
        overlayChart.setTitle(column.replace('_', ' ') + " per epoch");
        overlayChart.getXYPlot().getRangeAxis().setLabel(column.replace('_', ' '));
        ChartDrawings.style(overlayChart);
        status.setText(without.isEmpty() ? overlay.getSeriesCount() + " runs overlaid"
                : "No " + column + " in " + String.join(", ", without));
    }

    private String uniqueKey(String runId) {
        String key = runId;
        for (int k = 2; overlay.getSeriesIndex(key) >= 0; k++) {
            key = runId + " (" + k + ")";
        }
        return key;
    }

    // ---------------------------------------------------------------- for tests

    JTable table() {
        return table;
    }

    RunsTableModel model() {
        return model;
    }

    XYSeriesCollection overlayDataset() {
        return overlay;
    }

    JComboBox<String> overlayMetric() {
        return overlayMetric;
    }
}
