package org.cajal.plugins.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.cajal.api.Parameters;
import org.cajal.api.data.Dataset;
import org.cajal.api.data.Examples;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

class TransformerModelTest {

    static final Path CORPUS = Path.of("examples/negation.csv");

    static Dataset corpus() throws Exception {
        TextCsvDatasetProvider provider = new TextCsvDatasetProvider();
        return provider.open(Parameters.resolve(provider.descriptor(),
                Map.of("file", CORPUS.toString(), "maxLength", 12, "vocabularySize", 100), Path.of("").toAbsolutePath()), 1);
    }

    static INDArray oneHot(INDArray classes, int width) {
        INDArray out = Nd4j.zeros(DataType.FLOAT, classes.size(0), width);
        for (int i = 0; i < classes.size(0); i++) {
            out.putScalar(i, classes.getInt(i, 0), 1f);
        }
        return out;
    }

    static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }

    @Test
    void learnsNegationWellAboveChanceOnHeldOutRows() throws Exception {
        try (Dataset data = corpus()) {
            TransformerModel.Config config = new TransformerModel.Config(
                    data.schema().featureCategories().get("token").size(), 12, 2, 32, 2, 1, 64, 0.0);
            TransformerModel model = new TransformerModel(config, data.schema().featureCategories().get("token"),
                    new Adam(0.01), 42);
            Examples train = data.read(range(0, 800));
            Examples test = data.read(range(800, 1000));
            INDArray trainLabels = oneHot(train.targets(), 2);
            long start = System.nanoTime();
            java.util.Random shuffle = new java.util.Random(1);
            int[] order = range(0, 800);
            for (int epoch = 0; epoch < 20; epoch++) {
                for (int i = order.length - 1; i > 0; i--) {
                    int j = shuffle.nextInt(i + 1);
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                }
                for (int from = 0; from < 800; from += 64) {
                    int[] idx = java.util.Arrays.copyOfRange(order, from, Math.min(800, from + 64));
                    INDArray rows = Nd4j.createFromArray(idx);
                    model.fit(new DataSet(train.features().getRows(idx), trainLabels.getRows(idx)));
                }
                model.endEpoch();
            }
            INDArray p = model.predict(test.features());
            INDArray predicted = p.argMax(1);
            int correct = 0;
            for (int i = 0; i < 200; i++) {
                correct += predicted.getInt(i) == test.targets().getInt(i, 0) ? 1 : 0;
            }
            double accuracy = correct / 200.0;
            System.out.printf("held-out accuracy %.3f after %.1f s%n", accuracy, (System.nanoTime() - start) / 1e9);
            assertTrue(accuracy > 0.8, "held-out accuracy " + accuracy);
        }
    }
}
