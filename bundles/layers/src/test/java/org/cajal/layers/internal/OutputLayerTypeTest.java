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
import org.cajal.api.data.TargetKind;
import org.cajal.api.model.LayerBuild;
import org.cajal.api.model.LayerContext;
import org.cajal.api.model.LayerException;
import org.cajal.api.model.Shape;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.lossfunctions.impl.LossMAE;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;

class OutputLayerTypeTest {

    private static final DataSchema XOR = DataSchema.classification(List.of("x1", "x2"), "xor", List.of("0", "1"));
    private static final DataSchema IRIS = DataSchema.classification(List.of("a", "b", "c", "d"), "species",
            List.of("setosa", "versicolor", "virginica"));
    private static final DataSchema HOUSES = DataSchema.regression(List.of("rooms", "area"), List.of("price"));
    private static final DataSchema UNLABELLED = new DataSchema(List.of("x"), List.of(1L), TargetKind.NONE,
            List.of(), List.of());

    private final OutputLayerType output = new OutputLayerType();

    @Test
    void categoricalCrossEntropyInfersSoftmaxUnitPerClass() throws LayerException {
        LayerBuild build = build(Map.of(), "categorical-cross-entropy", IRIS);
        OutputLayer layer = assertInstanceOf(OutputLayer.class, build.layer());
        assertEquals(Shape.of(3), build.output());
        assertEquals(8 * 3 + 3, build.parameterCount());
        assertEquals(8, layer.getNIn());
        assertInstanceOf(ActivationSoftmax.class, layer.getActivationFn());
        assertInstanceOf(LossMCXENT.class, layer.getLossFn());
    }

    @Test
    void binaryCrossEntropyInfersOneSigmoidUnit() throws LayerException {
        LayerBuild build = build(Map.of(), "binary-cross-entropy", XOR);
        OutputLayer layer = (OutputLayer) build.layer();
        assertEquals(Shape.of(1), build.output());
        assertEquals(9, build.parameterCount());
        assertInstanceOf(ActivationSigmoid.class, layer.getActivationFn());
        assertInstanceOf(LossBinaryXENT.class, layer.getLossFn());
    }

    @Test
    void regressionLossesInferIdentityUnitPerTarget() throws LayerException {
        OutputLayer mse = (OutputLayer) build(Map.of(), "mse", HOUSES).layer();
        OutputLayer mae = (OutputLayer) build(Map.of(), "mae", HOUSES).layer();
        assertEquals(1, mse.getNOut());
        assertInstanceOf(ActivationIdentity.class, mse.getActivationFn());
        assertInstanceOf(LossMSE.class, mse.getLossFn());
        assertInstanceOf(LossMAE.class, mae.getLossFn());
    }

    @Test
    void mustBeTheLastLayer() {
        LayerContext notLast = new LayerContext(1, Shape.of(8), "layer 0 (dense)", false, "mse", HOUSES);
        LayerException e = assertThrows(LayerException.class,
                () -> output.build(Parameters.defaults(output.descriptor()), notLast));
        assertTrue(e.getMessage().startsWith("layer 1 (output) must be the last layer"), e.getMessage());
    }

    @Test
    void lossThatDoesNotFitTheTargetListsTheLossesThatDo() {
        LayerException e = assertThrows(LayerException.class, () -> build(Map.of(), "mse", XOR));
        assertEquals("layer 2 (output): loss 'mse' does not fit the dataset's binary target 'xor'; "
                + "losses that fit: binary-cross-entropy, categorical-cross-entropy", e.getMessage());
        LayerException multi = assertThrows(LayerException.class, () -> build(Map.of(), "binary-cross-entropy", IRIS));
        assertTrue(multi.getMessage().endsWith("losses that fit: categorical-cross-entropy"), multi.getMessage());
    }

    @Test
    void datasetWithoutTargetFitsNoLoss() {
        LayerException e = assertThrows(LayerException.class, () -> build(Map.of(), "mse", UNLABELLED));
        assertTrue(e.getMessage().contains("has no target"), e.getMessage());
    }

