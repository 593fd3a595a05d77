package org.cajal.workbench.runs;

import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.event.HierarchyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.DefaultComboBoxModel;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;
import javax.swing.RowFilter;
import javax.swing.RowSorter;
import javax.swing.SortOrder;
import javax.swing.SwingUtilities;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.table.DefaultTableModel;
import javax.swing.table.TableRowSorter;

import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.RunReader;
import org.cajal.api.train.TrainingEvent;
import org.cajal.api.visual.Drawing;
import org.cajal.charts.ChartDrawings;
import org.cajal.experiments.Comparison;
import org.cajal.experiments.ExperimentListener;
import org.cajal.experiments.Repeats;
import org.cajal.experiments.Reproducibility;
import org.cajal.experiments.RunStore;
import org.cajal.workbench.core.ChartExport;
import org.cajal.workbench.core.DrawingCanvas;
import org.cajal.workbench.core.ExperimentServices;
import org.cajal.workbench.core.Messages;
import org.cajal.workbench.core.Metrics;
import org.cajal.workbench.core.ReportExport;
import org.cajal.workbench.core.Tables;
import org.cajal.workbench.core.Workbench;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The "Runs" view: every run and experiment folder under the workbench's runs directory, newest first and sortable
 * by any column, with its pipeline, start, status, epochs, headline metric, kind (run, search, repeats, sweep) and
 * tags; a text filter (a part of the id or pipeline name) and a tag filter narrow the list.
 *
 * <p>Open shows the selected run in the results view. Overlay draws one metric column (validation loss unless
 * another is chosen) of all selected runs in one chart: through the run store when the experiments bundle runs
 * (experiments drawn as their mean with the 95% band), else one series per run read here. Tag… adds and removes
 * tags, Delete deletes folders after a confirmation naming them, Compare puts the selected runs' evaluation side
 * by side (two repeats experiments or k-fold runs: also the corrected resampled t-test and its verdict), Bundle…
 * writes a reproducibility zip, Report… exports a report, Rerun… runs a bundle again and says whether the numbers
 * are identical. Those need the experiments bundle; without it they are disabled and their tooltip says why.
 *
 * <p>The list is read on the background executor, when the view is shown, when a run starts or ends, when the
 * experiments services come or go, and on Refresh. Event-dispatch thread.
 *
 * <p>Swing names: {@code runs.table}, {@code runs.refresh}, {@code runs.open}, {@code runs.filter} (text field),
 * {@code runs.tagFilter} (combo box: "(any tag)" then every tag), {@code runs.tag}, {@code runs.delete},
 * {@code runs.compare}, {@code runs.bundle}, {@code runs.report}, {@code runs.rerun}, {@code runs.overlay},
 * {@code runs.overlayMetric} (the metric column to overlay), {@code runs.details} (tabs "Overlay" and
 * "Compare"), {@code runs.overlayChart} (the chart drawn here), {@code runs.overlayDrawing} (the run store's
 * overlay), {@code runs.exportPng}/{@code runs.exportSvg}, {@code runs.compareTable}, {@code runs.compareVerdict},
 * {@code runs.status}.
 */
public final class RunsPanel {

    /** The column overlaid unless the user picks another. */
    static final String DEFAULT_OVERLAY = "validation_loss";
    /** The tag filter's first entry: no tag filter. */
    static final String ANY_TAG = "(any tag)";

    private static final String CARD_CHART = "chart";
    private static final String CARD_DRAWING = "drawing";

