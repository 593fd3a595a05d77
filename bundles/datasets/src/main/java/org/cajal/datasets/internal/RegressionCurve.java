package org.cajal.datasets.internal;

import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/** The functions the 1-D regression generator draws from, as the user picks them in its {@code function} parameter. */
enum RegressionCurve {
    /** {@code slope * x + intercept}. */
    LINEAR("linear"),
    /** {@code sin(x)}. */
    SINE("sine"),
    /** {@code x^3}. */
    CUBIC("cubic"),
    /** {@code |x|}. */
    ABS("abs");

    private final String id;

    RegressionCurve(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    /** The noise-free function; slope and intercept are used by {@link #LINEAR} only. */
    DoubleUnaryOperator function(double slope, double intercept) {
        return switch (this) {
            case LINEAR -> x -> slope * x + intercept;
            case SINE -> Math::sin;
            case CUBIC -> x -> x * x * x;
            case ABS -> Math::abs;
        };
    }

    static List<String> ids() {
        return Arrays.stream(values()).map(RegressionCurve::id).toList();
    }

    static RegressionCurve byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown function '" + id + "'; known: " + ids()));
    }
}
