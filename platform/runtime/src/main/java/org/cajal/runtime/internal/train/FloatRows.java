package org.cajal.runtime.internal.train;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** ND4J arrays read into Java float arrays, without a native operation when the array is already plain. */
final class FloatRows {

    private FloatRows() {
    }

    /**
     * An array's values as {@code rows x width} floats in row-major order (an image's channels, rows and columns
     * flattened as DL4J's CnnToFeedForwardPreProcessor does), into {@code reuse} when it is large enough.
     */
    static float[] of(INDArray a, int width, float[] reuse) {
        long rows = a.size(0);
        long length = rows * width;
        if (a.length() != length) {
            throw new IllegalArgumentException("expected " + width + " values per example, got shape "
                    + java.util.Arrays.toString(a.shape()));
        }
        INDArray c = a;
        if (c.isView() || c.ordering() != 'c' || c.data().length() != length || c.dataType() != DataType.FLOAT) {
            c = a.castTo(DataType.FLOAT).dup('c');
        }
        float[] out = reuse != null && reuse.length >= length ? reuse : new float[(int) length];
        java.nio.FloatBuffer values = c.data().asNioFloat();
        values.position(0);
        values.get(out, 0, (int) length);
        return out;
    }
}
