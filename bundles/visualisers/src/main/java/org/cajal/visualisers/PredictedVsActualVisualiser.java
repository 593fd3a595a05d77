package org.cajal.visualisers;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.List;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.Parameters;
import org.cajal.api.data.TargetKind;
import org.cajal.api.visual.Drawing;
import org.cajal.api.visual.RunData;
import org.cajal.api.visual.RunRecord;
import org.cajal.api.visual.Visualiser;
import org.cajal.charts.ChartDrawings;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.osgi.service.component.annotations.Component;

/** Regression: each evaluated example's predicted value against its true value, with the line y = x and R². */
@Component(service = Visualiser.class)
public final class PredictedVsActualVisualiser implements Visualiser {

    static final String ID = "predicted-vs-actual";
    /** At most this many points are drawn (evenly spaced through the split); R² uses all examples. */
    static final int MAX_POINTS = 5000;

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "Predicted vs actual",
            "Evaluation",
            "Each evaluated example as a point at (actual value, predicted value). A perfect model puts every point "
                    + "on the dashed line y = x; points above it are over-estimates, below it under-estimates, and a "
                    + "fan or a curve shows where the model is systematically off. The title gives R², the share of "
                    + "the target's variance the predictions explain (1 is perfect, 0 is no better than the mean).",
            List.of());

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public boolean accepts(RunRecord run) {
        return Plots.hasData(run, TargetKind.REGRESSION);
    }

    @Override
    public Drawing render(RunRecord run, Parameters parameters) {
        return ChartDrawings.of(chart(run));
    }

    /** The chart that {@link #render} draws. */
    JFreeChart chart(RunRecord run) {
        RunData data = Plots.data(run, ID);
        if (data.targetKind() != TargetKind.REGRESSION) {
            throw new IllegalArgumentException(ID + ": run " + run.runId() + " is " + data.targetKind()
                    + ", not regression");
        }
        RunData.Predictions predictions = data.predictions();
        double[] actual = predictions.actual();
        double[] predicted = new double[actual.length];
        for (int i = 0; i < actual.length; i++) {
            double[] row = predictions.outputs()[i];
            predicted[i] = row.length == 0 ? Double.NaN : row[0];
        }
        double r2 = rSquared(actual, predicted);
        XYSeries series = new XYSeries("examples", false, true);
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        int step = Math.max(1, (actual.length + MAX_POINTS - 1) / MAX_POINTS);
        for (int i = 0; i < actual.length; i++) {
            if (!Double.isFinite(actual[i]) || !Double.isFinite(predicted[i])) {
                continue;
            }
            low = Math.min(low, Math.min(actual[i], predicted[i]));
            high = Math.max(high, Math.max(actual[i], predicted[i]));
            if (i % step == 0) {
                series.add(actual[i], predicted[i]);
            }
        }
        if (series.getItemCount() == 0) {
            throw new IllegalArgumentException(ID + ": run " + run.runId() + " has no finite predictions to plot");
        }
        String title = "Predicted vs actual (R² = " + (Double.isNaN(r2) ? "undefined" : Plots.brief(r2)) + ")";
        JFreeChart chart = ChartFactory.createScatterPlot(title, "actual", "predicted",
                new XYSeriesCollection(series), PlotOrientation.VERTICAL, false, false, false);
        if (step > 1) {
            chart.addSubtitle(Plots.subtitle("every " + step + "th of " + actual.length + " examples shown; R² over all"));
        }
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
        plot.setRenderer(renderer);
        double pad = high > low ? (high - low) * 0.05 : Math.max(1, Math.abs(high)) * 0.05;
        for (NumberAxis axis : new NumberAxis[] {(NumberAxis) plot.getDomainAxis(), (NumberAxis) plot.getRangeAxis()}) {
            axis.setRange(low - pad, high + pad);
        }
        plot.addAnnotation(new XYLineAnnotation(low - pad, low - pad, high + pad, high + pad, Plots.DASHED,
                Plots.REFERENCE));
        ChartDrawings.style(chart);
        renderer.setSeriesPaint(0, new Color(0x0072B2 | 0xA0000000, true));
        return chart;
    }

    /**
     * The coefficient of determination 1 - SS_res / SS_tot over the examples where both values are finite; NaN
     * with fewer than two such examples or when the actual values do not vary.
     */
    static double rSquared(double[] actual, double[] predicted) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < actual.length; i++) {
            if (Double.isFinite(actual[i]) && Double.isFinite(predicted[i])) {
                sum += actual[i];
                n++;
            }
        }
        if (n < 2) {
            return Double.NaN;
        }
        double mean = sum / n;
        double residual = 0;
        double total = 0;
        for (int i = 0; i < actual.length; i++) {
            if (Double.isFinite(actual[i]) && Double.isFinite(predicted[i])) {
                residual += (actual[i] - predicted[i]) * (actual[i] - predicted[i]);
                total += (actual[i] - mean) * (actual[i] - mean);
            }
        }
        return total == 0 ? Double.NaN : 1 - residual / total;
    }
}
