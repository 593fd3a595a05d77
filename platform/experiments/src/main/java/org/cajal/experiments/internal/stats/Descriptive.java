package org.cajal.experiments.internal.stats;

import java.util.List;

import org.cajal.experiments.Summary;

/** Means, sds and t intervals. (To be written: helper "stats".) */
public final class Descriptive {

    private Descriptive() {
    }

    public static Summary summarise(double[] values) {
        throw new UnsupportedOperationException("not written yet");
    }

    public static List<Summary> band(List<double[]> curves) {
        throw new UnsupportedOperationException("not written yet");
    }
}
