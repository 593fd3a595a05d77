package org.cajal.preprocessing.internal;

import static org.cajal.preprocessing.internal.Fixtures.assertMatrix;
import static org.cajal.preprocessing.internal.Fixtures.defaults;
import static org.cajal.preprocessing.internal.Fixtures.examples;
import static org.cajal.preprocessing.internal.Fixtures.roundTrip;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.cajal.api.data.DataSchema;
import org.cajal.api.data.DatasetException;
import org.cajal.api.data.Examples;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class TargetStandardiseStepTest {

    private static final DataSchema SCHEMA = DataSchema.regression(List.of("x"), List.of("price", "area"));
    private static final double[][] FEATURES = {{1}, {2}, {3}};
    private static final double[][] TARGETS = {{10, 5}, {20, 5}, {30, 5}};
    private static final double SD = Math.sqrt(200.0 / 3);

    private final TargetStandardiseStep step = new TargetStandardiseStep();

    @Test
    void targetsAreStandardisedWithTrainingStatisticsAndFeaturesKept() throws Exception {
        StandardisedTargets t = (StandardisedTargets) step.fit(List.of(examples(FEATURES, TARGETS)), SCHEMA,
                defaults(step));
        Examples input = examples(FEATURES, TARGETS);
        INDArray before = input.targets().dup();
        Examples out = t.apply(input);
        assertMatrix(new double[][] {{-10 / SD, 0}, {0, 0}, {10 / SD, 0}}, out.targets(), 1e-6);
        assertSame(input.features(), out.features());
        assertEquals(before, input.targets());
        assertArrayEquals(new double[] {20, 5}, t.mean(), 1e-12);
        assertArrayEquals(new double[] {SD, 1}, t.standardDeviation(), 1e-12);
        assertEquals(SCHEMA, t.outputSchema(SCHEMA));
    }

    @Test
    void restoreUndoesTheMappingForPredictions() throws Exception {
        StandardisedTargets t = (StandardisedTargets) step.fit(List.of(examples(new double[][] {{1}},
                new double[][] {TARGETS[0]}), examples(new double[][] {{2}, {3}}, new double[][] {TARGETS[1],
                TARGETS[2]})), SCHEMA, defaults(step));
        INDArray predictions = Nd4j.createFromArray(new double[][] {{1.5, -2}});
        assertMatrix(new double[][] {{20 + 1.5 * SD, 3}}, t.restore(predictions), 1e-4);
        INDArray other = Nd4j.createFromArray(new double[][] {{42, 6}});
        assertMatrix(new double[][] {{42, 6}}, t.restore(t.apply(new Examples(other, other)).targets()), 1e-4);
    }

    @Test
    void onlyRegressionTargetsAreAccepted() {
        DataSchema classes = DataSchema.classification(List.of("x"), "label", List.of("a", "b"));
        DatasetException e = assertThrows(DatasetException.class, () -> step.fit(List.of(), classes, defaults(step)));
        assertTrue(e.getMessage().contains("regression targets only, but the target is binary"), e.getMessage());
    }

    @Test
    void survivesJavaSerialisation() throws Exception {
        StandardisedTargets t = (StandardisedTargets) step.fit(List.of(examples(FEATURES, TARGETS)), SCHEMA,
                defaults(step));
        StandardisedTargets back = roundTrip(t);
        Examples test = examples(new double[][] {{9}}, new double[][] {{25, 7}});
        assertEquals(t.apply(test).targets(), back.apply(test).targets());
        assertArrayEquals(t.mean(), back.mean(), 0);
        assertTrue(back.toString().contains("mean {price=20.0000, area=5.00000}"), back.toString());
    }
}