    @Test
    void unknownLossIsNamedWithTheKnownOnes() {
        LayerException e = assertThrows(LayerException.class, () -> build(Map.of(), "hinge", XOR));
        assertTrue(e.getMessage().contains("unknown loss 'hinge'"), e.getMessage());
        assertTrue(e.getMessage().contains("mse, mae, binary-cross-entropy, categorical-cross-entropy"));
    }

    @Test
    void categoricalCrossEntropyNeedsOneUnitPerClass() {
        LayerException e = assertThrows(LayerException.class,
                () -> build(Map.of("units", 2), "categorical-cross-entropy", IRIS));
        assertTrue(e.getMessage().startsWith("layer 2 (output) has 2 units but the dataset has 3 classes "
                + "(setosa, versicolor, virginica)"), e.getMessage());
        assertTrue(e.getMessage().contains("set units to 3 or remove it"), e.getMessage());
    }

    @Test
    void singleUnitWithCategoricalCrossEntropyPointsToBinaryCrossEntropy() {
        LayerException e = assertThrows(LayerException.class,
                () -> build(Map.of("units", 1), "categorical-cross-entropy", XOR));
        assertTrue(e.getMessage().endsWith("use loss binary-cross-entropy with activation sigmoid"), e.getMessage());
    }

    @Test
    void categoricalCrossEntropyNeedsSoftmax() {
        LayerException e = assertThrows(LayerException.class,
                () -> build(Map.of("activation", "sigmoid"), "categorical-cross-entropy", XOR));
        assertTrue(e.getMessage().contains("categorical-cross-entropy needs activation softmax"), e.getMessage());
        assertTrue(e.getMessage().contains("'sigmoid'"), e.getMessage());
    }

    @Test
    void binaryCrossEntropyNeedsSigmoidAndOneUnit() {
        LayerException activation = assertThrows(LayerException.class,
                () -> build(Map.of("activation", "softmax"), "binary-cross-entropy", XOR));
        assertTrue(activation.getMessage().contains("binary-cross-entropy needs activation sigmoid"));
        LayerException units = assertThrows(LayerException.class,
                () -> build(Map.of("units", 2), "binary-cross-entropy", XOR));
        assertTrue(units.getMessage().startsWith("layer 2 (output) has 2 units but binary-cross-entropy needs 1 unit"),
                units.getMessage());
    }

    @Test
    void regressionUnitsMustMatchTargetCount() {
        LayerException e = assertThrows(LayerException.class, () -> build(Map.of("units", 2), "mse", HOUSES));
        assertEquals("layer 2 (output) has 2 units but the dataset has 1 regression target (price); "
                + "set units to 1 or remove it", e.getMessage());
    }

    @Test
    void sequenceInputPointsToSequenceOutputOrGlobalPooling() {
        LayerContext sequence = new LayerContext(2, Shape.of(16, 30), "layer 1 (lstm)", true, "mse", HOUSES);
        LayerException e = assertThrows(LayerException.class,
                () -> output.build(Parameters.defaults(output.descriptor()), sequence));
        assertEquals("layer 2 (output) gives one prediction per example but layer 1 (lstm) produces a sequence "
                + "[16, 30] (features, time); use sequence-output for one prediction per time step, or put a "
                + "global-pooling layer before output to summarise the sequence into one vector", e.getMessage());
    }

    @Test
    void imageInputIsFlattenedAsDl4jDoes() throws LayerException {
        LayerContext image = new LayerContext(2, Shape.of(2, 3, 3), "layer 1 (max-pool-2d)", true, "mse", HOUSES);
        LayerBuild build = output.build(Parameters.defaults(output.descriptor()), image);
        assertEquals(18, ((OutputLayer) build.layer()).getNIn());
        assertEquals(18 + 1, build.parameterCount());
    }

    private LayerBuild build(Map<String, ?> raw, String loss, DataSchema schema) throws LayerException {
        Parameters parameters = Parameters.resolve(output.descriptor(), raw, Path.of("."));
        return output.build(parameters, new LayerContext(2, Shape.of(8), "layer 1 (dense)", true, loss, schema));
    }
}
