package org.cajal.preprocessing.internal;

import java.util.List;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.cajal.api.data.DataSchema;
import org.cajal.api.data.DatasetException;
import org.cajal.api.data.Examples;
import org.cajal.api.data.FittedTransform;
import org.cajal.api.data.Preprocessor;
import org.osgi.service.component.annotations.Component;

/** Rescales numeric feature columns linearly so that the training split's range becomes [min, max]. */
@Component(service = Preprocessor.class)
public final class MinMaxStep implements Preprocessor {

    static final String ID = "min-max";
    static final String MIN = "min";
    static final String MAX = "max";

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "Min-max scale", "Preprocessing",
            "Rescales each numeric feature column linearly so that its smallest value on the training split becomes "
                    + "min and its largest becomes max: x' = min + (x - lo) * (max - min) / (hi - lo), with lo and hi "
                    + "learned from the training split only and saved with the model. Validation and test values "
                    + "outside the training range land outside [min, max]; nothing is clipped. A column that is "
                    + "constant on the training split maps to the middle of the range, (min + max) / 2. Categorical "
                    + "features are never scaled (one-hot them instead). Works on flat feature vectors (tabular "
                    + "data) only; for images use image-scale. Targets are left as they are.",
            List.of(ParameterSpec.number(MIN, 0.0).help("Value the smallest training value of a column maps to."),
                    ParameterSpec.number(MAX, 1.0).help("Value the largest training value of a column maps to; "
                            + "must be greater than min."),
                    FeatureColumns.parameter("Comma-separated names of the feature columns to scale; leave out "
                            + "for every numeric (non-categorical) column.")));

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public FittedTransform fit(Iterable<Examples> training, DataSchema schema, Parameters parameters)
            throws DatasetException {
        double low = parameters.getDouble(MIN);
        double high = parameters.getDouble(MAX);
        if (!(low < high)) {
            throw new DatasetException(ID + ": min (" + low + ") must be less than max (" + high + ")");
        }
        int[] columns = FeatureColumns.numeric(schema, parameters, ID);
        int width = FeatureColumns.requireFlat(schema, ID);
        List<String> names = FeatureColumns.names(schema, width);
        ColumnStatistics statistics = ColumnStatistics.of(training, Examples::features, columns, names, ID);
        double[] lo = statistics.min();
        double[] hi = statistics.max();
        double[] factor = new double[columns.length];
        double[] offset = new double[columns.length];
        for (int k = 0; k < columns.length; k++) {
            boolean constant = hi[k] == lo[k];
            factor[k] = constant ? 0 : (high - low) / (hi[k] - lo[k]);
            offset[k] = constant ? (low + high) / 2 : low;
        }
        String description = ID + " to [" + low + ", " + high + "]: " + Describe.columns(names, columns, "lo", lo)
                + ", " + Describe.columns(names, columns, "hi", hi);
        return new ScaledFeatures(description, new ColumnScaling(width, columns, lo, factor, offset));
    }
}
