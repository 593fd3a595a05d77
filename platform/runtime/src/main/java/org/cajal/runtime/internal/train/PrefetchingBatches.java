package org.cajal.runtime.internal.train;

import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.cajal.api.data.DatasetException;
import org.nd4j.linalg.dataset.DataSet;

/**
 * One epoch's mini-batches in a fixed order, each loaded on a helper thread while the previous one trains, so
 * reading and preprocessing overlap with training instead of adding to it (DL4J's AsyncDataSetIterator idea).
 * The order of batches, and so the numbers, do not depend on the thread.
 */
final class PrefetchingBatches {

    private final BatchLoader loader;
    private final int[] order;
    private final int batchSize;
    private final ExecutorService helper;
    private Future<DataSet> pending;
    private int next;

    PrefetchingBatches(BatchLoader loader, int[] order, int batchSize, ExecutorService helper) {
        this.loader = loader;
        this.order = order;
        this.batchSize = batchSize;
        this.helper = helper;
        this.pending = order.length == 0 ? null : submit(0);
    }

    int count() {
        return (order.length + batchSize - 1) / batchSize;
    }

    boolean hasNext() {
        return pending != null;
    }

    /** The next batch; starts loading the one after it. */
    DataSet next() throws DatasetException, InterruptedException {
        DataSet batch;
        try {
            batch = pending.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DatasetException d) {
                throw d;
            }
            throw new IllegalStateException("reading a mini-batch failed: " + e.getCause(), e.getCause());
        }
        next += batchSize;
        pending = next < order.length ? submit(next) : null;
        return batch;
    }

    /** Stops loading ahead (when training stops early). */
    void cancel() {
        if (pending != null) {
            pending.cancel(true);
            pending = null;
        }
    }

    private Future<DataSet> submit(int from) {
        int[] indices = Arrays.copyOfRange(order, from, Math.min(order.length, from + batchSize));
        return helper.submit(() -> loader.load(indices));
    }
}
