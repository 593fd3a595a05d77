package org.cajal.runtime.internal.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.cajal.api.data.DataSchema;
import org.cajal.api.model.LayerBuild;
import org.cajal.api.model.LayerException;
import org.cajal.api.model.Shape;
import org.cajal.api.pipeline.Regularisation;
import org.cajal.api.pipeline.TrainingEngine;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.AdaMax;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nadam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.learning.regularization.WeightDecay;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;

/**
 * The fused dense path is the same training as DL4J's: the same stack, seed and mini-batches trained both ways
 * give the same loss at every step (float tolerance), the same weights at the end, the same predictions and
 * validation losses, and a saved model.zip that DL4J loads and that predicts what the fused path predicted.
 */
class FusedEngineTest {

    private static final DataSchema SCHEMA3 = DataSchema.classification(List.of("a", "b", "c", "d"), "y",
            List.of("p", "q", "r"));
    private static final DataSchema REGRESSION = DataSchema.regression(List.of("a", "b", "c", "d"), List.of("y"));

    record Case(String name, List<LayerBuild> layers, DataSchema schema, IUpdater updater, Regularisation reg,
                List<Regularization> extra) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static LayerBuild dense(int nIn, int nOut, Activation a) {
        return new LayerBuild(new DenseLayer.Builder().nIn(nIn).nOut(nOut).activation(a)
                .weightInit(a == Activation.RELU ? WeightInit.RELU : WeightInit.XAVIER).build(), Shape.of(nOut),
                (long) nIn * nOut + nOut);
    }

    private static LayerBuild output(int nIn, int nOut, Activation a, LossFunction loss) {
        return new LayerBuild(new OutputLayer.Builder(loss).nIn(nIn).nOut(nOut).activation(a)
                .weightInit(WeightInit.XAVIER).build(), Shape.of(nOut), (long) nIn * nOut + nOut);
    }

    private static List<LayerBuild> classifier(Activation hidden) {
        return List.of(dense(4, 12, hidden), dense(12, 8, Activation.TANH),
                output(8, 3, Activation.SOFTMAX, LossFunction.MCXENT));
    }

    private static List<LayerBuild> regressor() {
        return List.of(dense(4, 10, Activation.SIGMOID), dense(10, 6, Activation.LEAKYRELU),
                output(6, 1, Activation.IDENTITY, LossFunction.MSE));
    }

