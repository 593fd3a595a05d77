package org.cajal.visualisers;

import java.util.ArrayList;
import java.util.List;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.Parameters;
import org.cajal.api.visual.Drawing;
import org.cajal.api.visual.RunRecord;
import org.cajal.api.visual.Visualiser;
import org.cajal.charts.ChartDrawings;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.osgi.service.component.annotations.Component;

/** The validation metric(s) per epoch: every {@code validation_<metric>} column of metrics.csv except the loss. */
@Component(service = Visualiser.class)
public final class MetricCurvesVisualiser implements Visualiser {

    static final String ID = "metric-curves";
    static final String PREFIX = "validation_";

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "Metric curves", "Training",
            "The validation metric the run tracks (accuracy for classification, mean squared error for regression) "
                    + "after each epoch. It shows when the model stopped improving on data it does not train on, "
                    + "in the units that matter rather than in loss.",
            List.of());

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public boolean accepts(RunRecord run) {
        return run != null && !metricColumns(run).isEmpty();
    }

    @Override
    public Drawing render(RunRecord run, Parameters parameters) {
        return ChartDrawings.of(chart(run));
    }

    /** The chart that {@link #render} draws. */
    JFreeChart chart(RunRecord run) {
        List<String> columns = metricColumns(run);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException(ID + ": run " + run.runId()
                    + " has no validation metric column (validation_<metric>) with values in metrics.csv");
        }
        double[] epochs = Plots.epochs(run);
        XYSeriesCollection dataset = new XYSeriesCollection();
        for (String column : columns) {
            double[] values = Plots.finiteColumn(run, column);
            XYSeries series = new XYSeries(metricName(column), true, false);
            for (int i = 0; i < values.length && i < epochs.length; i++) {
                if (Double.isFinite(values[i])) {
                    series.add(epochs[i], values[i]);
                }
            }
            dataset.addSeries(series);
        }
        String title = columns.size() == 1 ? "Validation " + metricName(columns.get(0)) + " per epoch"
                : "Validation metrics per epoch";
        String axis = columns.size() == 1 ? metricName(columns.get(0)) : "value";
        JFreeChart chart = ChartFactory.createXYLineChart(title, "epoch", axis, dataset, PlotOrientation.VERTICAL,
                true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setRenderer(new XYLineAndShapeRenderer(true, epochs.length <= 60));
        ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        return ChartDrawings.style(chart);
    }

    /** The {@code validation_<metric>} columns other than the loss that hold at least one value. */
    static List<String> metricColumns(RunRecord run) {
        List<String> out = new ArrayList<>();
        for (String column : run.metricColumns()) {
            if (column.startsWith(PREFIX) && !column.equals(LossCurvesVisualiser.VALIDATION)
                    && Plots.finiteColumn(run, column) != null) {
                out.add(column);
            }
        }
        return out;
    }

    private static String metricName(String column) {
        return column.substring(PREFIX.length()).replace('_', ' ');
    }
}
