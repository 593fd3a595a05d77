package org.cajal.bench.internal;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The 10,000 images of Fashion-MNIST's test part, scaled to [0, 1], and the one way both sides' networks are
 * scored on them: the arg-max of the network's output, in batches of {@value #BATCH}.
 */
final class TestSet {

    static final int BATCH = 1024;

    private final INDArray images;
    private final int[] labels;

    private TestSet(INDArray images, int[] labels) {
        this.images = images;
        this.labels = labels;
    }

    static TestSet of(IdxImages test) {
        int[] labels = new int[test.count()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = test.label(i);
        }
        INDArray images = Nd4j.create(test.scaledPixels(), new long[] {test.count(), 1, test.rows(), test.cols()},
                DataType.FLOAT);
        return new TestSet(images, labels);
    }

    int size() {
        return labels.length;
    }

    /**
     * The fraction of test images whose most probable class is their label.
     *
     * @param flat feed rows of pixels {@code [n, rows * cols]} instead of images {@code [n, 1, rows, cols]}
     */
    double accuracy(MultiLayerNetwork network, boolean flat) {
        long correct = 0;
        for (int from = 0; from < labels.length; from += BATCH) {
            int to = Math.min(labels.length, from + BATCH);
            INDArray batch = images.get(NDArrayIndex.interval(from, to)).dup();
            if (flat) {
                batch = batch.reshape(to - from, batch.length() / (to - from));
            }
            int[] predicted = network.output(batch, false).argMax(1).toIntVector();
            for (int i = 0; i < predicted.length; i++) {
                if (predicted[i] == labels[from + i]) {
                    correct++;
                }
            }
        }
        return (double) correct / labels.length;
    }
}
