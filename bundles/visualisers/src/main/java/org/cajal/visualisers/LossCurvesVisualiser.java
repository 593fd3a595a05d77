package org.cajal.visualisers;

import java.util.List;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.cajal.api.visual.Drawing;
import org.cajal.api.visual.RunRecord;
import org.cajal.api.visual.Visualiser;
import org.cajal.charts.ChartDrawings;
import org.cajal.charts.LineChart;
import org.jfree.chart.JFreeChart;
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
        LineChart chart = LineChart.of("Loss per epoch", "epoch", log ? "loss (log scale)" : "loss")
                .markers(epochs.length <= 60).wholeNumbersOnX();
        add(chart, "training", epochs, Plots.finiteColumn(run, TRAIN), log);
        add(chart, "validation", epochs, Plots.finiteColumn(run, VALIDATION), log);
        if (chart.isEmpty()) {
            throw new IllegalArgumentException(ID + ": run " + run.runId() + " has no " + TRAIN + " or "
                    + VALIDATION + " values" + (log ? " above 0 (turn off " + LOG_SCALE + ")" : ""));
        }
        return (log ? chart.logarithmicY() : chart).chart();
    }

    /** Adds the column's line if it has a value to draw (above 0 on a log scale). */
    private static void add(LineChart chart, String name, double[] epochs, double[] values, boolean log) {
        if (values == null) {
            return;
        }
        double[] drawn = values.clone();
        boolean any = false;
        for (int i = 0; i < drawn.length; i++) {
            if (log && drawn[i] <= 0) {
                drawn[i] = Double.NaN;
            }
            any |= i < epochs.length && Double.isFinite(drawn[i]);
        }
        if (any) {
            chart.line(name, epochs, drawn);
        }
    }
}