    static Stream<Arguments> cases() {
        Regularisation none = Regularisation.NONE;
        Regularisation l1l2 = new Regularisation(1e-3, 1e-2, 0, 0);
        List<Case> all = new ArrayList<>();
        IUpdater[] updaters = {new Sgd(0.1), new Nesterovs(0.05, 0.9), new RmsProp(0.01), new AdaGrad(0.1),
            new Adam(0.01), new AdaMax(0.01), new Nadam(0.01)};
        for (IUpdater u : updaters) {
            String name = u.getClass().getSimpleName();
            all.add(new Case(name + " classifier", classifier(Activation.RELU), SCHEMA3, u, none, List.of()));
            all.add(new Case(name + " regressor L1+L2", regressor(), REGRESSION, u, l1l2, List.of()));
        }
        all.add(new Case("Adam with weight decay (AdamW)", classifier(Activation.TANH), SCHEMA3, new Adam(0.01),
                none, List.of(new WeightDecay(1e-2, true))));
        all.add(new Case("Sgd with an exponential epoch schedule", classifier(Activation.SIGMOID), SCHEMA3,
                new Sgd(new ExponentialSchedule(ScheduleType.EPOCH, 0.2, 0.8)), l1l2, List.of()));
        all.add(new Case("Nesterovs with an iteration step schedule", regressor(), REGRESSION,
                new Nesterovs(new StepSchedule(ScheduleType.ITERATION, 0.05, 0.5, 7), 0.9), none, List.of()));
        all.add(new Case("binary cross-entropy", List.of(dense(4, 6, Activation.TANH),
                output(6, 1, Activation.SIGMOID, LossFunction.XENT)),
                DataSchema.classification(List.of("a", "b", "c", "d"), "y", List.of("n", "y")), new Adam(0.02),
                none, List.of()));
        all.add(new Case("mean absolute error", List.of(dense(4, 6, Activation.RELU),
                output(6, 2, Activation.IDENTITY, LossFunction.MEAN_ABSOLUTE_ERROR)),
                DataSchema.regression(List.of("a", "b", "c", "d"), List.of("y", "z")), new RmsProp(0.01), none,
                List.of()));
        return all.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fusedTrainsAsDl4jDoes(Case c, @TempDir Path dir) throws Exception {
        LayerStackModel reference = LayerStackModel.build(c.layers(), c.schema(), c.updater(), 42, c.reg(),
                c.extra(), TrainingEngine.DL4J, List.of());
        LayerStackModel fused = LayerStackModel.build(c.layers(), c.schema(), c.updater(), 42, c.reg(),
                c.extra(), TrainingEngine.FUSED, List.of());
        assertEquals("dl4j", reference.engineId());
        assertEquals("fused", fused.engineId());
        assertArrayEquals(reference.network().params().toFloatVector(), fused.network().params().toFloatVector(),
                "both start from DL4J's initialisation for the seed");

        Random random = new Random(5);
        int outs = (int) c.layers().get(c.layers().size() - 1).output().dim(0);
        List<DataSet> batches = new ArrayList<>();
        int[] sizes = {16, 16, 16, 5};
        for (int i = 0; i < 4; i++) {
            batches.add(batch(sizes[i], 4, outs, c.layers(), random));
        }
        for (int epoch = 0; epoch < 6; epoch++) {
            for (DataSet b : batches) {
                double expected = reference.fit(b);
                double actual = fused.fit(b);
                assertEquals(expected, actual, 2e-4 * Math.max(1, Math.abs(expected)),
                        "loss at epoch " + (epoch + 1));
            }
            reference.endEpoch();
            fused.endEpoch();
        }
        DataSet check = batch(40, 4, outs, c.layers(), random);
        assertEquals(reference.loss(check), fused.loss(check), 1e-3 * Math.max(1, reference.loss(check)),
                "validation loss after training");
        assertClose(reference.predict(check.getFeatures()), fused.predict(check.getFeatures()), 2e-3);
        assertClose(reference.network().params(), fused.network().params(), 2e-3);

        Path file = dir.resolve("model.zip");
        fused.save(file);
        MultiLayerNetwork loaded = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true);
        assertClose(fused.predict(check.getFeatures()), loaded.output(check.getFeatures(), false), 1e-5);
        assertEquals(24, loaded.getIterationCount(), "the saved network counts the fused steps");
        assertEquals(6, loaded.getEpochCount());
    }

    /** The layer diagnostics measured in Java on the fused path equal LayerProbe's on DL4J's forward pass. */
    @Test
    void fusedDiagnosticsEqualDl4jsMeasurements() throws Exception {
        List<LayerBuild> layers = List.of(dense(4, 12, Activation.RELU), dense(12, 8, Activation.TANH),
                dense(8, 6, Activation.SIGMOID), output(6, 3, Activation.SOFTMAX, LossFunction.MCXENT));
        LayerStackModel fused = LayerStackModel.build(layers, SCHEMA3, new Adam(0.3), 3, Regularisation.NONE,
                List.of(), TrainingEngine.FUSED, List.of());
        DataSet b = batch(64, 4, 3, layers, new Random(4));
        for (int i = 0; i < 20; i++) {
            fused.fit(b);
        }
        var before = fused.weightMatrices();
        fused.fit(b);
        var ratios = fused.updateRatios(before);
        var shares = fused.activationShares(b.getFeatures());
        List<INDArray> acts = fused.network().feedForward(b.getFeatures(), false);
        assertEquals(LayerProbe.deadShare(acts.get(1)), shares.get(0)[0], 1e-9, "dead relu share");
        assertEquals(LayerProbe.saturatedShare(acts.get(2), -0.99, 0.99), shares.get(1)[1], 1e-9, "tanh");
        assertEquals(LayerProbe.saturatedShare(acts.get(3), 0.01, 0.99), shares.get(2)[1], 1e-9, "sigmoid");
        for (var e : before.entrySet()) {
            INDArray now = fused.network().getLayer(e.getKey()).paramTable().get("W");
            double expected = LayerProbe.updateRatio(e.getValue().reshape('f', now.shape()), now);
            assertEquals(expected, ratios.get(e.getKey()), 1e-4 * expected, "update ratio of layer " + e.getKey());
        }
    }

