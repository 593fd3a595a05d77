package org.cajal.preprocessing.internal;

import static org.cajal.preprocessing.internal.Fixtures.assertMatrix;
import static org.cajal.preprocessing.internal.Fixtures.defaults;
import static org.cajal.preprocessing.internal.Fixtures.examples;
import static org.cajal.preprocessing.internal.Fixtures.parameters;
import static org.cajal.preprocessing.internal.Fixtures.roundTrip;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.cajal.api.data.DataSchema;
import org.cajal.api.data.DatasetException;
import org.cajal.api.data.Examples;
import org.cajal.api.data.FittedTransform;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class MinMaxStepTest {

    private static final DataSchema SCHEMA = DataSchema.regression(List.of("a", "b", "c"), List.of("y"));
    private static final double[][] TRAIN = {{0, 5, -2}, {10, 5, 2}, {5, 5, 0}};

    private final MinMaxStep step = new MinMaxStep();

    @Test
    void trainingRangeBecomesZeroToOneAndAConstantColumnTheMiddle() throws Exception {
        FittedTransform t = step.fit(List.of(examples(TRAIN)), SCHEMA, defaults(step));
        assertMatrix(new double[][] {{0, 0.5, 0}, {1, 0.5, 1}, {0.5, 0.5, 0.5}}, t.apply(examples(TRAIN)).features(),
                1e-6);
    }

    @Test
    void givenRangeIsUsedAndOtherSplitsAreNotClipped() throws Exception {
        FittedTransform t = step.fit(List.of(examples(TRAIN)), SCHEMA,
                parameters(step, Map.of("min", -1.0, "max", 1.0)));
        Examples test = examples(new double[][] {{20, 7, 1}, {-5, 5, -2}});
        assertMatrix(new double[][] {{3, 0, 0.5}, {-2, 0, -1}}, t.apply(test).features(), 1e-6);
    }

    @Test
    void severalBatchesGiveTheSameRangeAsOne() throws Exception {
        ScaledFeatures whole = (ScaledFeatures) step.fit(List.of(examples(TRAIN)), SCHEMA, defaults(step));
        ScaledFeatures batched = (ScaledFeatures) step.fit(List.of(examples(new double[][] {TRAIN[0]}),
                examples(new double[][] {TRAIN[1], TRAIN[2]})), SCHEMA, defaults(step));
        assertArrayEquals(whole.scaling().centre(), batched.scaling().centre());
        assertArrayEquals(whole.scaling().factor(), batched.scaling().factor());
        assertArrayEquals(new double[] {0, 5, -2}, whole.scaling().centre());
    }

    @Test
    void emptyRangeIsRefused() {
        DatasetException e = assertThrows(DatasetException.class, () -> step.fit(List.of(examples(TRAIN)), SCHEMA,
                parameters(step, Map.of("min", 1.0, "max", 1.0))));
        assertTrue(e.getMessage().contains("min (1.0) must be less than max (1.0)"), e.getMessage());
    }

    @Test
    void inputIsNotChangedAndSerialisationKeepsTheTransform() throws Exception {
        FittedTransform t = step.fit(List.of(examples(TRAIN)), SCHEMA, parameters(step, Map.of("columns", "a")));
        Examples input = examples(new double[][] {{2.5, 9, 9}});
        INDArray before = input.features().dup();
        INDArray out = t.apply(input).features();
        assertEquals(before, input.features());
        assertMatrix(new double[][] {{0.25, 9, 9}}, out, 1e-6);
        assertEquals(out, roundTrip(t).apply(input).features());
        assertEquals(SCHEMA, roundTrip(t).outputSchema(SCHEMA));
    }
}
