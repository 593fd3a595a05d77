package org.cajal.preprocessing.internal;

import static org.cajal.preprocessing.internal.Fixtures.assertMatrix;
import static org.cajal.preprocessing.internal.Fixtures.defaults;
import static org.cajal.preprocessing.internal.Fixtures.examples;
import static org.cajal.preprocessing.internal.Fixtures.parameters;
import static org.cajal.preprocessing.internal.Fixtures.roundTrip;
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

class OneHotStepTest {

    private static final DataSchema SCHEMA = new DataSchema(List.of("age", "colour", "size"), List.of(3L),
            TargetKind.BINARY, List.of("bought"), List.of("no", "yes"),
            Map.of("colour", List.of("red", "green", "blue"), "size", List.of("S", "L")));
    private static final double[][] ROWS = {{30, 2, 0}, {40, 0, 1}};

    private final OneHotStep step = new OneHotStep();

    @Test
    void everyCategoricalColumnBecomesIndicatorsInItsPlace() throws Exception {
        FittedTransform t = step.fit(List.of(examples(ROWS)), SCHEMA, defaults(step));
        Examples input = examples(ROWS, new double[][] {{1}, {0}});
        INDArray before = input.features().dup();
        Examples out = t.apply(input);
        assertEquals(DataType.FLOAT, out.features().dataType());
        assertMatrix(new double[][] {{30, 0, 0, 1, 1, 0}, {40, 1, 0, 0, 0, 1}}, out.features(), 0);
        assertEquals(before, input.features());
        assertSame(input.targets(), out.targets());
    }

    @Test
    void schemaNamesTheIndicatorsAndDropsTheirCategories() throws Exception {
        DataSchema out = step.fit(List.of(), SCHEMA, defaults(step)).outputSchema(SCHEMA);
        assertEquals(List.of("age", "colour=red", "colour=green", "colour=blue", "size=S", "size=L"),
                out.featureNames());
        assertEquals(List.of(6L), out.featureShape());
        assertEquals(Map.of(), out.featureCategories());
        assertEquals(SCHEMA.targetKind(), out.targetKind());
        assertEquals(SCHEMA.classLabels(), out.classLabels());
        assertEquals(SCHEMA.targetNames(), out.targetNames());
    }

    @Test
    void columnsPicksSomeCategoricalFeatures() throws Exception {
        FittedTransform t = step.fit(List.of(), SCHEMA, parameters(step, Map.of("columns", "colour")));
        DataSchema out = t.outputSchema(SCHEMA);
        assertEquals(List.of("age", "colour=red", "colour=green", "colour=blue", "size"), out.featureNames());
        assertEquals(List.of(5L), out.featureShape());
        assertEquals(Map.of("size", List.of("S", "L")), out.featureCategories());
        assertMatrix(new double[][] {{30, 0, 0, 1, 0}, {40, 1, 0, 0, 1}}, t.apply(examples(ROWS)).features(), 0);
    }

    @Test
    void anUnseenCategoryGivesAllZeros() throws Exception {
        FittedTransform t = step.fit(List.of(), SCHEMA, defaults(step));
        Examples odd = examples(new double[][] {{1, 3, 1}, {2, -1, 0.5}, {3, Double.NaN, 1}});
        assertMatrix(new double[][] {{1, 0, 0, 0, 0, 1}, {2, 0, 0, 0, 0, 0}, {3, 0, 0, 0, 0, 1}},
                t.apply(odd).features(), 0);
    }

    @Test
    void numericOrMissingCategoriesAreReported() {
        DatasetException numeric = assertThrows(DatasetException.class,
                () -> step.fit(List.of(), SCHEMA, parameters(step, Map.of("columns", "age"))));
        assertTrue(numeric.getMessage().contains("'age' is numeric"), numeric.getMessage());
        DataSchema plain = DataSchema.regression(List.of("a"), List.of("y"));
        DatasetException none = assertThrows(DatasetException.class,
                () -> step.fit(List.of(), plain, defaults(step)));
        assertTrue(none.getMessage().contains("no categorical features"), none.getMessage());
    }

    @Test
    void survivesJavaSerialisation() throws Exception {
        FittedTransform t = step.fit(List.of(), SCHEMA, parameters(step, Map.of("columns", "size")));
        FittedTransform back = roundTrip(t);
        assertEquals(t.outputSchema(SCHEMA), back.outputSchema(SCHEMA));
        assertEquals(t.apply(examples(ROWS)).features(), back.apply(examples(ROWS)).features());
        assertEquals("one-hot {size=[S, L]}", back.toString());
    }
}
