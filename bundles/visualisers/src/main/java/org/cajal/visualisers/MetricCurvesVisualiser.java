package org.cajal.visualisers;

import java.util.ArrayList;
import java.util.List;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.Parameters;
import org.cajal.api.visual.Drawing;
import org.cajal.api.visual.RunRecord;
import org.cajal.api.visual.Visualiser;
import org.cajal.charts.ChartDrawings;
import org.cajal.charts.LineChart;
import org.jfree.chart.JFreeChart;
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
        String title = columns.size() == 1 ? "Validation " + metricName(columns.get(0)) + " per epoch"
                : "Validation metrics per epoch";
        String axis = columns.size() == 1 ? metricName(columns.get(0)) : "value";
        LineChart chart = LineChart.of(title, "epoch", axis).markers(epochs.length <= 60).wholeNumbersOnX();
        for (String column : columns) {
            chart.line(metricName(column), epochs, Plots.finiteColumn(run, column));
        }
        return chart.chart();
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
