package org.cajal.workbench.runs;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.event.HierarchyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
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
import javax.swing.ListSelectionModel;
import javax.swing.RowSorter;
import javax.swing.SortOrder;
import javax.swing.SwingUtilities;
import javax.swing.table.TableRowSorter;

import org.cajal.api.pipeline.RunReader;
import org.cajal.api.train.TrainingEvent;
import org.cajal.experiments.RunStore;
import org.cajal.workbench.core.DrawingCanvas;
import org.cajal.workbench.core.ExperimentServices;
import org.cajal.workbench.core.Messages;
import org.cajal.workbench.core.Workbench;
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
 * The overlay and comparison tabs and the store and reproducibility actions are their own classes
 * ({@link OverlaySection}, {@link CompareSection}, {@link FolderActions}, {@link ReproducibilityActions}).
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

    private final Workbench workbench;
    private final JPanel panel = new JPanel(new BorderLayout());
    private final RunsTableModel model = new RunsTableModel();
    private final JTable table = new JTable(model);
    private final TableRowSorter<RunsTableModel> sorter = new TableRowSorter<>(model);
    private final FilterBar filters = new FilterBar(sorter, () -> {
        showCount();
        updateButtons();
    });
    private final JTabbedPane details = new JTabbedPane();
    private final JButton refresh = new JButton("Refresh");
    private final JButton open = new JButton("Open");
    private final JLabel status = new JLabel(" ");
    private final OverlaySection overlay;
    private final CompareSection comparison;
    private final FolderActions folders;
    private final ReproducibilityActions reproducibility;
    private final ExportActions exports;

    /** Increases with every refresh; a listing that is not the latest is dropped. */
    private int generation;
    /** A run asked to be shown that may not be listed yet: selected when it is. */
    private Path wanted;
    /** What the listing had after the last refresh (the total, for the status line). */
    private String listedText = " ";

    public RunsPanel(Workbench workbench) {
        this.workbench = workbench;
        this.overlay = new OverlaySection(this, workbench);
        this.comparison = new CompareSection(this, workbench);
        this.folders = new FolderActions(this, workbench);
        this.reproducibility = new ReproducibilityActions(this, workbench);
        this.exports = new ExportActions(workbench, () -> selectedRuns().size() == 1
                && "run".equals(selectedRuns().get(0).kind()) ? selectedRuns().get(0).run().folder() : null);
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
        buildTable();
        refresh.setName("runs.refresh");
        refresh.setToolTipText("Read the runs folder again");
        refresh.addActionListener(e -> refresh());
        open.setName("runs.open");
        open.setToolTipText("Show the selected run in the Results view");
        open.addActionListener(e -> openSelected());
        status.setName("runs.status");

        details.setName("runs.details");
        details.addTab("Overlay", overlay.component());
        details.addTab("Compare", comparison.component());
        JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, new JScrollPane(table), details);
        split.setResizeWeight(0.5);
        split.setBorder(null);
        panel.setBorder(BorderFactory.createEmptyBorder(4, 4, 4, 4));
        panel.add(bar(), BorderLayout.NORTH);
        panel.add(split, BorderLayout.CENTER);
        panel.addHierarchyListener(e -> {
            if ((e.getChangeFlags() & HierarchyEvent.SHOWING_CHANGED) != 0 && panel.isShowing()) {
                refresh();
            }
        });
        updateButtons();
    }

    private void buildTable() {
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
    }

    /** The buttons on one row, the filters and the status on the next. */
    private JPanel bar() {
        JPanel actions = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 2));
        actions.add(refresh);
        actions.add(open);
        actions.add(overlay.button());
        actions.add(new JLabel("of"));
        actions.add(overlay.metric());
        actions.add(comparison.button());
        actions.add(folders.tag());
        actions.add(folders.delete());
        actions.add(exports.button());
        reproducibility.buttons().forEach(actions::add);
        actions.add(new ResumeAction(this, workbench).button());
        JPanel filtering = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 2));
        filtering.add(new JLabel("Filter:"));
        filtering.add(filters.text());
        filtering.add(new JLabel("Tag:"));
        filtering.add(filters.tag());
        filtering.add(status);
        JPanel bar = new JPanel();
        bar.setLayout(new BoxLayout(bar, BoxLayout.Y_AXIS));
        bar.add(actions);
        bar.add(filtering);
        return bar;
    }

    // ---------------------------------------------------------------- reading

    /** Reads the runs folder again on the background executor; the table keeps its selection by run. */
    public void refresh() {
        int mine = ++generation;
        Path directory = workbench.runsDirectory();
        RunReader reader = workbench.runtime().readerIfPresent();
        RunStore store = workbench.experiments().runStore().orElse(null);
        status.setText("Reading runs…");
        background(() -> {
            try {
                List<RunRow> runs = RunListing.list(directory, store, reader);
                SwingUtilities.invokeLater(() -> listed(mine, runs, null));
            } catch (IOException | RuntimeException e) {
                String message = "Cannot read the runs folder " + directory + ": " + Messages.of(e);
                SwingUtilities.invokeLater(() -> listed(mine, List.of(), message));
            }
        });
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
        overlay.columnsListed(model.metricColumns());
        filters.tagsListed(model.tags());
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

    List<RunRow> selectedRuns() {
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
        open.setEnabled(n == 1 && "run".equals(selectedRuns().get(0).kind()));
        overlay.update(n, store);
        comparison.update(n, store);
        folders.update(n, store);
        reproducibility.update(n, services.reproducibility().isPresent());
    }

    /** Enables a button that needs a service and a selection; its tooltip says what is missing. */
    static void enable(JButton button, boolean service, boolean selection, String what, String select) {
        button.setEnabled(service && selection);
        button.setToolTipText(!service ? ExperimentServices.MISSING : selection ? what : select);
    }

    private void openSelected() {
        List<RunRow> runs = selectedRuns();
        if (runs.size() == 1 && "run".equals(runs.get(0).kind())) {
            workbench.runs().openRun(runs.get(0).run().folder());
        }
    }

    // ---------------------------------------------------------------- for the sections

    /** The listed run of this folder, or null. */
    RunSummary listed(Path folder) {
        return model.rows().stream().map(RunRow::run).filter(r -> r.folder().equals(folder)).findFirst()
                .orElse(null);
    }

    /** Shows the details tab: 0 the overlay, 1 the comparison. */
    void showDetails(int tab) {
        details.setSelectedIndex(tab);
    }

    void status(String text) {
        status.setText(text);
    }

    /** Runs slow work on the background executor (the status line says so when the workbench is closing). */
    void background(Runnable work) {
        try {
            workbench.background().execute(work);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            status.setText("The workbench is closing.");
        }
    }

    // ---------------------------------------------------------------- for tests

    JTable table() {
        return table;
    }

    RunsTableModel model() {
        return model;
    }

    XYSeriesCollection overlayDataset() {
        return overlay.dataset();
    }

    JComboBox<String> overlayMetric() {
        return overlay.metric();
    }

    DrawingCanvas overlayCanvas() {
        return overlay.canvas();
    }

    JTable compareTable() {
        return comparison.table();
    }

    JTextArea compareVerdict() {
        return comparison.verdict();
    }
}
