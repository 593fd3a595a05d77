package org.cajal.preprocessing.internal;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.Parameters;
import org.cajal.api.data.DataSchema;
import org.cajal.api.data.DatasetException;
import org.cajal.api.data.Examples;
import org.cajal.api.data.FittedTransform;
import org.cajal.api.data.Preprocessor;
import org.cajal.api.data.TargetKind;
import org.osgi.service.component.annotations.Component;

/** Standardises regression targets with the training split's mean and standard deviation. */
@Component(service = Preprocessor.class)
public final class TargetStandardiseStep implements Preprocessor {

    static final String ID = "target-standardise";

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "Standardise target",
            "Preprocessing",
            "Rescales each regression target to mean 0 and standard deviation 1: y' = (y - mean) / sd, with the "
                    + "mean and population sd learned from the training split only (sd 1 for a constant target) "
                    + "and saved with the model. Useful when targets are large (prices) and the loss would otherwise "
                    + "start huge. The network then learns, predicts and is evaluated in standardised units: a "
                    + "prediction p means y = p * sd + mean in the original units; reported RMSE and MAE are sd "
                    + "times too small, MSE sd^2 times, and R^2 is unchanged. The fitted step's description lists "
                    + "mean and sd. Only for regression targets; features are left as they are.",
            List.of());

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public FittedTransform fit(Iterable<Examples> training, DataSchema schema, Parameters parameters)
            throws DatasetException {
        if (schema.targetKind() != TargetKind.REGRESSION) {
            throw new DatasetException(ID + " works on regression targets only, but the target is "
                    + schema.targetKind().name().toLowerCase(java.util.Locale.ROOT));
        }
        int width = schema.targetWidth();
        int[] columns = IntStream.range(0, width).toArray();
        List<String> names = schema.targetNames();
        ColumnStatistics statistics = ColumnStatistics.of(training, Examples::targets, columns, names, ID);
        double[] mean = statistics.mean();
        double[] sd = Arrays.stream(statistics.standardDeviation()).map(s -> s > 0 ? s : 1).toArray();
        double[] factor = Arrays.stream(sd).map(s -> 1 / s).toArray();
        String description = ID + ": " + Describe.columns(names, columns, "mean", mean) + ", "
                + Describe.columns(names, columns, "sd", sd) + "; predictions y = y' * sd + mean";
        return new StandardisedTargets(description, new ColumnScaling(width, columns, mean, factor, new double[width]));
    }
}
