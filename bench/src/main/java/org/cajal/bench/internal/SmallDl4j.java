package org.cajal.bench.internal;

import java.util.Arrays;
import java.util.Random;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The plain DL4J side of the small case: what a DL4J user writes by hand for a small table. The prepared parts
 * as one feature and one label array each (one-hot labels for classification), a {@code MultiLayerNetwork} from
 * {@link SmallNetwork#dl4j}, and per epoch: the training rows' order shuffled ({@link Random} seeded with the
 * run's seed, as the runtime shuffles), each mini-batch gathered with {@code Nd4j.pullRows} and trained with
 * {@code fit(DataSet)}, then one {@code score} over the validation part — the validation loss Cajal also
 * computes every epoch. After the last epoch: test accuracy (arg-max of {@code output}) or mean squared error.
 */
final class SmallDl4j {

    static final String NAME = "dl4j";

    private SmallDl4j() {
    }

    static SmallRun train(String workload, int repeat, SmallNetwork net, TabularData.Prepared data, long seed) {
        int outputs = SmallNetwork.outputs(data.classes());
        DataSet train = dataSet(data.train(), data.inputs(), outputs, data.classes());
        DataSet validation = data.validation().size() > 0
                ? dataSet(data.validation(), data.inputs(), outputs, data.classes()) : null;
        MultiLayerNetwork network = new MultiLayerNetwork(net.dl4j(data.inputs(), outputs, seed));
        network.init();
        int n = data.train().size();
        int batch = net.batchSize(n);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random shuffle = new Random(seed);
        long steps = 0;
        double validationLoss = Double.NaN;
        long t0 = System.nanoTime();
        for (int epoch = 0; epoch < net.epochs(); epoch++) {
            shuffle(order, shuffle);
            for (int from = 0; from < n; from += batch) {
                int[] rows = Arrays.copyOfRange(order, from, Math.min(n, from + batch));
                network.fit(new DataSet(Nd4j.pullRows(train.getFeatures(), 1, rows),
                        Nd4j.pullRows(train.getLabels(), 1, rows)));
                steps++;
            }
            if (validation != null) {
                validationLoss = network.score(validation, false);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        String metric = data.classification() ? "accuracy" : "mse";
        double test = data.test().size() == 0 ? Double.NaN
                : score(network, dataSet(data.test(), data.inputs(), outputs, data.classes()), data.classification());
        return new SmallRun(workload, NAME, repeat, seed, network.numParams(), steps, seconds, Double.NaN, metric,
                test);
    }

    /** Accuracy (arg-max) for classification, mean squared error for regression. */
    private static double score(MultiLayerNetwork network, DataSet test, boolean classification) {
        INDArray out = network.output(test.getFeatures(), false);
        if (classification) {
            INDArray predicted = out.argMax(1);
            INDArray actual = test.getLabels().argMax(1);
            return predicted.eq(actual).castTo(DataType.FLOAT).meanNumber().doubleValue();
        }
        double norm = out.sub(test.getLabels()).norm2Number().doubleValue();
        return norm * norm / out.length();
    }

    private static DataSet dataSet(TabularData.Part part, int inputs, int outputs, int classes) {
        int n = part.size();
        float[] x = new float[n * inputs];
        float[] y = new float[n * outputs];
        for (int i = 0; i < n; i++) {
            System.arraycopy(part.features()[i], 0, x, i * inputs, inputs);
            if (classes > 0) {
                y[i * outputs + (int) part.targets()[i]] = 1;
            } else {
                y[i] = part.targets()[i];
            }
        }
        return new DataSet(Nd4j.create(x, new long[] {n, inputs}, DataType.FLOAT),
                Nd4j.create(y, new long[] {n, outputs}, DataType.FLOAT));
    }

    /** Fisher-Yates with the given random source. */
    static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