    @Test
    void snapshotAndRestoreGoBackToTheSameWeights() throws Exception {
        LayerStackModel fused = LayerStackModel.build(classifier(Activation.RELU), SCHEMA3, new Adam(0.01), 1,
                Regularisation.NONE, List.of(), TrainingEngine.FUSED, List.of());
        DataSet b = batch(8, 4, 3, classifier(Activation.RELU), new Random(1));
        fused.fit(b);
        Object snapshot = fused.snapshot().orElseThrow();
        INDArray before = fused.predict(b.getFeatures());
        fused.fit(b);
        fused.fit(b);
        fused.restore(snapshot);
        assertClose(before, fused.predict(b.getFeatures()), 0);
        assertClose(before, fused.network().output(b.getFeatures(), false), 1e-6);
    }

    @Test
    void theTrainingMetricOfHeldRowsIsTheMetricOfTheirPredictions() throws Exception {
        // train_<metric> on the fused path scores the rows it holds, in chunks, without reading them again
        LayerStackModel fused = LayerStackModel.build(classifier(Activation.TANH), SCHEMA3, new Adam(0.01), 1,
                Regularisation.NONE, List.of(), TrainingEngine.FUSED, List.of());
        DataSet b = batch(50, 4, 3, classifier(Activation.TANH), new Random(3));
        int[] indices = java.util.stream.IntStream.range(0, 50).toArray();
        fused.hold(indices, b);
        for (int i = 0; i < 20; i++) {
            fused.fitHeld(indices, 0, 50);
        }
        Evaluator evaluator = new Evaluator(SCHEMA3);
        Evaluator.Metric held = evaluator.metric();
        fused.scoreHeld(held, 16);
        Evaluator.Metric predicted = evaluator.metric();
        predicted.add(b.getLabels(), fused.network().output(b.getFeatures(), false));
        assertTrue(fused.holds());
        assertEquals(predicted.value(), held.value(), 1e-12);
    }

    @Test
    void dropoutAndNoiseTrainAndLeavePredictionUntouched() throws Exception {
        List<LayerBuild> layers = List.of(dense(4, 16, Activation.RELU),
                new LayerBuild(new DropoutLayer.Builder(0.8).build(), Shape.of(16), 0),
                output(16, 3, Activation.SOFTMAX, LossFunction.MCXENT));
        LayerStackModel fused = LayerStackModel.build(layers, SCHEMA3, new Adam(0.01), 1,
                new Regularisation(0, 0, 0.2, 0.1), List.of(), TrainingEngine.FUSED, List.of());
        DataSet b = batch(32, 4, 3, layers, new Random(2));
        double first = fused.fit(b);
        double last = first;
        for (int i = 0; i < 200; i++) {
            last = fused.fit(b);
        }
        assertTrue(last < first, "training with dropout and noise still lowers the loss: " + first + " -> " + last);
        // prediction is deterministic (no dropout, no noise) and agrees with DL4J's inference on the same weights
        assertClose(fused.predict(b.getFeatures()), fused.predict(b.getFeatures()), 0);
        assertClose(fused.network().output(b.getFeatures(), false), fused.predict(b.getFeatures()), 1e-5);
        assertEquals(fused.network().score(b, false), fused.loss(b), 1e-5, "without penalties, DL4J's score");
    }

    @Test
    void fusedNamesTheLayerThatPreventsIt() {
        List<LayerBuild> layers = List.of(new LayerBuild(new LSTM.Builder().nIn(4).nOut(5).build(), Shape.of(5, 3),
                200), output(5, 3, Activation.SOFTMAX, LossFunction.MCXENT));
        LayerException e = assertThrows(LayerException.class, () -> LayerStackModel.build(layers,
                new DataSchema(List.of("a", "b", "c", "d"), List.of(4L, 3L),
                        org.cajal.api.data.TargetKind.MULTICLASS, List.of("y"), List.of("p", "q", "r")),
                new Adam(0.01), 1, Regularisation.NONE, List.of(), TrainingEngine.FUSED,
                List.of("layer 1 (lstm)", "layer 2 (output)")));
        assertTrue(e.getMessage().contains("layer 1 (lstm)") && e.getMessage().contains("\"auto\""),
                e.getMessage());
    }

