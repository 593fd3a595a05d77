package org.cajal.workbench.experiments;

import java.awt.BasicStroke;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.swing.DefaultComboBoxModel;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSpinner;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.SpinnerNumberModel;
import javax.swing.SwingUtilities;
import javax.swing.table.DefaultTableModel;

import org.cajal.charts.ChartDrawings;
import org.cajal.experiments.PipelineSource;
import org.cajal.experiments.Repeats;
import org.cajal.experiments.Summary;
import org.cajal.experiments.Trial;
import org.cajal.workbench.core.ChartExport;
import org.cajal.workbench.core.Messages;
import org.cajal.workbench.core.Metrics;
import org.cajal.workbench.core.Tables;
import org.cajal.workbench.core.Workbench;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The experiments view's Repeats tab: the edited pipeline run {@code times} times with seeds from the first seed
 * on; when done, its final metrics as mean, sd and 95% interval, and a chosen metrics.csv column's mean curve with
 * its 95% band. Event-dispatch thread.
 *
 * <p>Swing names: {@code experiments.repeats.times}, {@code experiments.repeats.seed},
 * {@code experiments.repeats.parallel} (spinners), {@code experiments.repeats.start},
 * {@code experiments.repeats.stop}, {@code experiments.repeats.table}, {@code experiments.repeats.column}
 * (combo box of curve columns), {@code experiments.repeats.chart}, {@code experiments.repeats.exportPng},
 * {@code experiments.repeats.exportSvg}, {@code experiments.repeats.report}, {@code experiments.repeats.status}.
 */
final class RepeatsTab extends ExperimentTab {

    /** Trials at once by default, as on the command line: one per core (small models train on one thread each). */
    static final int ONE_PER_CORE = Math.min(64, Math.max(1, Runtime.getRuntime().availableProcessors()));

    static final String DEFAULT_COLUMN = "validation_loss";

    private final JSpinner times = new JSpinner(new SpinnerNumberModel(5, 2, 1000, 1));
    private final JSpinner seed = new JSpinner(new SpinnerNumberModel(1L, 0L, Long.MAX_VALUE, 1L));
    private final JSpinner parallel = new JSpinner(new SpinnerNumberModel(ONE_PER_CORE, 1, 64, 1));
    private final DefaultTableModel metrics = new DefaultTableModel() {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean isCellEditable(int row, int column) {
            return false;
        }
    };
    private final JTable table = new JTable(metrics);
    private final DefaultComboBoxModel<String> columns = new DefaultComboBoxModel<>();
    private final JComboBox<String> column = new JComboBox<>(columns);
    private final YIntervalSeriesCollection band = new YIntervalSeriesCollection();
    private final JFreeChart chart;
    private final ChartPanel chartPanel;
    private final Consumer<Path> onDone;
    private Repeats.RepeatSummary summary;
    private boolean filling;
    private int done;

    /** @param onDone told the folder of every repeats experiment that ends (the Compare tab's "last two") */
    RepeatsTab(Workbench workbench, Consumer<Path> onDone) {
        super(workbench, "experiments.repeats");
        this.onDone = onDone;
        NumberAxis x = new NumberAxis("epoch");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis(DEFAULT_COLUMN);
        y.setAutoRangeIncludesZero(false);
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        renderer.setSeriesPaint(0, ChartDrawings.SERIES[0]);
        renderer.setSeriesFillPaint(0, new Color(ChartDrawings.SERIES[0].getRed(), ChartDrawings.SERIES[0].getGreen(),
                ChartDrawings.SERIES[0].getBlue(), 70));
        renderer.setAlpha(0.3f);
        chart = ChartDrawings.style(new JFreeChart("Mean over repeats with 95% band", JFreeChart.DEFAULT_TITLE_FONT,
                new XYPlot(band, x, y, renderer), true));
        chartPanel = new ChartPanel(chart, false, true, false, true, true);
        build();
        update();
    }

