package org.cajal.preprocessing.internal;

import java.util.Objects;

import org.cajal.api.data.DataSchema;
import org.cajal.api.data.Examples;
import org.cajal.api.data.FittedTransform;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Fitted target-standardise: regression targets mapped to {@code (y - mean) / sd}; features and schema stay as they
 * are. {@link #restore} maps standardised values (targets or predictions) back to the original units.
 */
final class StandardisedTargets implements FittedTransform {

    private static final long serialVersionUID = 1L;

    private final String description;
    private final ColumnScaling scaling;

    StandardisedTargets(String description, ColumnScaling scaling) {
        this.description = Objects.requireNonNull(description);
        this.scaling = Objects.requireNonNull(scaling);
    }

    @Override
    public DataSchema outputSchema(DataSchema input) {
        if (input.targetWidth() != scaling.width()) {
            throw new IllegalArgumentException(description + " was fitted on " + scaling.width()
                    + " targets but the input has " + input.targetWidth());
        }
        return input;
    }

    /** New targets; the features are passed on as they are (the same array, not modified). */
    @Override
    public Examples apply(Examples examples) {
        if (examples.targets() == null) {
            throw new IllegalArgumentException("target-standardise needs examples with targets");
        }
        return new Examples(examples.features(), scaling.apply(examples.targets()));
    }

    /** The inverse, {@code y = y' * sd + mean}, for targets or predictions {@code [n, targets]} in standardised units. */
    INDArray restore(INDArray standardised) {
        return scaling.invert(standardised);
    }

    /** Per target: the training mean. */
    double[] mean() {
        return scaling.centre();
    }

    /** Per target: the training population standard deviation (1 for a constant target). */
    double[] standardDeviation() {
        double[] factor = scaling.factor();
        double[] sd = new double[factor.length];
        for (int k = 0; k < factor.length; k++) {
            sd[k] = 1 / factor[k];
        }
        return sd;
    }

    @Override
    public String toString() {
        return description;
    }
}
