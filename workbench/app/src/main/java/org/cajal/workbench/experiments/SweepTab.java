package org.cajal.workbench.experiments;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSpinner;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;
import javax.swing.SwingUtilities;

import org.cajal.api.pipeline.ComponentRef;
import org.cajal.api.pipeline.Pipeline;
import org.cajal.api.run.ExperimentFiles;
import org.cajal.charts.ChartDrawings;
import org.cajal.experiments.PipelineSource;
import org.cajal.experiments.Searches;
import org.cajal.experiments.Trial;
import org.cajal.workbench.core.ChartExport;
import org.cajal.workbench.core.Messages;
import org.cajal.workbench.core.Workbench;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The experiments view's Sweep tab: one parameter of the edited pipeline (a width, {@code depth}, the epochs) set
 * to each of a list of values, with a number of repeats per value; the chart shows training, validation and test
 * error against the value (read from the experiment's sweep.csv after every finished point and at the end): the
 * bias–variance picture, or double descent where it occurs. Event-dispatch thread.
 *
 * <p>Swing names: {@code experiments.sweep.path}, {@code experiments.sweep.values} (text fields),
 * {@code experiments.sweep.repeats}, {@code experiments.sweep.parallel} (spinners), {@code experiments.sweep.start},
 * {@code experiments.sweep.stop}, {@code experiments.sweep.chart}, {@code experiments.sweep.exportPng},
 * {@code experiments.sweep.exportSvg}, {@code experiments.sweep.report}, {@code experiments.sweep.status}.
 */
final class SweepTab extends ExperimentTab {

    private final JTextField path = new JTextField(26);
    private final JTextField values = new JTextField(20);
    private final JSpinner repeats = new JSpinner(new SpinnerNumberModel(1, 1, 100, 1));
    private final JSpinner parallel = new JSpinner(new SpinnerNumberModel(RepeatsTab.ONE_PER_CORE, 1, 64, 1));
    private final XYSeriesCollection errors = new XYSeriesCollection();
    private final JFreeChart chart;
    private final ChartPanel chartPanel;
    private int points;
    private int done;
    /** Increases with every read of sweep.csv: an older read is dropped. */
    private int reads;
    /** The fields as last suggested: still these means the user has not edited them. */
    private String suggestedPath = "";
    private String suggestedValues = "";

    SweepTab(Workbench workbench) {
        super(workbench, "experiments.sweep");
        NumberAxis x = new NumberAxis("value");
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("error");
        y.setAutoRangeIncludesZero(false);
        chart = ChartDrawings.style(new JFreeChart("Training, validation and test error", JFreeChart.DEFAULT_TITLE_FONT,
                new XYPlot(errors, x, y, new XYLineAndShapeRenderer(true, true)), true));
        chartPanel = new ChartPanel(chart, false, true, false, true, true);
        build();
        update();
    }

    private void build() {
        path.setName("experiments.sweep.path");
        path.setToolTipText("The parameter swept: a path in the pipeline (model.layers[0].params.units, "
                + "training.epochs) or depth (the number of hidden layers)");
        values.setName("experiments.sweep.values");
        values.setToolTipText("The values, separated by commas");
        repeats.setName("experiments.sweep.repeats");
        repeats.setToolTipText("Seeds per value (the errors are their mean)");
        parallel.setName("experiments.sweep.parallel");
        parallel.setToolTipText("Runs at the same time");
        chartPanel.setName("experiments.sweep.chart");
        chartPanel.setPreferredSize(new Dimension(500, 300));

        // two rows: a FlowLayout at the top of a BorderLayout does not wrap, and the spinners fell off the edge
        JPanel what = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 2));
        what.add(new JLabel("Parameter:"));
        what.add(path);
        what.add(new JLabel("Values:"));
        what.add(values);
        JPanel how = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 2));
        how.add(new JLabel("Repeats:"));
        how.add(repeats);
        how.add(new JLabel("Parallel:"));
        how.add(parallel);
        JPanel settings = new JPanel(new java.awt.GridLayout(0, 1));
        settings.add(what);
        settings.add(how);
        JPanel top = new JPanel(new BorderLayout());
        top.add(settings, BorderLayout.NORTH);
        top.add(buttons(), BorderLayout.CENTER);
        top.add(status, BorderLayout.SOUTH);
        JPanel chartArea = new JPanel(new BorderLayout());
        chartArea.add(chartPanel, BorderLayout.CENTER);
        chartArea.add(ChartExport.buttons(workbench, "experiments.sweep.exportPng", "experiments.sweep.exportSvg",
                chartPanel, () -> errors.getSeriesCount() == 0 ? null : ChartDrawings.of(chart),
                () -> folder == null ? "sweep" : folder.getFileName().toString()), BorderLayout.SOUTH);
        panel.add(top, BorderLayout.NORTH);
        panel.add(chartArea, BorderLayout.CENTER);
    }

    /**
     * Suggests a sweep for the pipeline (the first layer's units, else the epochs) when the fields are empty or
     * still hold the last suggestion.
     */
    void prefillIfUntouched() {
        boolean untouched = path.getText().isBlank()
                || (path.getText().equals(suggestedPath) && values.getText().equals(suggestedValues));
        if (!untouched) {
            return;
        }
        suggest();
        suggestedPath = path.getText();
        suggestedValues = values.getText();
    }

    private void suggest() {
        Pipeline p = workbench.pipeline().get();
        List<ComponentRef> layers = p.model().layers() == null ? List.of() : p.model().layers();
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).params().get("units") instanceof Number) {
                path.setText("model.layers[" + i + "].params.units");
                values.setText("1, 2, 4, 8, 16, 32, 64");
                return;
            }
        }
        path.setText("training.epochs");
        int e = Math.max(1, p.training().epochs());
        java.util.Set<Integer> suggested = new java.util.LinkedHashSet<>(List.of(Math.max(1, e / 4),
                Math.max(1, e / 2), e, e * 2));
        values.setText(suggested.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")));
    }

    @Override
    protected boolean serviceAvailable() {
        return workbench.experiments().searches().isPresent();
    }

    @Override
    protected Launch prepare(PipelineSource source) {
        Searches searches = workbench.experiments().searches().orElse(null);
        if (searches == null) {
            return null;
        }
        String parameter = path.getText().strip();
        if (parameter.isEmpty()) {
            workbench.notifier().error("Cannot start the sweep", "Parameter: write the path of the parameter to "
                    + "sweep, e.g. model.layers[0].params.units, training.epochs or depth.");
            return null;
        }
        List<Object> list;
        try {
            list = ExperimentData.values(values.getText());
        } catch (IllegalArgumentException e) {
            workbench.notifier().error("Cannot start the sweep", e.getMessage());
            return null;
        }
        points = list.size();
        Searches.SweepOptions options = new Searches.SweepOptions(workbench.runsDirectory(), parameter, list,
                (Integer) repeats.getValue(), (Integer) parallel.getValue(), cluster());
        chart.getXYPlot().getDomainAxis().setLabel(parameter);
        return listener -> searches.sweep(source, options, listener);
    }

    @Override
    protected void starting() {
        done = 0;
        errors.removeAllSeries();
    }

    @Override
    protected void trialFinished(Trial trial) {
        done++;
        status.setText(done + " runs done (" + points + " values × " + repeats.getValue() + " repeats)");
        readSweep();
    }

    @Override
    protected void finished(List<Trial> trials, Throwable failure) {
        if (failure != null) {
            status.setText("The sweep failed: " + Messages.of(failure));
            workbench.notifier().error("Sweep failed", Messages.of(failure));
            return;
        }
        status.setText("Sweep ended: " + trials.size() + " runs — " + folder);
        readSweep();
    }

    /** Reads sweep.csv on the background executor and redraws. */
    private void readSweep() {
        Path f = folder;
        if (f == null) {
            return;
        }
        int mine = ++reads;
        try {
            workbench.background().execute(() -> {
                try {
                    ExperimentData.Table table = ExperimentData.sweep(f.resolve(ExperimentFiles.SWEEP));
                    SwingUtilities.invokeLater(() -> {
                        if (mine == reads) {
                            show(table);
                        }
                    });
                } catch (IOException | RuntimeException e) {
                    SwingUtilities.invokeLater(() -> status.setText("Cannot read " + ExperimentFiles.SWEEP + ": "
                            + Messages.of(e)));
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            status.setText("The workbench is closing.");
        }
    }

    /** Draws a sweep table's error columns against the value. */
    void show(ExperimentData.Table table) {
        errors.removeAllSeries();
        XYSeriesCollection read = ExperimentData.sweepSeries(table);
        for (int i = 0; i < read.getSeriesCount(); i++) {
            errors.addSeries(read.getSeries(i));
        }
        ChartDrawings.style(chart);
    }

    // ---------------------------------------------------------------- for tests

    XYSeriesCollection errorData() {
        return errors;
    }

    JTextField pathField() {
        return path;
    }

    JTextField valuesField() {
        return values;
    }
}
