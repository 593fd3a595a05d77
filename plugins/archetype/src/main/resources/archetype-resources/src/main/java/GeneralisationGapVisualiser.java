package ${package};

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.cajal.api.visual.Drawing;
import org.cajal.api.visual.RunRecord;
import org.cajal.api.visual.Visualiser;
import org.cajal.charts.ChartDrawings;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.osgi.service.component.annotations.Component;

/**
 * The generalisation gap per epoch: validation loss minus training loss, from the run's metrics table
 * (metrics.csv). A gap near 0 means the model does as well on data it has not seen as on its training data; a gap
 * that keeps growing while the training loss falls is overfitting.
 *
 * <p>Visualisers are called by the workbench off the event-dispatch thread and by {@code cajal plot} in batch mode:
 * {@link #render} returns a {@link Drawing} that can paint into any Graphics2D, so the same chart appears in the
 * window, in a PNG and in an SVG. Cajal's charts bundle gives the house style ({@link ChartDrawings#style}).
 */
@Component(service = Visualiser.class)
public final class GeneralisationGapVisualiser implements Visualiser {

    static final String ID = "generalisation-gap";
    static final String SMOOTHING = "smoothing";
    static final String TRAIN = "train_loss";
    static final String VALIDATION = "validation_loss";

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "Generalisation gap",
            "Training",
            "Validation loss minus training loss, per epoch. Near 0: the model does as well on unseen data as on "
                    + "its training data. Growing while the training loss falls: the model memorises its training "
                    + "data (overfitting); more data, regularisation or early stopping help. Below 0 is common "
                    + "early on, because the training loss is averaged over an epoch that started with a worse "
                    + "model, and with noise or dropout layers, which act only in training.",
            List.of(ParameterSpec.integer(SMOOTHING, 1).range(1, 50).unit("epochs")
                    .help("Window of the moving average drawn over the gap (1 = no smoothing).")));

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** Only runs that recorded both losses for at least one epoch: a run without validation split has no gap. */
    @Override
    public boolean accepts(RunRecord run) {
        if (run == null) {
            return false;
        }
        for (double g : gap(run)) {
            if (Double.isFinite(g)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Drawing render(RunRecord run, Parameters parameters) {
        return ChartDrawings.of(chart(run, parameters.getInt(SMOOTHING)));
    }

    /** The chart {@link #render} draws. */
    JFreeChart chart(RunRecord run, int smoothing) {
        double[] epochs = run.column("epoch").orElseThrow(() -> new IllegalArgumentException(
                ID + ": run " + run.runId() + " has no epoch column in its metrics"));
        double[] gap = gap(run);
        XYSeriesCollection dataset = new XYSeriesCollection();
        dataset.addSeries(series("validation - training loss", epochs, gap));
        if (smoothing > 1) {
            dataset.addSeries(series("moving average of " + smoothing + " epochs", epochs,
                    movingAverage(gap, smoothing)));
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Generalisation gap", "epoch", "validation - training loss",
                dataset, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setRenderer(new XYLineAndShapeRenderer(true, epochs.length <= 60));
        ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        ValueMarker zero = new ValueMarker(0, Color.GRAY, new BasicStroke(1f));
        plot.addRangeMarker(zero);
        return ChartDrawings.style(chart);
    }

    /** Validation loss minus training loss per epoch; NaN where either is missing. */
    static double[] gap(RunRecord run) {
        double[] train = run.column(TRAIN).orElse(new double[0]);
        double[] validation = run.column(VALIDATION).orElse(new double[0]);
        int n = Math.max(train.length, validation.length);
        double[] gap = new double[n];
        for (int i = 0; i < n; i++) {
            gap[i] = i < train.length && i < validation.length ? validation[i] - train[i] : Double.NaN;
        }
        return gap;
    }

    /** The mean of the last {@code window} finite values up to each epoch (fewer at the start); NaN where none. */
    static double[] movingAverage(double[] values, int window) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            double sum = 0;
            int count = 0;
            for (int j = Math.max(0, i - window + 1); j <= i; j++) {
                if (Double.isFinite(values[j])) {
                    sum += values[j];
                    count++;
                }
            }
            out[i] = count == 0 ? Double.NaN : sum / count;
        }
        return out;
    }

    private static XYSeries series(String name, double[] epochs, double[] values) {
        XYSeries series = new XYSeries(name, true, false);
        for (int i = 0; i < values.length && i < epochs.length; i++) {
            if (Double.isFinite(values[i])) {
                series.add(epochs[i], values[i]);
            }
        }
        return series;
    }
}
