package org.cajal.preprocessing.internal;

import java.util.Objects;

import org.cajal.api.data.DataSchema;
import org.cajal.api.data.Examples;
import org.cajal.api.data.FittedTransform;

/** Fitted standardise or min-max: a per-column affine map of flat features; schema and targets stay as they are. */
final class ScaledFeatures implements FittedTransform {

    private static final long serialVersionUID = 1L;

    private final String description;
    private final ColumnScaling scaling;

    /** @param description what was fitted, for people reading a saved model ({@code standardise: mean ..., sd ...}) */
    ScaledFeatures(String description, ColumnScaling scaling) {
        this.description = Objects.requireNonNull(description);
        this.scaling = Objects.requireNonNull(scaling);
    }

    ColumnScaling scaling() {
        return scaling;
    }

    @Override
    public DataSchema outputSchema(DataSchema input) {
        if (input.featureShape().size() != 1 || input.featureCount() != scaling.width()) {
            throw new IllegalArgumentException(description + " was fitted on " + scaling.width()
                    + " flat features but the input has shape " + input.featureShape());
        }
        return input;
    }

    @Override
    public Examples apply(Examples examples) {
        return new Examples(scaling.apply(examples.features()), examples.targets());
    }

    @Override
    public String toString() {
        return description;
    }
}
