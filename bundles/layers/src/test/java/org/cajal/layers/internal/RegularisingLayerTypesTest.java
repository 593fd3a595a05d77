package org.cajal.layers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.cajal.api.model.LayerBuild;
import org.cajal.api.model.LayerException;
import org.cajal.api.model.Shape;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Dropout and batch normalisation. */
class RegularisingLayerTypesTest {

    @Test
    void dropoutRateIsTheProbabilityOfDroppingNotOfKeeping() throws LayerException {
        LayerBuild build = Networks.build(new DropoutLayerType(), Map.of("rate", 0.3), Shape.of(20_000));
        Dropout dropout = assertInstanceOf(Dropout.class, ((DropoutLayer) build.layer()).getIDropout());
        assertEquals(0.7, dropout.getP(), 1e-12);

        MultiLayerNetwork network = Networks.network(Shape.of(20_000), build.layer());
        INDArray ones = Nd4j.ones(DataType.DOUBLE, 1, 20_000);
        INDArray training = network.output(ones, true);
        double dropped = training.eq(0.0).castTo(DataType.DOUBLE).meanNumber().doubleValue();
        assertEquals(0.3, dropped, 0.02, "fraction of values dropped in training");
        assertEquals(1 / 0.7, training.maxNumber().doubleValue(), 1e-9, "survivors are scaled by 1 / (1 - rate)");
        assertEquals(ones, network.output(ones, false), "no dropout at prediction time");
    }

    @Test
    void dropoutKeepsTheShapeAndHasNoParameters() throws LayerException {
        LayerBuild build = Networks.build(new DropoutLayerType(), Map.of(), Shape.of(3, 4, 5));
        assertEquals(Shape.of(3, 4, 5), build.output());
        assertEquals(0, build.parameterCount());
    }

    @Test
    void batchNormCountsFourValuesPerChannelAsDl4jDoes() throws LayerException {
        LayerBuild build = Networks.build(new BatchNormLayerType(), Map.of(), Shape.of(6, 4, 4));
        assertEquals(24, build.parameterCount());
        assertEquals(Shape.of(6, 4, 4), build.output());
    }

    @Test
    void batchNormOnASequenceSaysDl4jCannot() {
        LayerException e = assertThrows(LayerException.class, () -> Networks.build(new BatchNormLayerType(),
                Map.of(), Shape.of(4, 10), 2, "layer 1 (lstm)", false));
        assertTrue(e.getMessage().startsWith("layer 2 (batch-norm) normalises feature vectors and images, but "
                + "layer 1 (lstm) produces a sequence [4, 10]"), e.getMessage());
    }
}
