package org.cajal.plugins.gan;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Székely's energy distance between two samples {@code X} and {@code Y}:
 * {@code 2 E|X - Y| - E|X - X'| - E|Y - Y'|} with Euclidean distances, each expectation the mean over all pairs
 * (the V-statistic, so the result is never negative and 0 only for identical samples). It is 0 in the population
 * exactly when the two distributions are equal, and it sees a missing mode as well as a misplaced one.
 */
final class EnergyDistance {

    private EnergyDistance() {
    }

    /**
     * The energy distance between the rows of {@code x} {@code [n, d]} and of {@code y} {@code [m, d]}, computed
     * in double precision; O((n + m)^2 d).
     */
    static double between(INDArray x, INDArray y) {
        if (x.size(1) != y.size(1)) {
            throw new IllegalArgumentException("samples of width " + x.size(1) + " and " + y.size(1)
                    + " cannot be compared");
        }
        INDArray a = x.castTo(DataType.DOUBLE);
        INDArray b = y.castTo(DataType.DOUBLE);
        return 2 * meanDistance(a, b) - meanDistance(a, a) - meanDistance(b, b);
    }

    /** Mean Euclidean distance over all pairs of a row of {@code a} and a row of {@code b}. */
    private static double meanDistance(INDArray a, INDArray b) {
        INDArray aa = a.mul(a).sum(true, 1);                      // [n, 1]
        INDArray bb = b.mul(b).sum(true, 1).transpose();          // [1, m]
        INDArray squared = a.mmul(b.transpose()).muli(-2).addiColumnVector(aa).addiRowVector(bb);
        Transforms.max(squared, 0.0, false);
        return Transforms.sqrt(squared, false).meanNumber().doubleValue();
    }
}
