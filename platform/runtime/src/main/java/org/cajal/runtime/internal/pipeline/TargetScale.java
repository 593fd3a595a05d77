package org.cajal.runtime.internal.pipeline;

import java.util.Arrays;
import java.util.List;

import org.cajal.api.data.Examples;
import org.cajal.api.data.FittedTransform;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * How fitted preprocessing maps regression targets, per target column {@code y' = scale * y + offset}, so that
 * predictions made in the model's units (e.g. after {@code target-standardise}) can be put back into the target's
 * original units. Found by probing the transforms with targets 0, P and 2P (P = 2^20): the API's {@link FittedTransform} has no
 * inverse, but every target transform Cajal ships is affine per column. A chain that is not affine (or maps two
 * targets onto one) is left as it is — {@link #isIdentity()} then, and predictions stay in the model's units.
 */
public record TargetScale(double[] scale, double[] offset) {

    /**
     * The probe step. Transforms compute in single precision: with probes 0 and 1, targets around 1e6 (prices)
     * would lose the step to rounding (y(1) - y(0) is far below the float spacing of y(0)); a step as large as
     * typical targets keeps the relative error near float precision. A power of two, exact in float.
     */
    private static final double STEP = 1 << 20;

    /** Relative tolerance of the affinity check. */
    private static final double TOLERANCE = 1e-4;

    public static TargetScale identity(int width) {
        double[] one = new double[width];
        Arrays.fill(one, 1);
        return new TargetScale(one, new double[width]);
    }

    /**
     * @param features one or more examples' features as the dataset gives them (the probe runs on the first)
     * @param width    the number of regression targets
     */
    public static TargetScale of(List<FittedTransform> transforms, INDArray features, int width) {
        if (transforms.isEmpty() || features.size(0) == 0) {
            return identity(width);
        }
        INDArray one = features.size(0) == 1 ? features
                : features.dup().reshape(features.size(0), -1).getRow(0, true).dup().reshape(shapeOfOne(features));
        double[] y0 = probe(transforms, one, width, 0);
        double[] y1 = probe(transforms, one, width, STEP);
        double[] y2 = probe(transforms, one, width, 2 * STEP);
        double[] scale = new double[width];
        for (int k = 0; k < width; k++) {
            scale[k] = (y1[k] - y0[k]) / STEP;
            double expected = y0[k] + 2 * STEP * scale[k];
            boolean affine = Math.abs(y2[k] - expected) <= TOLERANCE * Math.max(1, Math.abs(expected));
            if (!affine || scale[k] == 0 || !Double.isFinite(scale[k])) {
                return identity(width);
            }
        }
        return new TargetScale(scale, y0);
    }

    private static long[] shapeOfOne(INDArray features) {
        long[] shape = features.shape().clone();
        shape[0] = 1;
        return shape;
    }

    private static double[] probe(List<FittedTransform> transforms, INDArray features, int width, double value) {
        INDArray targets = Nd4j.valueArrayOf(new long[] {1, width}, value, DataType.FLOAT);
        Examples out = Preprocessing.apply(transforms, new Examples(features, targets));
        return out.targets() == null ? new double[width] : out.targets().castTo(DataType.DOUBLE).toDoubleVector();
    }

    public boolean isIdentity() {
        return Arrays.stream(scale).allMatch(s -> s == 1) && Arrays.stream(offset).allMatch(o -> o == 0);
    }

    /** Model-unit values {@code [n, width]} in the target's original units: {@code y = (y' - offset) / scale}. */
    public double[][] restore(INDArray modelUnits) {
        double[][] rows = modelUnits.castTo(DataType.DOUBLE).reshape(modelUnits.size(0), -1).toDoubleMatrix();
        for (double[] row : rows) {
            for (int k = 0; k < row.length && k < scale.length; k++) {
                row[k] = (row[k] - offset[k]) / scale[k];
            }
        }
        return rows;
    }
}
