package org.cajal.preprocessing.internal;

import java.util.Arrays;
import java.util.List;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.Parameters;
import org.cajal.api.data.DataSchema;
import org.cajal.api.data.DatasetException;
import org.cajal.api.data.Examples;
import org.cajal.api.data.FittedTransform;
import org.cajal.api.data.Preprocessor;
import org.osgi.service.component.annotations.Component;

/** Standardises numeric feature columns to mean 0 and standard deviation 1, with statistics of the training split. */
@Component(service = Preprocessor.class)
public final class StandardiseStep implements Preprocessor {

    static final String ID = "standardise";

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "Standardise", "Preprocessing",
            "Rescales each numeric feature column to mean 0 and standard deviation 1: x' = (x - mean) / sd. The mean "
                    + "and the population standard deviation (dividing by n) are learned from the training split "
                    + "only, then applied unchanged to validation and test data and saved with the model. A column "
                    + "that is constant on the training split gets sd 1, so it is only centred (to 0) and nothing "
                    + "divides by zero. Categorical features (category indices) are never standardised: one-hot them "
                    + "instead. Works on flat feature vectors (tabular data) only; for images use image-scale. "
                    + "Targets are left as they are.",
            List.of(FeatureColumns.parameter("Comma-separated names of the feature columns to standardise; "
                    + "leave out for every numeric (non-categorical) column.")));

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public FittedTransform fit(Iterable<Examples> training, DataSchema schema, Parameters parameters)
            throws DatasetException {
        int[] columns = FeatureColumns.numeric(schema, parameters, ID);
        int width = FeatureColumns.requireFlat(schema, ID);
        List<String> names = FeatureColumns.names(schema, width);
        ColumnStatistics statistics = ColumnStatistics.of(training, Examples::features, columns, names, ID);
        double[] mean = statistics.mean();
        double[] sd = Arrays.stream(statistics.standardDeviation()).map(s -> s > 0 ? s : 1).toArray();
        double[] factor = Arrays.stream(sd).map(s -> 1 / s).toArray();
        String description = ID + ": " + Describe.columns(names, columns, "mean", mean) + ", "
                + Describe.columns(names, columns, "sd", sd);
        return new ScaledFeatures(description,
                new ColumnScaling(width, columns, mean, factor, new double[columns.length]));
    }
}
