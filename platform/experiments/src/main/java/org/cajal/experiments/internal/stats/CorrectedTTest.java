package org.cajal.experiments.internal.stats;

import org.cajal.experiments.Comparison;

/** Nadeau and Bengio's corrected resampled t-test. (To be written: helper "stats".) */
public final class CorrectedTTest {

    private CorrectedTTest() {
    }

    public static Comparison compare(double[] a, double[] b, double testTrainRatio, String metric,
                                     boolean higherIsBetter) {
        throw new UnsupportedOperationException("not written yet");
    }
}
