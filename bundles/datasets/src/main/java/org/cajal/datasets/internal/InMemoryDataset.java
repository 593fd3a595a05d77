package org.cajal.datasets.internal;

import java.util.Objects;

import org.cajal.api.data.DataSchema;
import org.cajal.api.data.Dataset;
import org.cajal.api.data.Examples;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Examples held once in row-major float arrays (a table, or sequences of the schema's feature shape); ND4J arrays
 * are built only for the rows a batch asks for, so the data never sits in memory twice.
 */
final class InMemoryDataset implements Dataset {

    private final DataSchema schema;
    private final float[] features;
    private final float[] targets;
    private final int featureWidth;
    private final int targetWidth;
    private final int size;
    private final long[] exampleShape;
    private final String identity;

    /**
     * @param features {@code size * featureCount} values, example by example, each in the schema's feature shape
     * @param targets {@code size * targetWidth} values, row by row (class indices for classification)
     */
    InMemoryDataset(DataSchema schema, float[] features, float[] targets, String identity) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.featureWidth = Math.toIntExact(schema.featureCount());
        this.targetWidth = schema.targetWidth();
        this.size = features.length / featureWidth;
        if (size < 1 || features.length != size * featureWidth || targets.length != size * targetWidth) {
            throw new IllegalArgumentException("features (" + features.length + ") and targets (" + targets.length
                    + ") do not form whole rows of " + featureWidth + " and " + targetWidth + " values");
        }
        this.features = features;
        this.targets = targets;
        this.exampleShape = schema.featureShape().stream().mapToLong(Long::longValue).toArray();
        this.identity = identity;
    }

    @Override
    public DataSchema schema() {
        return schema;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Examples read(int[] indices) {
        int n = indices.length;
        float[] x = new float[n * featureWidth];
        for (int i = 0; i < n; i++) {
            int row = Objects.checkIndex(indices[i], size);
            System.arraycopy(features, row * featureWidth, x, i * featureWidth, featureWidth);
        }
        return new Examples(Nd4j.create(x, batchShape(n), DataType.FLOAT), targets(indices));
    }

    @Override
    public INDArray targets(int[] indices) {
        int n = indices.length;
        float[] y = new float[n * targetWidth];
        for (int i = 0; i < n; i++) {
            int row = Objects.checkIndex(indices[i], size);
            System.arraycopy(targets, row * targetWidth, y, i * targetWidth, targetWidth);
        }
        return Nd4j.create(y, new long[] {n, targetWidth}, DataType.FLOAT);
    }

    @Override
    public String identity() {
        return identity;
    }

    /** {@code [n, ...featureShape]}. */
    private long[] batchShape(int n) {
        long[] shape = new long[exampleShape.length + 1];
        shape[0] = n;
        System.arraycopy(exampleShape, 0, shape, 1, exampleShape.length);
        return shape;
    }
}
