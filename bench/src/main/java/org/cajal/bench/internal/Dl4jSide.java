package org.cajal.bench.internal;

import java.util.ArrayList;
import java.util.List;

import org.deeplearning4j.datasets.iterator.ExistingDataSetIterator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The plain DL4J side: the training images as one feature array and one label array in memory, cut once into
 * mini-batches in file order, and {@code network.fit(iterator)} once per epoch — what a DL4J user writes by hand.
 * No shuffling between epochs, no preprocessing at training time (the pixels are scaled once, up front).
 */
final class Dl4jSide {

    static final String NAME = "dl4j";

    private final List<DataSet> batches;
    private final long examples;

    private Dl4jSide(List<DataSet> batches, long examples) {
        this.batches = batches;
        this.examples = examples;
    }

    /** The training images as batches; {@code flat}: rows of pixels {@code [n, 784]} instead of images. */
    static Dl4jSide prepare(IdxImages train, boolean flat, int batchSize) {
        int n = train.count();
        long[] shape = flat ? new long[] {n, train.imageSize()} : new long[] {n, 1, train.rows(), train.cols()};
        INDArray features = Nd4j.create(train.scaledPixels(), shape, DataType.FLOAT);
        INDArray labels = Nd4j.create(train.oneHot(10), new long[] {n, 10}, DataType.FLOAT);
        List<DataSet> batches = new ArrayList<>();
        for (int from = 0; from < n; from += batchSize) {
            int to = Math.min(n, from + batchSize);
            batches.add(new DataSet(features.get(NDArrayIndex.interval(from, to)).dup(),
                    labels.get(NDArrayIndex.interval(from, to)).dup()));
        }
        return new Dl4jSide(batches, n);
    }

    /** The pre-made batches, in file order. */
    List<DataSet> batches() {
        return batches;
    }

    /** A fresh iterator over the batches, as {@code network.fit(iterator)} takes them. */
    DataSetIterator iterator() {
        return new ExistingDataSetIterator(batches);
    }

    Measurement train(BenchCase benchCase, int repeat, int epochs, long seed, double learningRate, TestSet test) {
        ProcessMemory.resetPeak();
        MultiLayerNetwork network = new MultiLayerNetwork(benchCase.dl4j(seed, learningRate));
        network.init();
        DataSetIterator iterator = iterator();
        List<Double> seconds = new ArrayList<>();
        for (int e = 0; e < epochs; e++) {
            iterator.reset();
            long t0 = System.nanoTime();
            network.fit(iterator);
            seconds.add((System.nanoTime() - t0) / 1e9);
        }
        long peak = ProcessMemory.peakKib();
        double accuracy = test.accuracy(network, benchCase.flatInput());
        return new Measurement(benchCase, NAME, repeat, seconds, examples, network.numParams(), accuracy, peak);
    }
}
