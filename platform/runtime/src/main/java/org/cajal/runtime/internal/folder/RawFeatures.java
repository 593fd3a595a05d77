package org.cajal.runtime.internal.folder;

import org.cajal.api.data.DataSchema;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Raw feature rows (one flattened example per row) as the dataset's feature array. */
final class RawFeatures {

    private RawFeatures() {
    }

    /**
     * The rows as {@code [n, ...featureShape]} floats.
     *
     * @throws IllegalArgumentException naming a row whose width is not the schema's feature count
     */
    static INDArray of(DataSchema schema, double[][] rawRows) {
        long width = schema.featureCount();
        for (int i = 0; i < rawRows.length; i++) {
            if (rawRows[i].length != width) {
                throw new IllegalArgumentException("row " + i + " has " + rawRows[i].length + " values, but the "
                        + "model takes " + width + " raw features " + schema.featureShape());
            }
        }
        long[] shape = new long[schema.featureShape().size() + 1];
        shape[0] = rawRows.length;
        for (int d = 1; d < shape.length; d++) {
            shape[d] = schema.featureShape().get(d - 1);
        }
        INDArray flat = rawRows.length == 0 ? Nd4j.create(DataType.FLOAT, 0, width)
                : Nd4j.create(rawRows).castTo(DataType.FLOAT);
        return flat.reshape(shape);
    }
}
