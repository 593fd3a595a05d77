package org.cajal.preprocessing.internal;

import org.cajal.api.data.DataSchema;
import org.cajal.api.data.Examples;
import org.cajal.api.data.FittedTransform;
import org.nd4j.linalg.api.buffer.DataType;

/** Fitted image-scale: every feature value divided by a fixed maximum. Schema and targets stay as they are. */
final class ScaledPixels implements FittedTransform {

    private static final long serialVersionUID = 1L;

    private final double max;

    ScaledPixels(double max) {
        if (!(max > 0) || Double.isInfinite(max)) {
            throw new IllegalArgumentException("max must be a positive number, not " + max);
        }
        this.max = max;
    }

    double max() {
        return max;
    }

    @Override
    public DataSchema outputSchema(DataSchema input) {
        return input;
    }

    /** {@code castTo} may return the features themselves, but {@code div} always makes a new array. */
    @Override
    public Examples apply(Examples examples) {
        return new Examples(examples.features().castTo(DataType.FLOAT).div(max), examples.targets());
    }

    @Override
    public String toString() {
        return "image-scale: x / " + max;
    }
}