    private final Workbench workbench;
    private final JPanel panel = new JPanel(new BorderLayout());
    private final RunsTableModel model = new RunsTableModel();
    private final JTable table = new JTable(model);
    private final TableRowSorter<RunsTableModel> sorter = new TableRowSorter<>(model);
    private final JTextField filter = new JTextField(14);
    private final DefaultComboBoxModel<String> tagChoices = new DefaultComboBoxModel<>(new String[] {ANY_TAG});
    private final JComboBox<String> tagFilter = new JComboBox<>(tagChoices);
    private final DefaultComboBoxModel<String> overlayColumns = new DefaultComboBoxModel<>();
    private final JComboBox<String> overlayMetric = new JComboBox<>(overlayColumns);
    private final XYSeriesCollection overlay = new XYSeriesCollection();
    private final JFreeChart overlayChart;
    private final ChartPanel overlayPanel;
    private final CardLayout overlayCards = new CardLayout();
    private final JPanel overlayArea = new JPanel(overlayCards);
    private final DrawingCanvas overlayDrawing = new DrawingCanvas();
    private final JTabbedPane details = new JTabbedPane();
    private final DefaultTableModel compareModel = new DefaultTableModel() {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean isCellEditable(int row, int column) {
            return false;
        }
    };
    private final JTable compareTable = new JTable(compareModel);
    private final JTextArea compareVerdict = new JTextArea(5, 60);
    private final JButton refresh = new JButton("Refresh");
    private final JButton open = new JButton("Open");
    private final JButton overlayButton = new JButton("Overlay");
    private final JButton tag = new JButton("Tag…");
    private final JButton delete = new JButton("Delete");
    private final JButton compare = new JButton("Compare");
    private final JButton bundle = new JButton("Bundle…");
    private final JButton report = new JButton("Report…");
    private final JButton rerun = new JButton("Rerun…");
    private final JLabel status = new JLabel(" ");

