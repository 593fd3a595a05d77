package org.cajal.layers.internal;

import java.util.Map;
import java.util.stream.Stream;

import org.cajal.api.model.LayerBuild;
import org.cajal.api.model.LayerException;
import org.cajal.api.model.LayerType;
import org.cajal.api.model.Shape;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * For every layer type and a spread of settings: the inferred output shape and parameter count equal what a real
 * DL4J network produces (this is what proves the padding, stride and dilation arithmetic), and DL4J's numerical
 * gradient check passes for a small stack ending in an output layer.
 */
class LayerShapesAndGradientsTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                layer(new DenseLayerType(), Map.of("units", 4, "activation", "tanh"), 5),
                layer(new DenseLayerType(), Map.of("units", 3, "activation", "leaky-relu"), 2, 3, 4),
                layer(new DenseLayerType(), Map.of("units", 4, "activation", "sigmoid"), 3, 5),
                layer(new Conv1dLayerType(), Map.of("filters", 2, "activation", "tanh"), 3, 8),
                layer(new Conv1dLayerType(), Map.of("filters", 2, "kernelSize", 3, "stride", 2, "dilation", 2,
                        "activation", "tanh"), 3, 9),
                layer(new Conv1dLayerType(), Map.of("filters", 2, "kernelSize", 3, "stride", 2, "dilation", 2,
                        "padding", "valid", "activation", "tanh"), 2, 10),
                layer(new Conv1dLayerType(), Map.of("filters", 2, "kernelSize", 2, "stride", 3, "padding", "valid",
                        "activation", "leaky-relu"), 2, 11),
                layer(new Conv2dLayerType(), Map.of("filters", 2, "activation", "tanh"), 2, 5, 4),
                layer(new Conv2dLayerType(), Map.of("filters", 2, "kernelHeight", 2, "kernelWidth", 3, "stride", 2,
                        "padding", "valid", "activation", "tanh"), 2, 6, 7),
                layer(new Conv2dLayerType(), Map.of("filters", 2, "kernelSize", 2, "dilation", 2, "stride", 2,
                        "padding", "same", "activation", "sigmoid"), 1, 7, 5),
                layer(new Conv2dLayerType(), Map.of("filters", 1, "kernelSize", 3, "dilation", 2,
                        "padding", "valid", "activation", "identity"), 2, 6, 7),
                layer(new MaxPool1dLayerType(), Map.of(), 3, 8),
                layer(new MaxPool1dLayerType(), Map.of("poolSize", 3, "stride", 2, "padding", "same"), 2, 9),
                layer(new MeanPool1dLayerType(), Map.of("poolSize", 3, "stride", 2), 2, 10),
                layer(new MaxPool2dLayerType(), Map.of(), 2, 6, 5),
                layer(new MaxPool2dLayerType(), Map.of("poolSize", 3, "stride", 2, "padding", "same"), 2, 7, 5),
                layer(new MeanPool2dLayerType(), Map.of("poolSize", 2, "stride", 1), 2, 4, 5),
                layer(new MeanPool2dLayerType(), Map.of("poolSize", 3, "padding", "same"), 1, 7, 8),
                layer(new Subsampling1dLayerType(), Map.of("factor", 3), 2, 7),
                layer(new Subsampling2dLayerType(), Map.of(), 2, 5, 4),
                layer(new Upsampling1dLayerType(), Map.of("size", 3), 2, 4),
                layer(new Upsampling2dLayerType(), Map.of(), 2, 3, 2),
                layer(new DropoutLayerType(), Map.of("rate", 0.0), 4),
                layer(new DropoutLayerType(), Map.of("rate", 0.0), 2, 3, 3),
                layer(new BatchNormLayerType(), Map.of(), 4),
                layer(new BatchNormLayerType(), Map.of("decay", 0.5, "epsilon", 1e-3), 2, 3, 3),
                layer(new LstmLayerType(), Map.of("units", 3), 2, 5),
                layer(new LstmLayerType(), Map.of("units", 2, "activation", "sigmoid"), 3, 4),
                layer(new GruLayerType(), Map.of("units", 3), 2, 5),
                layer(new GlobalPoolingLayerType(), Map.of("pooling", "max"), 3, 5),
                layer(new GlobalPoolingLayerType(), Map.of("pooling", "avg"), 2, 3, 4),
                layer(new GlobalPoolingLayerType(), Map.of("pooling", "sum"), 3, 5),
                layer(new GlobalPoolingLayerType(), Map.of("pooling", "pnorm", "pnorm", 3), 2, 3, 3),
                layer(new SequenceOutputLayerType(), Map.of(), 3, 4),
                layer(new OutputLayerType(), Map.of(), 2, 3, 3));
    }

    @ParameterizedTest(name = "{0} {1} on {2}")
    @MethodSource("cases")
    void dl4jAgreesWithInferredShapeAndParameterCount(LayerType type, Map<String, ?> parameters, Shape input)
            throws LayerException {
        LayerBuild build = build(type, parameters, input);
        Networks.assertDl4jAgrees(build, input);
    }

    /** All cases but gru, whose check (slow, as SameDiff) runs with a dense layer below it in RecurrentLayerTypesTest. */
    static Stream<Arguments> gradientCases() {
        return cases().filter(c -> !(((Named<?>) c.get()[0]).getPayload() instanceof GruLayerType));
    }

    @ParameterizedTest(name = "{0} {1} on {2}")
    @MethodSource("gradientCases")
    void gradientCheckPasses(LayerType type, Map<String, ?> parameters, Shape input) throws LayerException {
        if (isOutput(type)) {
            Networks.assertGradientsCheck(input, Networks.randomInput(input, Networks.BATCH),
                    passThrough(input));
            return;
        }
        Networks.assertGradientsCheck(input, build(type, parameters, input));
    }

    private static Arguments layer(LayerType type, Map<String, ?> parameters, long... input) {
        return Arguments.of(Named.of(type.descriptor().id(), type), parameters, Shape.of(input));
    }

    private static boolean isOutput(LayerType type) {
        return type instanceof OutputLayerType || type instanceof SequenceOutputLayerType;
    }

    private static LayerBuild build(LayerType type, Map<String, ?> parameters, Shape input) throws LayerException {
        return Networks.build(type, parameters, input, isOutput(type) ? 1 : 0, "the dataset", isOutput(type));
    }

    /** A parameter-free layer before an output layer under test, so the check covers the output layer alone. */
    private static LayerBuild passThrough(Shape input) throws LayerException {
        return Networks.build(new DropoutLayerType(), Map.of("rate", 0.0), input);
    }
}
