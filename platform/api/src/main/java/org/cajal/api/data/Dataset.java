package org.cajal.api.data;

/**
 * An opened dataset with random access by example index, so the runtime can shuffle, split and batch it without
 * holding it twice. Implementations that read files may keep them open until {@link #close()}.
 *
 * <p>Life cycle: opened by {@link DatasetProvider#open}, used by one run (possibly from a worker thread other than
 * the one that opened it, but never concurrently), then closed.
 */
public interface Dataset extends AutoCloseable {

    /** What each example holds. */
    DataSchema schema();

    /** Number of examples; at least 1 (an empty source is a {@link DatasetException} at open time). */
    int size();

    /**
     * Reads the examples at the given indices, in that order.
     *
     * @throws DatasetException if the source cannot be read
     */
    Examples read(int[] indices) throws DatasetException;

    /**
     * Reads only the targets at the given indices (for stratified splits); override when the targets can be read
     * without the features.
     */
    default org.nd4j.linalg.api.ndarray.INDArray targets(int[] indices) throws DatasetException {
        return read(indices).targets();
    }

    /** A short human-readable identity for provenance: source file and its size or checksum, or generator + seed. */
    String identity();

    @Override
    default void close() {
        // nothing to release by default
    }
}
