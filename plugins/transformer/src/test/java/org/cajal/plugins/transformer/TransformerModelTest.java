package org.cajal.plugins.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;

import java.nio.file.Path;
import java.util.Map;

import org.cajal.api.Parameters;
import org.cajal.api.data.Dataset;
import org.cajal.api.data.Examples;
import org.cajal.api.visual.RunRecord;
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

            // the trained model's attention: non-negative rows summing to 1, nothing on padding
            INDArray attention = model.attention(test.features().getRows(0, 1, 2), 0);
            assertEquals(List.of(3L, 2L, 12L, 12L), List.of(attention.shape()[0], attention.shape()[1],
                    attention.shape()[2], attention.shape()[3]));
            assertTrue(attention.minNumber().doubleValue() >= 0);
            INDArray sums = attention.sum(3);
            assertEquals(1.0, sums.minNumber().doubleValue(), 1e-4);
            assertEquals(1.0, sums.maxNumber().doubleValue(), 1e-4);
            int lastToken = 0;
            while (lastToken + 1 < 12 && test.features().getInt(0, lastToken + 1) != 0) {
                lastToken++;
            }
            if (lastToken + 1 < 12) {
                assertEquals(0.0, attention.getDouble(0, 0, 0, lastToken + 1), 1e-6, "weight on padding");
            }

            // saving writes the model and attention.json beside it; the visualiser draws it
            Path run = Files.createTempDirectory("transformer-run");
            model.save(run.resolve("model.zip"));
            assertTrue(Files.size(run.resolve("model.zip")) > 0);
            assertTrue(Files.isRegularFile(run.resolve(TransformerModel.ATTENTION_FILE)));
            RunRecord record = new RunRecord("r", run, List.of("epoch"), List.of(), Map.of());
            AttentionMapVisualiser visualiser = new AttentionMapVisualiser();
            assertTrue(visualiser.accepts(record));
            AttentionMapVisualiser.AttentionMatrix m = AttentionMapVisualiser.matrix(run, 0, 0, 1);
            assertEquals(m.tokens().size(), m.weights().length);
            for (double[] row : m.weights()) {
                assertEquals(1.0, java.util.Arrays.stream(row).sum(), 1e-3);
            }
            var image = org.cajal.charts.ChartDrawings.image(visualiser.render(record,
                    Parameters.resolve(visualiser.descriptor(), Map.of("example", 1), run)), 400, 300);
            assertEquals(400, image.getWidth());
            IllegalArgumentException noHead = assertThrows(IllegalArgumentException.class,
                    () -> AttentionMapVisualiser.matrix(run, 0, 0, 2));
            assertTrue(noHead.getMessage().contains("2 head(s)"), noHead.getMessage());
            assertFalse(visualiser.accepts(new RunRecord("r", Files.createTempDirectory("empty"), List.of("epoch"),
                    List.of(), Map.of())));

            // snapshot and restore give back the same predictions
            Object snapshot = model.snapshot().orElseThrow();
            INDArray before = model.predict(test.features());
            model.fit(new DataSet(train.features().getRows(0, 1), trainLabels.getRows(0, 1)));
            model.restore(snapshot);
            assertEquals(0.0, before.sub(model.predict(test.features())).amaxNumber().doubleValue(), 1e-6);
        }
    }
}