    /** Increases with every refresh; a listing that is not the latest is dropped. */
    private int generation;
    /** Increases with every overlay request; a drawing that is not the latest is dropped. */
    private int overlayGeneration;
    /** Folders of the runs now overlaid (re-drawn when the metric choice changes). */
    private List<Path> overlaid = List.of();
    /** The run store's overlay now shown, or null when the chart drawn here is shown. */
    private Drawing storeOverlay;
    /** A run asked to be shown that may not be listed yet: selected when it is. */
    private Path wanted;
    /** What the listing had after the last refresh (the total, for the status line). */
    private String listedText = " ";

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
        // the experiments services come and go with their bundle: buttons and listing follow
        workbench.onCatalogChange(() -> {
            updateButtons();
            if (panel.isShowing()) {
                refresh();
            }
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

        filter.setName("runs.filter");
        filter.setToolTipText("Show only runs whose id or pipeline name contains this text");
        filter.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                applyFilter();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                applyFilter();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                applyFilter();
            }
        });
        tagFilter.setName("runs.tagFilter");
        tagFilter.setToolTipText("Show only runs with this tag");
        tagFilter.addActionListener(e -> applyFilter());

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
        tag.setName("runs.tag");
        tag.addActionListener(e -> tagSelected());
        delete.setName("runs.delete");
        delete.addActionListener(e -> deleteSelected());
        compare.setName("runs.compare");
        compare.addActionListener(e -> compareSelected());
        bundle.setName("runs.bundle");
        bundle.addActionListener(e -> bundleSelected());
        report.setName("runs.report");
        report.addActionListener(e -> reportSelected());
        rerun.setName("runs.rerun");
        rerun.addActionListener(e -> rerunBundle());
        status.setName("runs.status");

        JPanel actions = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 2));
        actions.add(refresh);
        actions.add(open);
        actions.add(overlayButton);
        actions.add(new JLabel("of"));
        actions.add(overlayMetric);
        actions.add(compare);
        actions.add(tag);
        actions.add(delete);
        actions.add(bundle);
        actions.add(report);
        actions.add(rerun);
        JPanel filters = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 2));
        filters.add(new JLabel("Filter:"));
        filters.add(filter);
        filters.add(new JLabel("Tag:"));
        filters.add(tagFilter);
        filters.add(status);
        JPanel bar = new JPanel();
        bar.setLayout(new BoxLayout(bar, BoxLayout.Y_AXIS));
        bar.add(actions);
        bar.add(filters);

        overlayPanel.setName("runs.overlayChart");
        overlayPanel.setPreferredSize(new Dimension(600, 260));
        overlayPanel.setMouseWheelEnabled(true);
        overlayDrawing.setName("runs.overlayDrawing");
        overlayDrawing.setPreferredSize(new Dimension(600, 260));
        overlayArea.add(overlayPanel, CARD_CHART);
        overlayArea.add(overlayDrawing, CARD_DRAWING);
        JPanel chart = new JPanel(new BorderLayout());
        chart.add(overlayArea, BorderLayout.CENTER);
        chart.add(ChartExport.buttons(workbench, "runs.exportPng", "runs.exportSvg", overlayArea,
                this::overlayDrawingNow, () -> "runs-" + selectedColumn()), BorderLayout.SOUTH);

        compareTable.setName("runs.compareTable");
        compareTable.setAutoCreateRowSorter(true);
        compareTable.setFillsViewportHeight(true);
        compareVerdict.setName("runs.compareVerdict");
        compareVerdict.setEditable(false);
        compareVerdict.setLineWrap(true);
        compareVerdict.setWrapStyleWord(true);
        compareVerdict.setText("Select two or more runs and press Compare.");
        JSplitPane comparePane = new JSplitPane(JSplitPane.VERTICAL_SPLIT, new JScrollPane(compareTable),
                new JScrollPane(compareVerdict));
        comparePane.setResizeWeight(0.6);
        comparePane.setBorder(null);

        details.setName("runs.details");
        details.addTab("Overlay", chart);
        details.addTab("Compare", comparePane);

        JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, new JScrollPane(table), details);
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
        RunReader reader = workbench.runtime().readerIfPresent();
        RunStore store = workbench.experiments().runStore().orElse(null);
        status.setText("Reading runs…");
        try {
            workbench.background().execute(() -> {
                try {
                    List<RunRow> runs = RunListing.list(directory, store, reader);
                    SwingUtilities.invokeLater(() -> listed(mine, runs, null));
                } catch (IOException | RuntimeException e) {
                    String message = "Cannot read the runs folder " + directory + ": " + Messages.of(e);
                    SwingUtilities.invokeLater(() -> listed(mine, List.of(), message));
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            status.setText("The workbench is closing.");
        }
    }

    private void listed(int mine, List<RunRow> runs, String error) {
        if (mine != generation) {
            return;
        }
        Set<Path> selected = selectedRuns().stream().map(r -> r.run().folder()).collect(Collectors.toSet());
        model.setRows(runs);
        table.clearSelection();
        for (int i = 0; i < runs.size(); i++) {
            if (selected.contains(runs.get(i).run().folder())) {
                int view = table.convertRowIndexToView(i);
                if (view >= 0) {
                    table.getSelectionModel().addSelectionInterval(view, view);
                }
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
        String tagNow = (String) tagFilter.getSelectedItem();
        tagChoices.removeAllElements();
        tagChoices.addElement(ANY_TAG);
        model.tags().forEach(tagChoices::addElement);
        tagFilter.setSelectedItem(tagNow != null && model.tags().contains(tagNow) ? tagNow : ANY_TAG);
        selectWanted();
        if (error != null) {
            listedText = " ";
            workbench.notifier().error("Runs", error);
        } else {
            listedText = runs.isEmpty() ? "No runs yet in " + workbench.runsDirectory()
                    : runs.size() + (runs.size() == 1 ? " run" : " runs");
        }
        showCount();
        updateButtons();
    }

    private void applyFilter() {
        String text = filter.getText();
        String tagNow = (String) tagFilter.getSelectedItem();
        String wantedTag = ANY_TAG.equals(tagNow) ? null : tagNow;
        if ((text == null || text.isBlank()) && wantedTag == null) {
            sorter.setRowFilter(null);
        } else {
            sorter.setRowFilter(new RowFilter<RunsTableModel, Integer>() {
                @Override
                public boolean include(Entry<? extends RunsTableModel, ? extends Integer> entry) {
                    RunRow row = entry.getModel().row(entry.getIdentifier());
                    return row.matches(text) && row.hasTag(wantedTag);
                }
            });
        }
        showCount();
        updateButtons();
    }

    private void showCount() {
        int shown = table.getRowCount();
        int all = model.getRowCount();
        status.setText(shown == all ? listedText : shown + " of " + all + " runs shown");
    }

    private void selectWanted() {
        if (wanted == null) {
            return;
        }
        List<RunRow> rows = model.rows();
        for (int i = 0; i < rows.size(); i++) {
            if (samePath(rows.get(i).run().folder(), wanted)) {
                int view = table.convertRowIndexToView(i);
                if (view < 0) {
                    return; // filtered out: the user's filter stays
                }
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

    private List<RunRow> selectedRuns() {
        List<RunRow> runs = new ArrayList<>();
        for (int view : table.getSelectedRows()) {
            runs.add(model.row(table.convertRowIndexToModel(view)));
        }
        return runs;
    }

    private void updateButtons() {
        int n = table.getSelectedRowCount();
        ExperimentServices services = workbench.experiments();
        boolean store = services.runStore().isPresent();
        boolean repro = services.reproducibility().isPresent();
        open.setEnabled(n == 1 && "run".equals(selectedRuns().get(0).kind()));
        overlayButton.setEnabled(n >= 1 && (store || overlayColumns.getSize() > 0));
        enable(tag, store, n >= 1, "Add or remove tags of the selected runs",
                "Select one or more runs to tag");
        enable(delete, store, n >= 1, "Delete the selected run and experiment folders (asks first)",
                "Select the runs to delete");
        enable(compare, store, n >= 2, "Put the selected runs' results side by side (two repeats experiments or "
                + "k-fold runs: also the corrected resampled t-test)", "Select two or more runs to compare");
        enable(bundle, repro, n == 1, "Write a reproducibility bundle (zip) of the selected run or experiment",
                "Select one run or experiment");
        enable(report, repro, n == 1, "Export a report (methods, result tables, charts) of the selected run or "
                + "experiment", "Select one run or experiment");
        enable(rerun, repro, true, "Run a reproducibility bundle again and check the numbers are identical", "");
    }

    private static void enable(JButton button, boolean service, boolean selection, String what, String select) {
        button.setEnabled(service && selection);
        button.setToolTipText(!service ? ExperimentServices.MISSING : selection ? what : select);
    }

    private void openSelected() {
        List<RunRow> runs = selectedRuns();
        if (runs.size() == 1 && "run".equals(runs.get(0).kind())) {
            workbench.runs().openRun(runs.get(0).run().folder());
        }
    }

    private void overlaySelected() {
        List<RunRow> runs = selectedRuns();
        if (runs.isEmpty()) {
            return;
        }
        drawOverlay(runs.stream().map(r -> r.run().folder()).toList());
    }

    private String selectedColumn() {
        return (String) overlayMetric.getSelectedItem();
    }

    private Drawing overlayDrawingNow() {
        if (storeOverlay != null) {
            return storeOverlay;
        }
        return overlay.getSeriesCount() == 0 ? null : ChartDrawings.of(overlayChart);
    }

    /**
     * Draws the chosen column of these runs: by the run store when it is there (bands for experiments), else here,
     * one series per run that has it, named by its id.
     */
    private void drawOverlay(List<Path> folders) {
        String column = Objects.requireNonNullElse(selectedColumn(), DEFAULT_OVERLAY);
        overlaid = List.copyOf(folders);
        details.setSelectedIndex(0);
        RunStore store = workbench.experiments().runStore().orElse(null);
        if (store != null) {
            int mine = ++overlayGeneration;
            status.setText("Drawing " + column + "…");
            background(() -> {
                try {
                    Drawing drawing = store.overlay(folders, column);
                    SwingUtilities.invokeLater(() -> {
                        if (mine == overlayGeneration) {
                            storeOverlay = drawing;
                            overlayDrawing.setDrawing(drawing);
                            overlayCards.show(overlayArea, CARD_DRAWING);
                            status.setText(folders.size() + (folders.size() == 1 ? " run" : " runs") + " overlaid");
                        }
                    });
                } catch (IOException | RuntimeException e) {
                    workbench.notifier().error("Cannot overlay", Messages.of(e));
                }
            });
            return;
        }
        ++overlayGeneration;
        storeOverlay = null;
        overlayCards.show(overlayArea, CARD_CHART);
        overlay.removeAllSeries();
        List<String> without = new ArrayList<>();
        for (Path folder : folders) {
            RunSummary run = model.rows().stream().map(RunRow::run).filter(r -> r.folder().equals(folder))
                    .findFirst().orElse(null);
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

    private void tagSelected() {
        List<RunRow> runs = selectedRuns();
        RunStore store = workbench.experiments().runStore().orElse(null);
        if (runs.isEmpty() || store == null) {
            return;
        }
        String current = runs.stream().flatMap(r -> r.tags().stream()).distinct().collect(Collectors.joining(", "));
        String answer = workbench.dialogs().input(panel, "Tag runs",
                "Tags to add to " + names(runs) + ", comma separated; write -name to remove a tag."
                        + (current.isEmpty() ? "" : "\nNow: " + current), "");
        RunListing.TagEdit edit = RunListing.TagEdit.parse(answer);
        if (answer == null || edit.isEmpty()) {
            return;
        }
        List<Path> folders = runs.stream().map(r -> r.run().folder()).toList();
        background(() -> {
            List<String> failed = new ArrayList<>();
            for (Path folder : folders) {
                try {
                    store.tag(folder, edit.add(), edit.remove());
                } catch (IOException | RuntimeException e) {
                    failed.add(folder.getFileName() + ": " + Messages.of(e));
                }
            }
            if (!failed.isEmpty()) {
                workbench.notifier().error("Cannot tag", String.join("\n", failed));
            }
            SwingUtilities.invokeLater(this::refresh);
        });
    }

    private void deleteSelected() {
        List<RunRow> runs = selectedRuns();
        RunStore store = workbench.experiments().runStore().orElse(null);
        if (runs.isEmpty() || store == null) {
            return;
        }
        String list = runs.stream().map(r -> "  " + r.run().folder()).collect(Collectors.joining("\n"));
        if (!workbench.dialogs().confirm(panel, "Delete runs", "Delete " + (runs.size() == 1 ? "this folder"
                : "these " + runs.size() + " folders") + " and everything in them?\n" + list
                + "\nThis cannot be undone.")) {
            return;
        }
        List<Path> folders = runs.stream().map(r -> r.run().folder()).toList();
        background(() -> {
            List<String> failed = new ArrayList<>();
            for (Path folder : folders) {
                try {
                    store.delete(folder);
                } catch (IOException | RuntimeException e) {
                    failed.add(folder + ": " + Messages.of(e));
                }
            }
            if (!failed.isEmpty()) {
                workbench.notifier().error("Cannot delete", String.join("\n", failed));
            } else {
                workbench.notifier().status("Deleted " + folders.size() + (folders.size() == 1 ? " folder"
                        : " folders"));
            }
            SwingUtilities.invokeLater(this::refresh);
        });
    }

    private void compareSelected() {
        List<RunRow> runs = selectedRuns();
        ExperimentServices services = workbench.experiments();
        RunStore store = services.runStore().orElse(null);
        if (runs.size() < 2 || store == null) {
            return;
        }
        Repeats repeats = services.repeats().orElse(null);
        boolean pairable = runs.size() == 2 && runs.stream().allMatch(RunRow::pairable);
        List<Path> folders = runs.stream().map(r -> r.run().folder()).toList();
        details.setSelectedIndex(1);
        compareVerdict.setText("Comparing…");
        background(() -> {
            List<List<String>> table;
            try {
                table = store.compare(folders);
            } catch (IOException | RuntimeException e) {
                SwingUtilities.invokeLater(() -> compareVerdict.setText("Cannot compare: " + Messages.of(e)));
                workbench.notifier().error("Cannot compare", Messages.of(e));
                return;
            }
            String verdict;
            if (runs.size() != 2) {
                verdict = "The corrected resampled t-test compares two configurations: select exactly two repeats "
                        + "experiments or k-fold runs for it.";
            } else if (!pairable) {
                verdict = "The corrected resampled t-test needs two repeats experiments or two k-fold runs (paired "
                        + "by seed or fold); these runs are compared side by side only.";
            } else if (repeats == null) {
                verdict = "The corrected resampled t-test needs the experiments bundle's Repeats service, which is "
                        + "not running.";
            } else {
                try {
                    Comparison c = repeats.compare(folders.get(0), folders.get(1), null);
                    verdict = Metrics.comparison(c, runs.get(0).run().runId(), runs.get(1).run().runId());
                } catch (IOException | RuntimeException e) {
                    verdict = "No t-test: " + Messages.of(e);
                }
            }
            String v = verdict;
            SwingUtilities.invokeLater(() -> {
                Tables.show(compareModel, table);
                compareVerdict.setText(v);
                compareVerdict.setCaretPosition(0);
            });
        });
    }

    private void bundleSelected() {
        List<RunRow> runs = selectedRuns();
        Reproducibility repro = workbench.experiments().reproducibility().orElse(null);
        if (runs.size() != 1 || repro == null) {
            return;
        }
        Path folder = runs.get(0).run().folder();
        Path zip = workbench.dialogs().saveFile(panel, "Save reproducibility bundle",
                folder.resolveSibling(folder.getFileName() + ".zip"), "zip");
        if (zip == null) {
            return;
        }
        status.setText("Writing " + zip.getFileName() + "…");
        background(() -> {
            try {
                Path written = repro.bundle(folder, zip);
                workbench.notifier().status("Bundle written: " + written);
                SwingUtilities.invokeLater(() -> status.setText("Bundle written: " + written));
            } catch (IOException | RuntimeException e) {
                SwingUtilities.invokeLater(() -> status.setText(" "));
                workbench.notifier().error("Cannot write the bundle", "Writing " + zip + " failed: " + Messages.of(e));
            }
        });
    }

    private void reportSelected() {
        List<RunRow> runs = selectedRuns();
        Reproducibility repro = workbench.experiments().reproducibility().orElse(null);
        if (runs.size() != 1 || repro == null) {
            return;
        }
        ReportExport.export(workbench, panel, repro, runs.get(0).run().folder());
    }

    private void rerunBundle() {
        Reproducibility repro = workbench.experiments().reproducibility().orElse(null);
        if (repro == null) {
            return;
        }
        Path zip = workbench.dialogs().openFile(panel, "Rerun a reproducibility bundle", workbench.runsDirectory(),
                "zip");
        if (zip == null) {
            return;
        }
        if (!Files.isRegularFile(zip)) {
            workbench.notifier().error("Cannot rerun", "No such file: " + zip);
            return;
        }
        Path runs = workbench.runsDirectory();
        status.setText("Rerunning " + zip.getFileName() + "…");
        ExperimentListener listener = new ExperimentListener() {
            @Override
            public void message(String text) {
                SwingUtilities.invokeLater(() -> status.setText(text));
            }
        };
        background(() -> {
            try {
                Reproducibility.Rerun result = repro.rerun(zip, runs, listener);
                String text = rerunText(result);
                SwingUtilities.invokeLater(() -> {
                    status.setText(result.identical() ? "Rerun identical" : "Rerun differs");
                    workbench.dialogs().inform(panel, result.identical() ? "Rerun: identical" : "Rerun: differences",
                            text);
                    refresh();
                });
            } catch (PipelineException e) {
                SwingUtilities.invokeLater(() -> status.setText(" "));
                workbench.notifier().error("Cannot rerun " + zip.getFileName(), e.getMessage());
            } catch (IOException | RuntimeException e) {
                SwingUtilities.invokeLater(() -> status.setText(" "));
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

    private void background(Runnable work) {
        try {
            workbench.background().execute(work);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            status.setText("The workbench is closing.");
        }
    }

    private static String names(List<RunRow> runs) {
        return runs.size() == 1 ? runs.get(0).run().runId() : runs.size() + " runs";
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

    DrawingCanvas overlayCanvas() {
        return overlayDrawing;
    }

    JTable compareTable() {
        return compareTable;
    }

    JTextArea compareVerdict() {
        return compareVerdict;
    }
}