    @Test
    void autoTakesTheFusedPathForSmallStacksAndLargeOnesOnlyWithOpenBlas() throws Exception {
        LayerStackModel small = LayerStackModel.build(classifier(Activation.RELU), SCHEMA3, new Adam(0.01), 1,
                Regularisation.NONE, List.of(), TrainingEngine.AUTO, List.of());
        assertEquals("fused", small.engineId());
        int wide = 2048;
        List<LayerBuild> big = List.of(dense(4, wide, Activation.RELU), dense(wide, wide, Activation.RELU),
                output(wide, 3, Activation.SOFTMAX, LossFunction.MCXENT));
        LayerStackModel large = LayerStackModel.build(big, SCHEMA3, new Adam(0.01), 1, Regularisation.NONE,
                List.of(), TrainingEngine.AUTO, List.of());
        if (org.cajal.runtime.internal.fused.FusedNetwork.nativeProducts()) {
            assertEquals("fused", large.engineId());
        } else {
            assertEquals("dl4j", large.engineId());
            assertTrue(large.engineDescription().contains("multiply-adds"), large.engineDescription());
        }
    }

    /** Layers large enough that their products go to OpenBLAS: still DL4J's training, step for step. */
    @Test
    void largeLayersThroughOpenBlasTrainAsDl4jDoes() throws Exception {
        assertTrue(org.cajal.runtime.internal.fused.FusedNetwork.nativeProducts(),
                "the CPU backend's OpenBLAS is on the test class path");
        int nIn = 96;
        List<LayerBuild> layers = List.of(dense(nIn, 128, Activation.RELU), dense(128, 80, Activation.TANH),
                output(80, 3, Activation.SOFTMAX, LossFunction.MCXENT));
        DataSchema schema = new DataSchema(java.util.stream.IntStream.range(0, nIn).mapToObj(i -> "x" + i).toList(),
                List.of((long) nIn), org.cajal.api.data.TargetKind.MULTICLASS, List.of("y"), List.of("p", "q", "r"));
        Regularisation l2 = new Regularisation(0, 1e-3, 0, 0);
        LayerStackModel reference = LayerStackModel.build(layers, schema, new Adam(0.005), 7, l2, List.of(),
                TrainingEngine.DL4J, List.of());
        LayerStackModel fused = LayerStackModel.build(layers, schema, new Adam(0.005), 7, l2, List.of(),
                TrainingEngine.FUSED, List.of());
        Random random = new Random(9);
        List<DataSet> batches = new ArrayList<>();
        for (int rows : new int[] {64, 64, 40}) {
            batches.add(batch(rows, nIn, 3, layers, random));
        }
        for (int epoch = 0; epoch < 4; epoch++) {
            for (DataSet b : batches) {
                double expected = reference.fit(b);
                assertEquals(expected, fused.fit(b), 2e-4 * Math.max(1, expected), "loss at epoch " + (epoch + 1));
            }
            reference.endEpoch();
            fused.endEpoch();
        }
        DataSet check = batch(70, nIn, 3, layers, random);
        assertClose(reference.predict(check.getFeatures()), fused.predict(check.getFeatures()), 2e-3);
        fused.close();
    }

    private static DataSet batch(int rows, int nIn, int outs, List<LayerBuild> layers, Random random) {
        float[] x = new float[rows * nIn];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        LayerBuild last = layers.get(layers.size() - 1);
        boolean classes = last.layer() instanceof OutputLayer o
                && (o.getLossFn().name().contains("MCXENT") || o.getLossFn().name().contains("XENT"));
        float[] y = new float[rows * outs];
        for (int r = 0; r < rows; r++) {
            if (classes && outs > 1) {
                // a learnable rule: the class follows the sign pattern of the first features
                int k = (x[r * nIn] > 0 ? 1 : 0) + (x[r * nIn + 1] > 0 ? 1 : 0);
                y[r * outs + Math.min(k, outs - 1)] = 1;
            } else if (classes) {
                y[r] = x[r * nIn] + x[r * nIn + 2] > 0 ? 1 : 0;
            } else {
                for (int j = 0; j < outs; j++) {
                    y[r * outs + j] = (float) (Math.sin(x[r * nIn]) + 0.5 * x[r * nIn + 1] * (j + 1));
                }
            }
        }
        return new DataSet(Nd4j.create(x, new long[] {rows, nIn}, 'c'), Nd4j.create(y, new long[] {rows, outs}, 'c'));
    }

    private static void assertClose(INDArray expected, INDArray actual, double tolerance) {
        assertArrayEquals(expected.shape(), actual.shape());
        float[] a = actual.reshape(actual.length()).toFloatVector();
        float[] e = expected.reshape(expected.length()).toFloatVector();
        for (int i = 0; i < e.length; i++) {
            assertEquals(e[i], a[i], tolerance * Math.max(1, Math.abs(e[i])), "element " + i);
        }
    }

}
