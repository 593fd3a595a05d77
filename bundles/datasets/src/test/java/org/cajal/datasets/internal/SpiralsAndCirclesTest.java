package org.cajal.datasets.internal;

import static org.cajal.datasets.internal.GeneratedData.all;
import static org.cajal.datasets.internal.GeneratedData.bestLinearAccuracy;
import static org.cajal.datasets.internal.GeneratedData.open;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.cajal.api.data.Dataset;
import org.cajal.api.data.Examples;
import org.cajal.api.data.TargetKind;
import org.junit.jupiter.api.Test;

/** The two-class shapes that no straight line separates. */
class SpiralsAndCirclesTest {

    private final SpiralsDatasetProvider spirals = new SpiralsDatasetProvider();
    private final CirclesDatasetProvider circles = new CirclesDatasetProvider();

    @Test
    void spiralsAreBalancedBinaryPointsInThePlane() throws Exception {
        Dataset data = open(spirals, Map.of("samples", 201), 1L);
        assertEquals(TargetKind.BINARY, data.schema().targetKind());
        assertEquals(List.of("x1", "x2"), data.schema().featureNames());
        assertArrayEquals(new long[] {201, 2}, all(data).features().shape());
        assertEquals(100.0, all(data).targets().sumNumber().doubleValue(), "101 examples of class 0, 100 of class 1");
    }

    @Test
    void withoutNoiseTheRadiusGrowsAlongEachSpiralAndTheSpiralsMirrorEachOther() throws Exception {
        float[][] x = all(open(spirals, Map.of("samples", 400, "noise", 0.0), 1L)).features().toFloatMatrix();
        for (int spiral = 0; spiral < 2; spiral++) {
            double previous = 0;
            for (int i = spiral; i < x.length; i += 2) {
                double radius = Math.hypot(x[i][0], x[i][1]);
                assertTrue(radius > previous && radius <= 1.0, "radius " + radius + " at example " + i);
                previous = radius;
            }
            assertTrue(previous > 0.99, "each spiral reaches the outer radius 1");
        }
        for (int i = 0; i < x.length; i += 2) {
            assertEquals(-x[i][0], x[i + 1][0], 1e-5);
            assertEquals(-x[i][1], x[i + 1][1], 1e-5);
        }
    }

    @Test
    void noStraightLineSeparatesTheSpirals() throws Exception {
        Examples data = all(open(spirals, Map.of(), 1L));
        double best = bestLinearAccuracy(data.features().toFloatMatrix(), data.targets().toFloatVector());
        assertTrue(best < 0.75, "best linear accuracy " + best);
    }

    @Test
    void circlesHaveTheirRadiiAndFactorWithoutNoise() throws Exception {
        Examples data = all(open(circles, Map.of("samples", 100, "noise", 0.0, "factor", 0.3), 1L));
        float[][] x = data.features().toFloatMatrix();
        float[] y = data.targets().toFloatVector();
        for (int i = 0; i < x.length; i++) {
            assertEquals(i % 2, y[i]);
            assertEquals(y[i] == 0 ? 1.0 : 0.3, Math.hypot(x[i][0], x[i][1]), 1e-6);
        }
        assertEquals(50.0, data.targets().sumNumber().doubleValue());
    }

    @Test
    void theRadiusSeparatesNoisyCirclesAndNoStraightLineDoes() throws Exception {
        Examples data = all(open(circles, Map.of("samples", 1000), 3L));
        float[][] x = data.features().toFloatMatrix();
        float[] y = data.targets().toFloatVector();
        int correct = 0;
        for (int i = 0; i < x.length; i++) {
            boolean inner = Math.hypot(x[i][0], x[i][1]) < 0.75;
            correct += inner == (y[i] == 1) ? 1 : 0;
        }
        assertTrue(correct >= 990, correct + " of 1000 on the right side of radius 0.75");
        double best = bestLinearAccuracy(x, y);
        assertTrue(best < 0.75, "best linear accuracy " + best);
    }
}
