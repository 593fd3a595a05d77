package org.cajal.workbench.experiments;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSpinner;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.SpinnerNumberModel;
import javax.swing.table.DefaultTableCellRenderer;

import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.run.ExperimentFiles;
import org.cajal.charts.ChartDrawings;
import org.cajal.experiments.PipelineSource;
import org.cajal.experiments.Searches;
import org.cajal.experiments.Trial;
import org.cajal.workbench.core.ChartExport;
import org.cajal.workbench.core.Messages;
import org.cajal.workbench.core.Metrics;
import org.cajal.workbench.core.Workbench;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The experiments view's Search tab: the search section as JSON (prefilled from the pipeline, else an example),
 * trials and parallel, Start/Stop; a sortable table of the trials filled as they finish with the best row in bold
 * and selected, a chart of the objective per trial with the best so far, and "Open best pipeline".
 * Event-dispatch thread.
 *
 * <p>Swing names: {@code experiments.search.section} (text area), {@code experiments.search.reset} (prefill
 * again), {@code experiments.search.trials}, {@code experiments.search.parallel} (spinners),
 * {@code experiments.search.start}, {@code experiments.search.stop}, {@code experiments.search.table},
 * {@code experiments.search.openBest}, {@code experiments.search.chart}, {@code experiments.search.exportPng},
 * {@code experiments.search.exportSvg}, {@code experiments.search.report}, {@code experiments.search.status}.
 */
final class SearchTab extends ExperimentTab {

    private final JTextArea section = new JTextArea(14, 50);
    private final JButton reset = new JButton("Example / from pipeline");
    private final JSpinner trials = new JSpinner(new SpinnerNumberModel(8, 1, 10_000, 1));
    private final JSpinner parallel = new JSpinner(new SpinnerNumberModel(RepeatsTab.ONE_PER_CORE, 1, 64, 1));
    private final TrialsTableModel model = new TrialsTableModel();
    private final JTable table = new JTable(model);
    private final JButton openBest = new JButton("Open best pipeline");
    private final XYSeries objective = new XYSeries("objective", true, false);
    private final XYSeries bestSoFar = new XYSeries("best so far", true, false);
    private final JFreeChart chart;
    private final ChartPanel chartPanel;
    private boolean minimise = true;
    /** The text last prefilled: still this text means the user has not edited it. */
    private String lastPrefill = "";
    private int expected;

    SearchTab(Workbench workbench) {
        super(workbench, "experiments.search");
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(objective);
        data.addSeries(bestSoFar);
        NumberAxis x = new NumberAxis("trial");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis("objective");
        y.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setSeriesLinesVisible(1, true);
        renderer.setSeriesShapesVisible(1, false);
        chart = ChartDrawings.style(new JFreeChart("Objective per trial", JFreeChart.DEFAULT_TITLE_FONT,
                new XYPlot(data, x, y, renderer), true));
        chartPanel = new ChartPanel(chart, false, true, false, true, true);
        build();
        update();
    }

