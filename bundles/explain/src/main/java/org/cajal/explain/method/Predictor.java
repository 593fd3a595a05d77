package org.cajal.explain.method;

/** A trained model as the methods see it: raw feature rows in, one output row per input row out. */
@FunctionalInterface
public interface Predictor {

    /** Class probabilities, or values in the target's units; one row per input row. */
    double[][] predict(double[][] rows);
}