    private void build() {
        times.setName("experiments.repeats.times");
        times.setToolTipText("How many runs, each with its own seed");
        seed.setName("experiments.repeats.seed");
        seed.setToolTipText("The first seed; the others follow (seed + 1, seed + 2, ...)");
        parallel.setName("experiments.repeats.parallel");
        parallel.setToolTipText("Runs at the same time");
        table.setName("experiments.repeats.table");
        table.setFillsViewportHeight(true);
        column.setName("experiments.repeats.column");
        column.setToolTipText("The metrics.csv column drawn as mean with its 95% band");
        column.addActionListener(e -> {
            if (!filling) {
                draw();
            }
        });
        chartPanel.setName("experiments.repeats.chart");
        chartPanel.setPreferredSize(new Dimension(500, 260));

        JPanel settings = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 2));
        settings.add(new JLabel("Repeats:"));
        settings.add(times);
        settings.add(new JLabel("First seed:"));
        settings.add(seed);
        settings.add(new JLabel("Parallel:"));
        settings.add(parallel);
        JPanel top = new JPanel(new BorderLayout());
        top.add(settings, BorderLayout.NORTH);
        top.add(buttons(), BorderLayout.CENTER);
        top.add(status, BorderLayout.SOUTH);

        JPanel chartArea = new JPanel(new BorderLayout());
        JPanel chooser = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 2));
        chooser.add(new JLabel("Curve:"));
        chooser.add(column);
        chartArea.add(chooser, BorderLayout.NORTH);
        chartArea.add(chartPanel, BorderLayout.CENTER);
        chartArea.add(ChartExport.buttons(workbench, "experiments.repeats.exportPng",
                "experiments.repeats.exportSvg", chartPanel,
                () -> band.getSeriesCount() == 0 ? null : ChartDrawings.of(chart),
                () -> (folder == null ? "repeats" : folder.getFileName().toString()) + "-" + column.getSelectedItem()),
                BorderLayout.SOUTH);
        JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, new JScrollPane(table), chartArea);
        split.setResizeWeight(0.35);
        split.setBorder(null);
        panel.add(top, BorderLayout.NORTH);
        panel.add(split, BorderLayout.CENTER);
    }

    @Override
    protected boolean serviceAvailable() {
        return workbench.experiments().repeats().isPresent();
    }

    @Override
    protected Launch prepare(PipelineSource source) {
        Repeats repeats = workbench.experiments().repeats().orElse(null);
        if (repeats == null) {
            return null;
        }
        int n = (Integer) times.getValue();
        long first = ((Number) seed.getValue()).longValue();
        int p = (Integer) parallel.getValue();
        org.cajal.experiments.Cluster on = cluster();
        return listener -> repeats.repeat(source, workbench.runsDirectory(), n, first, p, on, listener);
    }

    @Override
    protected void starting() {
        done = 0;
        summary = null;
        metrics.setDataVector(new Object[0][0], new Object[0]);
        band.removeAllSeries();
    }

    @Override
    protected void trialFinished(Trial trial) {
        done++;
        status.setText("Repeat " + trial.number() + " (seed " + trial.seed() + ") " + trial.status()
                + (Double.isNaN(trial.objective()) ? "" : ": " + Metrics.format(trial.objective())) + " — " + done
                + " of " + times.getValue() + " done");
    }

    @Override
    protected void finished(List<Trial> trials, Throwable failure) {
        if (failure != null) {
            status.setText("The repeats failed: " + Messages.of(failure));
            workbench.notifier().error("Repeats failed", Messages.of(failure));
            return;
        }
        Path f = folder;
        Repeats repeats = workbench.experiments().repeats().orElse(null);
        if (f == null || repeats == null) {
            return;
        }
        status.setText("Summarising " + trials.size() + " repeats…");
        try {
            workbench.background().execute(() -> {
                try {
                    Repeats.RepeatSummary read = repeats.summary(f);
                    SwingUtilities.invokeLater(() -> show(read));
                } catch (IOException | RuntimeException e) {
                    SwingUtilities.invokeLater(() -> status.setText("No summary: " + Messages.of(e)));
                    workbench.notifier().error("Cannot read the repeats' summary", "Reading " + f + " failed: "
                            + Messages.of(e));
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            status.setText("The workbench is closing.");
        }
    }

    /** Shows a summary: the metrics table, the curve columns and the chosen curve. */
    void show(Repeats.RepeatSummary read) {
        summary = read;
        Tables.show(metrics, ExperimentData.summaryRows(read.metrics()));
        String current = (String) column.getSelectedItem();
        filling = true;
        try {
            columns.removeAllElements();
            List<String> names = new ArrayList<>(read.curves().keySet());
            names.remove("epoch");
            columns.addAll(names);
            if (current != null && names.contains(current)) {
                column.setSelectedItem(current);
            } else if (names.contains(DEFAULT_COLUMN)) {
                column.setSelectedItem(DEFAULT_COLUMN);
            } else if (!names.isEmpty()) {
                column.setSelectedIndex(0);
            }
        } finally {
            filling = false;
        }
        draw();
        status.setText(read.seeds().size() + " repeats" + (read.folds() > 1 ? " × " + read.folds() + " folds" : "")
                + " summarised — " + read.folder());
        workbench.notifier().status(status.getText());
        onDone.accept(read.folder());
        update();
    }

    private void draw() {
        band.removeAllSeries();
        String c = (String) column.getSelectedItem();
        if (summary == null || c == null) {
            return;
        }
        Map<String, List<Summary>> curves = summary.curves();
        List<Summary> curve = curves.get(c);
        if (curve != null) {
            band.addSeries(ExperimentData.band(c, curve));
        }
        chart.getXYPlot().getRangeAxis().setLabel(c.replace('_', ' '));
        chart.setTitle(c.replace('_', ' ') + ": mean over " + summary.seeds().size() + " repeats with 95% band");
        ChartDrawings.style(chart);
    }

    // ---------------------------------------------------------------- for tests

    JTable table() {
        return table;
    }

    YIntervalSeriesCollection bandData() {
        return band;
    }

    JComboBox<String> columnChoice() {
        return column;
    }
}
