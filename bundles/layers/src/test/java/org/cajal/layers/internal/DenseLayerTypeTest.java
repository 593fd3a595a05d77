package org.cajal.layers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.cajal.api.Parameters;
import org.cajal.api.data.DataSchema;
import org.cajal.api.model.LayerBuild;
import org.cajal.api.model.LayerContext;
import org.cajal.api.model.LayerException;
import org.cajal.api.model.Shape;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.weights.WeightInitRelu;
import org.deeplearning4j.nn.weights.WeightInitXavier;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationTanH;

class DenseLayerTypeTest {

    private static final DataSchema XOR = DataSchema.classification(List.of("x1", "x2"), "xor", List.of("0", "1"));

    private final DenseLayerType dense = new DenseLayerType();

    @Test
    void defaultsGiveEightReluUnitsWithHeInit() throws LayerException {
        LayerBuild build = dense.build(Parameters.defaults(dense.descriptor()), context(2, Shape.of(3), "the dataset"));
        DenseLayer layer = assertInstanceOf(DenseLayer.class, build.layer());
        assertEquals(Shape.of(8), build.output());
        assertEquals(3 * 8 + 8, build.parameterCount());
        assertEquals(3, layer.getNIn());
        assertEquals(8, layer.getNOut());
        assertInstanceOf(ActivationReLU.class, layer.getActivationFn());
        assertInstanceOf(WeightInitRelu.class, layer.getWeightInitFn());
    }

    @Test
    void tanhWithAutoInitUsesXavier() throws LayerException {
        LayerBuild build = dense.build(params(Map.of("units", 5, "activation", "tanh")), context(0, Shape.of(2), "the dataset"));
        DenseLayer layer = (DenseLayer) build.layer();
        assertEquals(Shape.of(5), build.output());
        assertEquals(15, build.parameterCount());
        assertInstanceOf(ActivationTanH.class, layer.getActivationFn());
        assertInstanceOf(WeightInitXavier.class, layer.getWeightInitFn());
    }

    @Test
    void explicitWeightInitOverridesAuto() throws LayerException {
        LayerBuild build = dense.build(params(Map.of("weightInit", "xavier")), context(0, Shape.of(2), "the dataset"));
        assertInstanceOf(WeightInitXavier.class, ((DenseLayer) build.layer()).getWeightInitFn());
    }

    @Test
    void matchingInputsIsAccepted() throws LayerException {
        LayerBuild build = dense.build(params(Map.of("inputs", 8)), context(2, Shape.of(8), "layer 1 (dense)"));
        assertEquals(8 * 8 + 8, build.parameterCount());
    }

    @Test
    void inputsMismatchNamesBothSizesAndTheFix() {
        LayerException e = assertThrows(LayerException.class,
                () -> dense.build(params(Map.of("inputs", 3)), context(2, Shape.of(8), "layer 1 (dense)")));
        assertEquals("layer 2 (dense) expects 3 inputs but layer 1 (dense) produces [8]; "
                + "set 'inputs' to 8 or remove it", e.getMessage());
    }

    @Test
    void imageInputIsFlattenedAsDl4jDoes() throws LayerException {
        LayerBuild build = dense.build(Parameters.defaults(dense.descriptor()), context(1, Shape.of(1, 28, 28), "layer 0 (conv2d)"));
        assertEquals(784, ((DenseLayer) build.layer()).getNIn());
        assertEquals(Shape.of(8), build.output());
        assertEquals(784 * 8 + 8, build.parameterCount());
    }

    @Test
    void sequenceInputIsTransformedPerTimeStep() throws LayerException {
        LayerBuild build = dense.build(Parameters.defaults(dense.descriptor()), context(1, Shape.of(5, 20), "layer 0 (lstm)"));
        assertEquals(5, ((DenseLayer) build.layer()).getNIn());
        assertEquals(Shape.of(8, 20), build.output());
        assertEquals(5 * 8 + 8, build.parameterCount());
    }

    @Test
    void inputsMismatchOnAnImageComparesTheFlattenedSize() {
        LayerException e = assertThrows(LayerException.class,
                () -> dense.build(params(Map.of("inputs", 80)), context(3, Shape.of(4, 5, 5), "layer 2 (max-pool-2d)")));
        assertEquals("layer 3 (dense) expects 80 inputs but layer 2 (max-pool-2d) produces [4, 5, 5] (100 values "
                + "once flattened); set 'inputs' to 100 or remove it", e.getMessage());
    }

    @Test
    void inputsMismatchOnASequenceComparesTheFeaturesPerStep() {
        LayerException e = assertThrows(LayerException.class,
                () -> dense.build(params(Map.of("inputs", 64)), context(2, Shape.of(16, 30), "layer 1 (lstm)")));
        assertEquals("layer 2 (dense) expects 64 inputs but layer 1 (lstm) produces [16, 30] (16 features per time "
                + "step); set 'inputs' to 16 or remove it", e.getMessage());
    }

    @Test
    void descriptorDeclaresTypedParameters() {
        assertEquals("Core layers", dense.descriptor().category());
        assertEquals(8, dense.descriptor().parameter("units").orElseThrow().defaultValue());
        assertTrue(dense.descriptor().parameter("units").orElseThrow().problem(0).isPresent());
        assertEquals("relu", dense.descriptor().parameter("activation").orElseThrow().defaultValue());
        assertEquals("auto", dense.descriptor().parameter("weightInit").orElseThrow().defaultValue());
        assertEquals(null, dense.descriptor().parameter("inputs").orElseThrow().defaultValue());
    }

    private Parameters params(Map<String, ?> raw) {
        return Parameters.resolve(dense.descriptor(), raw, Path.of("."));
    }

    private static LayerContext context(int index, Shape input, String previous) {
        return new LayerContext(index, input, previous, false, "categorical-cross-entropy", XOR);
    }
}