    private void build() {
        section.setName("experiments.search.section");
        section.setFont(new Font(Font.MONOSPACED, Font.PLAIN, section.getFont().getSize()));
        section.setToolTipText("The search section as JSON; whole lines starting with // are comments");
        reset.setName("experiments.search.reset");
        reset.setToolTipText("Replace the text with the pipeline's search section, or an example for it");
        reset.addActionListener(e -> prefill());
        trials.setName("experiments.search.trials");
        trials.setToolTipText("The trial budget (random: this many draws; grid: at most this many points)");
        parallel.setName("experiments.search.parallel");
        parallel.setToolTipText("Trials run at the same time");
        table.setName("experiments.search.table");
        table.setRowSorter(model.sorter());
        table.setFillsViewportHeight(true);
        table.setDefaultRenderer(Object.class, new BestRenderer());
        // one column per searched parameter and metric: keep each readable and scroll sideways instead of squeezing
        table.setAutoResizeMode(JTable.AUTO_RESIZE_OFF);
        model.addTableModelListener(e -> {
            if (e.getFirstRow() == javax.swing.event.TableModelEvent.HEADER_ROW) {
                // after the table has made its new columns (it hears the same event after this listener)
                javax.swing.SwingUtilities.invokeLater(this::fitColumns);
            }
        });
        openBest.setName("experiments.search.openBest");
        openBest.setToolTipText("Open the best trial's pipeline (best-pipeline.json) in the editor");
        openBest.addActionListener(e -> openBest());
        chartPanel.setName("experiments.search.chart");
        chartPanel.setPreferredSize(new Dimension(400, 220));

        JPanel settings = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 2));
        settings.add(new JLabel("Trials:"));
        settings.add(trials);
        settings.add(new JLabel("Parallel:"));
        settings.add(parallel);
        settings.add(reset);
        JPanel top = new JPanel(new BorderLayout());
        top.add(new JScrollPane(section), BorderLayout.CENTER);
        JPanel controls = new JPanel(new BorderLayout());
        controls.add(settings, BorderLayout.NORTH);
        JPanel run = buttons();
        run.add(openBest);
        controls.add(run, BorderLayout.CENTER);
        controls.add(status, BorderLayout.SOUTH);
        top.add(controls, BorderLayout.SOUTH);

        JPanel chartArea = new JPanel(new BorderLayout());
        chartArea.add(chartPanel, BorderLayout.CENTER);
        chartArea.add(ChartExport.buttons(workbench, "experiments.search.exportPng", "experiments.search.exportSvg",
                chartPanel, () -> objective.getItemCount() == 0 ? null : ChartDrawings.of(chart),
                () -> folder == null ? "search" : folder.getFileName().toString()), BorderLayout.SOUTH);
        JSplitPane results = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, new JScrollPane(table), chartArea);
        results.setResizeWeight(0.6);
        results.setBorder(null);
        JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, top, results);
        split.setResizeWeight(0.4);
        split.setBorder(null);
        panel.add(split, BorderLayout.CENTER);
    }

    /** Fills the text from the edited pipeline (its search section, else an example for it). */
    void prefill() {
        String formatted;
        try {
            formatted = workbench.runtime().format().format(workbench.pipeline().get());
        } catch (RuntimeException e) {
            formatted = null;
        }
        String text = SearchSection.prefill(formatted, workbench.pipeline().file().orElse(null),
                workbench.pipeline().get());
        section.setText(text);
        section.setCaretPosition(0);
        lastPrefill = text;
        try {
            Map<String, Object> parsed = SearchSection.parse(text);
            trials.setValue(Math.max(1, SearchSection.integer(parsed, "trials", 8)));
            parallel.setValue(Math.max(1, SearchSection.integer(parsed, "parallel", RepeatsTab.ONE_PER_CORE)));
        } catch (IllegalArgumentException e) {
            // a pipeline's own section that does not parse: the user sees it and fixes it
        }
    }

    /** Prefills when the text is empty or still what was last prefilled (another pipeline was opened). */
    void prefillIfUntouched() {
        if (section.getText().isBlank() || section.getText().equals(lastPrefill)) {
            prefill();
        }
    }

    @Override
    protected boolean serviceAvailable() {
        return workbench.experiments().searches().isPresent();
    }

    @Override
    void update() {
        super.update();
        openBest.setEnabled(folder != null && !active() && Files.isRegularFile(folder.resolve(
                ExperimentFiles.BEST_PIPELINE)));
    }

    @Override
    protected Launch prepare(PipelineSource source) {
        Map<String, Object> search;
        try {
            search = SearchSection.parse(section.getText());
        } catch (IllegalArgumentException e) {
            workbench.notifier().error("Cannot start the search", e.getMessage());
            return null;
        }
        Searches searches = workbench.experiments().searches().orElse(null);
        if (searches == null) {
            return null;
        }
        minimise = SearchSection.minimise(search);
        expected = (Integer) trials.getValue();
        model.reset(SearchSection.parameterPaths(search), minimise);
        table.setRowSorter(model.sorter());
        Searches.SearchOptions options = new Searches.SearchOptions(workbench.runsDirectory(), search,
                (Integer) trials.getValue(), (Integer) parallel.getValue(), cluster());
        return listener -> {
            List<String> problems = searches.validate(source, options);
            if (!problems.isEmpty()) {
                throw new PipelineException(source.source(), problems.stream()
                        .map(p -> new org.cajal.api.pipeline.Problem("search section", p)).toList());
            }
            return searches.search(source, options, listener);
        };
    }

    @Override
    protected void starting() {
        objective.clear();
        bestSoFar.clear();
        chart.getXYPlot().getRangeAxis().setLabel("objective");
    }

    @Override
    protected void trialFinished(Trial trial) {
        if (model.add(trial)) {
            table.setRowSorter(model.sorter());
        }
        redrawChart();
        selectBest();
        long finished = model.trials().stream().filter(Trial::finished).count();
        status.setText(model.getRowCount() + " of " + expected + " trials done (" + finished + " finished)"
                + bestText());
        update();
    }

    private void redrawChart() {
        objective.clear();
        bestSoFar.clear();
        double best = Double.NaN;
        for (Trial t : model.trials().stream().sorted(java.util.Comparator.comparingInt(Trial::number)).toList()) {
            if (!t.finished() || Double.isNaN(t.objective())) {
                continue;
            }
            objective.add(t.number(), t.objective());
            if (Double.isNaN(best) || (minimise ? t.objective() < best : t.objective() > best)) {
                best = t.objective();
            }
            bestSoFar.add(t.number(), best);
        }
    }

    private String bestText() {
        int best = model.best();
        if (best < 0) {
            return "";
        }
        Trial t = model.trial(best);
        return "; best: trial " + t.number() + ", objective " + Metrics.format(t.objective());
    }

    private void selectBest() {
        int best = model.best();
        if (best < 0) {
            return;
        }
        int view = table.convertRowIndexToView(best);
        if (view >= 0) {
            table.getSelectionModel().setSelectionInterval(view, view);
            table.scrollRectToVisible(table.getCellRect(view, 0, true));
        }
        table.repaint();
    }

    @Override
    protected void finished(List<Trial> all, Throwable failure) {
        for (Trial t : all) {
            if (model.trials().stream().noneMatch(r -> r.number() == t.number())) {
                model.add(t);
                table.setRowSorter(model.sorter());
            }
        }
        redrawChart();
        selectBest();
        if (failure != null) {
            status.setText("The search failed: " + Messages.of(failure));
            workbench.notifier().error("Search failed", Messages.of(failure));
            return;
        }
        status.setText("Search ended: " + model.getRowCount() + " trials" + bestText()
                + (folder == null ? "" : " — " + folder));
        workbench.notifier().status(status.getText());
    }

    private void openBest() {
        if (folder == null) {
            return;
        }
        Path best = folder.resolve(ExperimentFiles.BEST_PIPELINE);
        if (!Files.isRegularFile(best)) {
            workbench.notifier().error("No best pipeline", "The search has not written " + best + " yet: it is "
                    + "written when the search ends.");
            return;
        }
        try {
            workbench.openPipeline(best);
        } catch (IllegalStateException e) {
            workbench.notifier().error("Cannot open " + best.getFileName(), e.getMessage());
        }
    }

    /** Bold for the best trial's row. */
    private final class BestRenderer extends DefaultTableCellRenderer {
        private static final long serialVersionUID = 1L;

        @Override
        public Component getTableCellRendererComponent(JTable t, Object value, boolean selected, boolean focus,
                                                       int row, int column) {
            Object shown = value instanceof Double d ? Metrics.format(d) : value;
            Component c = super.getTableCellRendererComponent(t, shown, selected, focus, row, column);
            boolean best = t.convertRowIndexToModel(row) == model.best();
            c.setFont(best ? c.getFont().deriveFont(Font.BOLD) : c.getFont().deriveFont(Font.PLAIN));
            return c;
        }
    }

    // ---------------------------------------------------------------- for tests

    JTextArea section() {
        return section;
    }

    TrialsTableModel model() {
        return model;
    }

    /** Each column as wide as its header (parameter paths are long), within limits. */
    private void fitColumns() {
        java.awt.FontMetrics metrics = table.getTableHeader().getFontMetrics(table.getTableHeader().getFont());
        for (int c = 0; c < table.getColumnCount(); c++) {
            int width = metrics.stringWidth(table.getColumnName(c)) + COLUMN_PADDING;
            table.getColumnModel().getColumn(c).setPreferredWidth(Math.max(MIN_COLUMN, Math.min(MAX_COLUMN, width)));
        }
    }

    private static final int COLUMN_PADDING = 24;
    private static final int MIN_COLUMN = 64;
    private static final int MAX_COLUMN = 280;

    JTable table() {
        return table;
    }

    JSpinner trialsSpinner() {
        return trials;
    }

    XYSeries objectiveSeries() {
        return objective;
    }

    JButton openBestButton() {
        return openBest;
    }
}
