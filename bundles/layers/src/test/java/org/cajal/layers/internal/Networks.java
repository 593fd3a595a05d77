package org.cajal.layers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;

import org.cajal.api.Parameters;
import org.cajal.api.data.DataSchema;
import org.cajal.api.model.LayerBuild;
import org.cajal.api.model.LayerContext;
import org.cajal.api.model.LayerException;
import org.cajal.api.model.LayerType;
import org.cajal.api.model.Shape;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.RnnLossLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** Test support: builds layers through their LayerType and checks them against real DL4J networks. */
final class Networks {

    static final String LOSS = "categorical-cross-entropy";
    static final DataSchema THREE_CLASSES = DataSchema.classification(List.of("a", "b", "c", "d"), "label",
            List.of("x", "y", "z"));
    static final int BATCH = 3;

    private Networks() {
    }

    /** Builds a layer as layer {@code index} of a stack, fed by {@code previous}. */
    static LayerBuild build(LayerType type, Map<String, ?> raw, Shape input, int index, String previous, boolean last)
            throws LayerException {
        Parameters parameters = Parameters.resolve(type.descriptor(), raw, Path.of("."));
        return type.build(parameters, new LayerContext(index, input, previous, last, LOSS, THREE_CLASSES));
    }

    /** Builds a hidden layer as layer 0, fed by the dataset. */
    static LayerBuild build(LayerType type, Map<String, ?> raw, Shape input) throws LayerException {
        return build(type, raw, input, 0, "the dataset", false);
    }

    /** The input type the runtime declares for a Cajal shape. */
    static InputType inputType(Shape shape) {
        return switch (shape.rank()) {
            case 1 -> InputType.feedForward(shape.dim(0));
            case 2 -> InputType.recurrent(shape.dim(0), shape.dim(1));
            case 3 -> InputType.convolutional(shape.dim(1), shape.dim(2), shape.dim(0));
            default -> throw new IllegalArgumentException("rank " + shape.rank());
        };
    }

    /** A double-precision network with no updater (as gradient checks need), in the runtime's way. */
    static MultiLayerNetwork network(Shape input, Layer... layers) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(12345)
                .dataType(DataType.DOUBLE)
                .updater(new NoOp())
                .list();
        for (Layer layer : layers) {
            list.layer(layer);
        }
        MultiLayerConfiguration configuration = list.setInputType(inputType(input)).build();
        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        network.init();
        return network;
    }

    /** Random values for a batch of examples of {@code shape}. */
    static INDArray randomInput(Shape shape, int batch) {
        long[] dims = new long[shape.rank() + 1];
        dims[0] = batch;
        for (int i = 0; i < shape.rank(); i++) {
            dims[i + 1] = shape.dim(i);
        }
        Nd4j.getRandom().setSeed(42);
        return Nd4j.rand(DataType.DOUBLE, dims).subi(0.5).muli(2);
    }

    /** Random token ids 0 .. vocabulary - 1, shaped [batch, 1, time]. */
    static INDArray randomTokens(long time, int vocabulary, int batch) {
        Nd4j.getRandom().setSeed(42);
        return Nd4j.rand(DataType.DOUBLE, batch, 1, time).muli(vocabulary).castTo(DataType.INT32)
                .castTo(DataType.DOUBLE);
    }

    /** One-hot labels for three classes: [batch, 3] or, per time step, [batch, 3, time]. */
    static INDArray randomLabels(Shape output, int batch) {
        long time = output.rank() == 2 ? output.dim(1) : 1;
        INDArray labels = Nd4j.zeros(DataType.DOUBLE, batch, 3, time);
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < time; t++) {
                labels.putScalar(new long[] {b, (b + 2 * t) % 3, t}, 1.0);
            }
        }
        return output.rank() == 2 ? labels : labels.reshape(batch, 3);
    }

    /**
     * Builds a one-layer network from the build and asserts that DL4J agrees with the inferred output shape and
     * parameter count. A sequence output is read through a parameter-free RNN loss layer, so that a layer applied
     * per time step (dense) is seen reshaped back to [batch, units, time] as the next layer would see it.
     */
    static void assertDl4jAgrees(LayerBuild build, Shape input, INDArray batch) {
        MultiLayerNetwork network = build.output().rank() == 2
                ? network(input, build.layer(), new RnnLossLayer.Builder(LossFunction.MSE)
                        .activation(Activation.IDENTITY).build())
                : network(input, build.layer());
        assertEquals(build.parameterCount(), network.numParams(), "parameter count of " + build.layer());
        long[] actual = network.output(batch).shape();
        assertEquals(batch.size(0), actual[0], "batch size");
        Shape observed = new Shape(Arrays.stream(actual).skip(1).boxed().toList());
        assertEquals(build.output(), observed, "output shape of " + build.layer().getClass().getSimpleName()
                + " for input " + input);
    }

    /** The same with a random batch. */
    static void assertDl4jAgrees(LayerBuild build, Shape input) {
        assertDl4jAgrees(build, input, randomInput(input, BATCH));
    }

    /**
     * Puts the layers on a stack ending in this bundle's output (or sequence-output, for a sequence) layer and
     * asserts that DL4J's numerical gradient check passes.
     */
    static void assertGradientsCheck(Shape input, INDArray features, LayerBuild... hidden) throws LayerException {
        Shape last = hidden[hidden.length - 1].output();
        LayerType head = last.rank() == 2 ? new SequenceOutputLayerType() : new OutputLayerType();
        LayerBuild out = build(head, Map.of("activation", "softmax"), last, hidden.length, "the hidden layers", true);
        Layer[] layers = new Layer[hidden.length + 1];
        for (int i = 0; i < hidden.length; i++) {
            layers[i] = hidden[i].layer();
        }
        layers[hidden.length] = out.layer();
        MultiLayerNetwork network = network(input, layers);
        INDArray labels = randomLabels(out.output(), (int) features.size(0));
        DataType defaultType = Nd4j.dataType();
        DataType defaultFloatingType = Nd4j.defaultFloatingPointType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);   // GradientCheckUtil insists on it
        try {
            boolean passed = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig()
                    .net(network).input(features).labels(labels)
                    .epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8)
                    .print(GradientCheckUtil.PrintMode.FAILURES_ONLY).exitOnFirstError(false)
                    .excludeParams(runningStatistics(hidden.length))
                    .callEachIter(n -> Nd4j.getRandom().setSeed(12345)));
            assertTrue(passed, "gradient check of " + Arrays.toString(layers));
        } finally {
            Nd4j.setDefaultDataTypes(defaultType, defaultFloatingType);
        }
    }

    /** Batch normalisation's running mean and variance: updated from batches, not by gradient, so not checked. */
    private static Set<String> runningStatistics(int layers) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < layers; i++) {
            for (String key : List.of(BatchNormalizationParamInitializer.GLOBAL_MEAN,
                    BatchNormalizationParamInitializer.GLOBAL_VAR, BatchNormalizationParamInitializer.GLOBAL_LOG_STD)) {
                names.add(i + "_" + key);
            }
        }
        return names;
    }

    /** The same with a random batch. */
    static void assertGradientsCheck(Shape input, LayerBuild... hidden) throws LayerException {
        assertGradientsCheck(input, randomInput(input, BATCH), hidden);
    }
}
