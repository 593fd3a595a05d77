package org.cajal.visualisers;

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
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.osgi.service.component.annotations.Component;

/** Training and validation loss per epoch, from the run's metrics table (metrics.csv). */
@Component(service = Visualiser.class)
public final class LossCurvesVisualiser implements Visualiser {

    static final String ID = "loss-curves";
    static final String LOG_SCALE = "logScale";
    static final String TRAIN = "train_loss";
    static final String VALIDATION = "validation_loss";

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "Loss curves", "Training",
            "The training loss (mean over the epoch's batches) and the validation loss (after the epoch) per epoch. "
                    + "Both falling means the model is still learning; validation loss rising while training loss "
                    + "keeps falling is the sign of overfitting, and the epoch where it turns is where early stopping "
                    + "would stop.",
            List.of(ParameterSpec.bool(LOG_SCALE, false)
                    .help("Logarithmic loss axis, which shows small late improvements; epochs with a loss of 0 or "
                            + "less are then left out.")));

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public boolean accepts(RunRecord run) {
        return run != null && (Plots.finiteColumn(run, TRAIN) != null || Plots.finiteColumn(run, VALIDATION) != null);
    }

    @Override
    public Drawing render(RunRecord run, Parameters parameters) {
        return ChartDrawings.of(chart(run, parameters));
    }

    /** The chart that {@link #render} draws. */
    JFreeChart chart(RunRecord run, Parameters parameters) {
        boolean log = parameters.getBoolean(LOG_SCALE);
        double[] epochs = Plots.epochs(run);
        XYSeriesCollection dataset = new XYSeriesCollection();
        add(dataset, "training", epochs, Plots.finiteColumn(run, TRAIN), log);
        add(dataset, "validation", epochs, Plots.finiteColumn(run, VALIDATION), log);
        if (dataset.getSeriesCount() == 0) {
            throw new IllegalArgumentException(ID + ": run " + run.runId() + " has no " + TRAIN + " or "
                    + VALIDATION + " values" + (log ? " above 0 (turn off " + LOG_SCALE + ")" : ""));
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Loss per epoch", "epoch", "loss", dataset,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, epochs.length <= 60);
        plot.setRenderer(renderer);
        NumberAxis epochAxis = (NumberAxis) plot.getDomainAxis();
        epochAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        if (log) {
            LogAxis axis = new LogAxis("loss (log scale)");
            axis.setAutoRange(true);
            plot.setRangeAxis(axis);
        } else {
            ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        }
        return ChartDrawings.style(chart);
    }

    private static void add(XYSeriesCollection dataset, String name, double[] epochs, double[] values, boolean log) {
        if (values == null) {
            return;
        }
        XYSeries series = new XYSeries(name, true, false);
        for (int i = 0; i < values.length && i < epochs.length; i++) {
            if (Double.isFinite(values[i]) && (!log || values[i] > 0)) {
                series.add(epochs[i], values[i]);
            }
        }
        if (series.getItemCount() > 0) {
            dataset.addSeries(series);
        }
    }
}
