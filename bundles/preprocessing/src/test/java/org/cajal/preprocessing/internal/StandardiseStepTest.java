package org.cajal.preprocessing.internal;

import static org.cajal.preprocessing.internal.Fixtures.assertMatrix;
import static org.cajal.preprocessing.internal.Fixtures.defaults;
import static org.cajal.preprocessing.internal.Fixtures.examples;
import static org.cajal.preprocessing.internal.Fixtures.parameters;
import static org.cajal.preprocessing.internal.Fixtures.roundTrip;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.cajal.api.data.DataSchema;
import org.cajal.api.data.DatasetException;
import org.cajal.api.data.Examples;
import org.cajal.api.data.FittedTransform;
import org.cajal.api.data.TargetKind;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class StandardiseStepTest {

    private static final DataSchema SCHEMA = DataSchema.regression(List.of("a", "b"), List.of("y"));
    private static final double[][] TRAIN = {{1, 10}, {2, 20}, {3, 30}, {4, 40}};
    private static final double SD_A = Math.sqrt(1.25);   // population sd of 1, 2, 3, 4
    private static final double SD_B = Math.sqrt(125);    // population sd of 10, 20, 30, 40

    private final StandardiseStep step = new StandardiseStep();

    @Test
    void trainingColumnsGetMeanZeroAndPopulationSdOne() throws Exception {
        FittedTransform t = step.fit(List.of(examples(TRAIN)), SCHEMA, defaults(step));
        INDArray out = t.apply(examples(TRAIN)).features();
        assertEquals(DataType.FLOAT, out.dataType());
        assertMatrix(new double[][] {
                {-1.5 / SD_A, -15 / SD_B}, {-0.5 / SD_A, -5 / SD_B}, {0.5 / SD_A, 5 / SD_B}, {1.5 / SD_A, 15 / SD_B}},
                out, 1e-6);
        assertEquals(0.0, out.mean(0).getDouble(0), 1e-6);
        assertEquals(1.0, out.std(false, 0).getDouble(1), 1e-6);
    }

    @Test
    void otherSplitsAreScaledWithTheTrainingStatistics() throws Exception {
        FittedTransform t = step.fit(List.of(examples(TRAIN)), SCHEMA, defaults(step));
        Examples test = examples(new double[][] {{5, 0}, {2.5, 25}});
        assertMatrix(new double[][] {{2.5 / SD_A, -25 / SD_B}, {0, 0}}, t.apply(test).features(), 1e-6);
    }

    @Test
    void severalBatchesGiveTheSameStatisticsAsOne() throws Exception {
        double[][] rows = {{1.5, -3}, {2.25, 7}, {9, 0.5}, {-4, 11}, {0.125, 2}};
        ScaledFeatures whole = (ScaledFeatures) step.fit(List.of(examples(rows)), SCHEMA, defaults(step));
        List<Examples> batches = List.of(examples(new double[][] {rows[0], rows[1]}),
                examples(new double[][] {rows[2]}), examples(new double[][] {rows[3], rows[4]}));
        ScaledFeatures batched = (ScaledFeatures) step.fit(batches, SCHEMA, defaults(step));
        assertArrayEquals(whole.scaling().centre(), batched.scaling().centre());
        assertArrayEquals(whole.scaling().factor(), batched.scaling().factor());
        assertEquals((1.5 + 2.25 + 9 - 4 + 0.125) / 5, whole.scaling().centre()[0], 1e-12);
    }

    @Test
    void aConstantColumnIsOnlyCentred() throws Exception {
        FittedTransform t = step.fit(List.of(examples(new double[][] {{7, 1}, {7, 3}})), SCHEMA, defaults(step));
        assertMatrix(new double[][] {{0, -1}, {2, 0}}, t.apply(examples(new double[][] {{7, 1}, {9, 2}})).features(),
                1e-6);
    }

    @Test
    void categoricalColumnsAreLeftAloneByDefault() throws Exception {
        DataSchema schema = new DataSchema(List.of("size", "colour"), List.of(2L), TargetKind.REGRESSION,
                List.of("y"), List.of(), Map.of("colour", List.of("red", "green", "blue")));
        FittedTransform t = step.fit(List.of(examples(new double[][] {{1, 2}, {3, 0}})), schema, defaults(step));
        assertMatrix(new double[][] {{-1, 2}, {1, 0}}, t.apply(examples(new double[][] {{1, 2}, {3, 0}})).features(),
                1e-6);
        DatasetException e = assertThrows(DatasetException.class, () -> step.fit(List.of(),
                schema, parameters(step, Map.of("columns", "colour"))));
        assertTrue(e.getMessage().contains("'colour' is categorical"), e.getMessage());
    }

    @Test
    void columnsPicksSomeFeatures() throws Exception {
        FittedTransform t = step.fit(List.of(examples(TRAIN)), SCHEMA, parameters(step, Map.of("columns", " b ")));
        assertMatrix(new double[][] {{1, -15 / SD_B}}, t.apply(examples(new double[][] {{1, 10}})).features(), 1e-6);
        DatasetException e = assertThrows(DatasetException.class,
                () -> step.fit(List.of(examples(TRAIN)), SCHEMA, parameters(step, Map.of("columns", "a,c"))));
        assertTrue(e.getMessage().contains("no feature 'c'") && e.getMessage().contains("[a, b]"), e.getMessage());
    }

    @Test
    void inputAndTargetsAreNotChanged() throws Exception {
        FittedTransform t = step.fit(List.of(examples(TRAIN)), SCHEMA, defaults(step));
        Examples input = examples(TRAIN, new double[][] {{1}, {2}, {3}, {4}});
        INDArray before = input.features().dup();
        Examples out = t.apply(input);
        assertEquals(before, input.features());
        assertSame(input.targets(), out.targets());
        assertEquals(SCHEMA, t.outputSchema(SCHEMA));
    }

    @Test
    void imagesAreRefusedWithAPointerToImageScale() {
        DataSchema images = new DataSchema(List.of(), List.of(1L, 2L, 2L), TargetKind.BINARY, List.of("y"),
                List.of("no", "yes"));
        DatasetException e = assertThrows(DatasetException.class, () -> step.fit(List.of(), images, defaults(step)));
        assertTrue(e.getMessage().contains("image-scale"), e.getMessage());
    }

    @Test
    void missingValuesAndEmptyTrainingAreReported() {
        DatasetException nan = assertThrows(DatasetException.class, () -> step.fit(
                List.of(examples(new double[][] {{1, 2}, {Double.NaN, 3}})), SCHEMA, defaults(step)));
        assertTrue(nan.getMessage().contains("'a' has the value NaN in training example 2"), nan.getMessage());
        DatasetException empty = assertThrows(DatasetException.class,
                () -> step.fit(List.of(), SCHEMA, defaults(step)));
        assertTrue(empty.getMessage().contains("training split is empty"), empty.getMessage());
    }

    @Test
    void survivesJavaSerialisation() throws Exception {
        FittedTransform t = step.fit(List.of(examples(TRAIN)), SCHEMA, defaults(step));
        FittedTransform back = roundTrip(t);
        Examples test = examples(new double[][] {{5, 0}, {-1, 100}});
        assertEquals(t.apply(test).features(), back.apply(test).features());
        assertEquals(t.toString(), back.toString());
        assertTrue(back.toString().contains("mean {a=2.50000, b=25.0000}"), back.toString());
    }
}
