package org.cajal.preprocessing.internal;

import static org.cajal.preprocessing.internal.Fixtures.defaults;
import static org.cajal.preprocessing.internal.Fixtures.parameters;
import static org.cajal.preprocessing.internal.Fixtures.roundTrip;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.cajal.api.data.DataSchema;
import org.cajal.api.data.Examples;
import org.cajal.api.data.FittedTransform;
import org.cajal.api.data.TargetKind;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ImageScaleStepTest {

    private static final DataSchema IMAGES = new DataSchema(List.of(), List.of(1L, 2L, 2L), TargetKind.MULTICLASS,
            List.of("digit"), List.of("0", "1", "2"));

    private final ImageScaleStep step = new ImageScaleStep();

    private static Examples pixels() {
        INDArray features = Nd4j.createFromArray(new float[] {0, 51, 127.5f, 255, 255, 0, 102, 204}).reshape(2, 1, 2, 2);
        return new Examples(features, Nd4j.createFromArray(new float[][] {{0}, {2}}));
    }

    @Test
    void pixelsScaleIntoZeroToOneKeepingTheShape() throws Exception {
        FittedTransform t = step.fit(List.of(), IMAGES, defaults(step));
        Examples input = pixels();
        INDArray before = input.features().dup();
        Examples out = t.apply(input);
        assertArrayEquals(new long[] {2, 1, 2, 2}, out.features().shape());
        assertEquals(DataType.FLOAT, out.features().dataType());
        assertArrayEquals(new float[] {0, 0.2f, 0.5f, 1, 1, 0, 0.4f, 0.8f}, out.features().data().asFloat(), 1e-6f);
        assertEquals(0.0, out.features().minNumber().doubleValue(), 0);
        assertEquals(1.0, out.features().maxNumber().doubleValue(), 1e-6);
        assertEquals(before, input.features());
        assertSame(input.targets(), out.targets());
        assertEquals(IMAGES, t.outputSchema(IMAGES));
    }

    @Test
    void maxIsAParameterAndSurvivesSerialisation() throws Exception {
        FittedTransform t = step.fit(List.of(), IMAGES, parameters(step, Map.of("max", 510.0)));
        FittedTransform back = roundTrip(t);
        assertEquals(0.5, back.apply(pixels()).features().maxNumber().doubleValue(), 1e-6);
        assertEquals(t.apply(pixels()).features(), back.apply(pixels()).features());
        assertTrue(step.descriptor().parameter("max").orElseThrow().problem(0.0).isPresent());
    }
}
