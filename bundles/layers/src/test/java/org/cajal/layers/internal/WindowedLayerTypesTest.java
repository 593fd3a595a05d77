package org.cajal.layers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.cajal.api.model.LayerBuild;
import org.cajal.api.model.LayerException;
import org.cajal.api.model.Shape;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.junit.jupiter.api.Test;

/** Convolution and pooling: what they refuse and how the message says so. */
class WindowedLayerTypesTest {

    @Test
    void conv2dAfterAVectorSaysItNeedsAnImage() {
        LayerException e = assertThrows(LayerException.class, () -> Networks.build(new Conv2dLayerType(), Map.of(),
                Shape.of(8), 1, "layer 0 (dense)", false));
        assertTrue(e.getMessage().startsWith("layer 1 (conv2d) needs an image [channels, height, width] but "
                + "layer 0 (dense) produces a feature vector [8]"), e.getMessage());
        assertTrue(e.getMessage().contains("place it before any dense"), e.getMessage());
    }

    @Test
    void conv1dOnAnImageSaysItNeedsASequence() {
        LayerException e = assertThrows(LayerException.class, () -> Networks.build(new Conv1dLayerType(), Map.of(),
                Shape.of(1, 28, 28)));
        assertTrue(e.getMessage().startsWith("layer 0 (conv1d) needs a sequence [features, time] but the dataset "
                + "produces an image [1, 28, 28]"), e.getMessage());
    }

    @Test
    void poolingWindowLargerThanTheInputNamesBothSizesAndTheWaysOut() {
        LayerException e = assertThrows(LayerException.class, () -> Networks.build(new MaxPool2dLayerType(),
                Map.of("poolSize", 5), Shape.of(16, 4, 4), 3, "layer 2 (conv2d)", false));
        assertEquals("layer 3 (max-pool-2d): the height window 5 is larger than the input's height 4 (layer 2 "
                + "(conv2d) produces an image [16, 4, 4] (channels, height, width)) with padding valid, so no window "
                + "fits and the output would be empty; use a height window of at most 4, padding same, or remove a "
                + "pooling or strided layer before it", e.getMessage());
    }

    @Test
    void samePaddingPoolsEvenWhenTheWindowIsLarger() throws LayerException {
        LayerBuild build = Networks.build(new MaxPool2dLayerType(), Map.of("poolSize", 5, "padding", "same"),
                Shape.of(16, 4, 4));
        assertEquals(Shape.of(16, 1, 1), build.output());
    }

    @Test
    void dilatedKernelLargerThanTheSequenceIsRejectedWithItsEffectiveSize() {
        LayerException e = assertThrows(LayerException.class, () -> Networks.build(new Conv1dLayerType(),
                Map.of("kernelSize", 3, "dilation", 3, "padding", "valid"), Shape.of(2, 6)));
        assertTrue(e.getMessage().startsWith("layer 0 (conv1d): the time window 3 with dilation 3 (effective size 7) "
                + "is larger than the input's time 6"), e.getMessage());
        assertTrue(e.getMessage().contains("or a smaller dilation"), e.getMessage());
    }

    @Test
    void conv2dCountsWeightsPerChannelAndKernelCell() throws LayerException {
        LayerBuild build = Networks.build(new Conv2dLayerType(), Map.of("filters", 8, "kernelHeight", 3,
                "kernelWidth", 5, "padding", "valid"), Shape.of(3, 10, 12));
        assertEquals(Shape.of(8, 8, 8), build.output());
        assertEquals(8 * 3 * 3 * 5 + 8, build.parameterCount());
        ConvolutionLayer layer = assertInstanceOf(ConvolutionLayer.class, build.layer());
        assertEquals(3, layer.getKernelSize()[0]);
        assertEquals(5, layer.getKernelSize()[1]);
    }

    @Test
    void globalPoolingOnAVectorSaysThereIsNothingLeftToPool() {
        LayerException e = assertThrows(LayerException.class, () -> Networks.build(new GlobalPoolingLayerType(),
                Map.of(), Shape.of(8), 2, "layer 1 (dense)", false));
        assertTrue(e.getMessage().startsWith("layer 2 (global-pooling) needs a sequence [features, time] or an image"),
                e.getMessage());
        assertTrue(e.getMessage().contains("layer 1 (dense) produces a feature vector [8]"), e.getMessage());
    }

    @Test
    void subsamplingKeepsEveryKthElement() throws LayerException {
        LayerBuild build = Networks.build(new Subsampling1dLayerType(), Map.of("factor", 3), Shape.of(1, 7));
        org.deeplearning4j.nn.multilayer.MultiLayerNetwork network = Networks.network(Shape.of(1, 7), build.layer());
        org.nd4j.linalg.api.ndarray.INDArray steps = org.nd4j.linalg.factory.Nd4j
                .arange(7).castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).reshape(1, 1, 7);
        assertEquals(org.nd4j.linalg.factory.Nd4j.createFromArray(0.0, 3.0, 6.0).reshape(1, 1, 3),
                network.output(steps));
    }
}
