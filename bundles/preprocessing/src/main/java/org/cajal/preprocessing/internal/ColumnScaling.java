package org.cajal.preprocessing.internal;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.Arrays;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A per-column affine map {@code y = (x - centre) * factor + offset} on some columns of an {@code [n, width]}
 * matrix; the other columns pass through. Holds plain arrays so that it serialises with the model. Immutable.
 */
final class ColumnScaling implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int width;
    private final int[] columns;
    private final double[] centre;
    private final double[] factor;
    private final double[] offset;

    ColumnScaling(int width, int[] columns, double[] centre, double[] factor, double[] offset) {
        this.width = width;
        this.columns = columns.clone();
        this.centre = centre.clone();
        this.factor = factor.clone();
        this.offset = offset.clone();
        check();
    }

    int width() {
        return width;
    }

    int[] columns() {
        return columns.clone();
    }

    double[] centre() {
        return centre.clone();
    }

    double[] factor() {
        return factor.clone();
    }

    double[] offset() {
        return offset.clone();
    }

    /** A new FLOAT matrix with the map applied; {@code matrix} is not touched. */
    INDArray apply(INDArray matrix) {
        requireWidth(matrix);
        if (matrix.size(0) == 0) {
            return Nd4j.create(DataType.FLOAT, 0, width);
        }
        return matrix.castTo(DataType.DOUBLE)
                .subRowVector(row(centre, 0))
                .muliRowVector(row(factor, 1))
                .addiRowVector(row(offset, 0))
                .castTo(DataType.FLOAT);
    }

    /** The inverse, {@code x = (y - offset) / factor + centre}; only defined where no factor is 0. */
    INDArray invert(INDArray matrix) {
        requireWidth(matrix);
        if (Arrays.stream(factor).anyMatch(f -> f == 0)) {
            throw new IllegalStateException("a constant column cannot be mapped back");
        }
        if (matrix.size(0) == 0) {
            return Nd4j.create(DataType.FLOAT, 0, width);
        }
        double[] inverse = Arrays.stream(factor).map(f -> 1 / f).toArray();
        return matrix.castTo(DataType.DOUBLE)
                .subRowVector(row(offset, 0))
                .muliRowVector(row(inverse, 1))
                .addiRowVector(row(centre, 0))
                .castTo(DataType.FLOAT);
    }

    private void requireWidth(INDArray matrix) {
        if (matrix.rank() != 2 || matrix.size(1) != width) {
            throw new IllegalArgumentException("expected a matrix of shape [n, " + width + "] but got "
                    + Arrays.toString(matrix.shape()));
        }
    }

    /** A full-width row holding {@code values} at the mapped columns and {@code fill} elsewhere. */
    private INDArray row(double[] values, double fill) {
        double[] full = new double[width];
        Arrays.fill(full, fill);
        for (int k = 0; k < columns.length; k++) {
            full[columns[k]] = values[k];
        }
        return Nd4j.createFromArray(full);
    }

    private void check() {
        int n = columns.length;
        if (centre.length != n || factor.length != n || offset.length != n) {
            throw new IllegalArgumentException("one centre, factor and offset per column");
        }
        for (int c : columns) {
            if (c < 0 || c >= width) {
                throw new IllegalArgumentException("column " + c + " is outside 0.." + (width - 1));
            }
        }
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        try {
            check();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidObjectException("damaged column scaling: " + e.getMessage());
        }
    }
}
