package org.cajal.experiments.internal.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TrialGeneratorTest {

    private static Map<String, Dimension> dims() {
        Map<String, Dimension> d = new LinkedHashMap<>();
        d.put("a", new Dimension.Choices(List.of("x", "y")));
        d.put("b", new Dimension.IntRange(10, 30, 10));
        d.put("c", new Dimension.Interval(0.001, 0.1, true, 3));
        return d;
    }

    @Test
    void gridIsTheCartesianProductFirstParameterSlowest() {
        List<Map<String, Object>> grid = TrialGenerator.grid(dims(), Integer.MAX_VALUE);
        assertEquals(18, grid.size());
        assertEquals(Map.of("a", "x", "b", 10L, "c", 0.001), grid.get(0));
        assertEquals(Map.of("a", "x", "b", 10L, "c", 0.1), grid.get(2));
        assertEquals(0.01, (double) grid.get(1).get("c"), 1e-15, "log-even spacing: the geometric middle");
        assertEquals(Map.of("a", "x", "b", 20L, "c", 0.001), grid.get(3));
        assertEquals(Map.of("a", "y", "b", 10L, "c", 0.001), grid.get(9));
        assertEquals(Map.of("a", "y", "b", 30L, "c", 0.1), grid.get(17));
        assertEquals(grid, TrialGenerator.grid(dims(), 100), "stable order");
    }

    @Test
    void gridIsCutAtTheBudget() {
        List<Map<String, Object>> grid = TrialGenerator.grid(dims(), 5);
        assertEquals(5, grid.size());
        assertEquals(TrialGenerator.grid(dims(), 18).subList(0, 5), grid);
    }

    @Test
    void uniformGridIsEvenlySpacedWithBothEnds() {
        assertEquals(List.of(0.0, 0.25, 0.5), new Dimension.Interval(0, 0.5, false, 3).gridValues());
    }

    @Test
    void randomIsReproducibleFromTheSeedAndStaysInRange() {
        List<Map<String, Object>> a = TrialGenerator.random(dims(), 300, 7);
        assertEquals(a, TrialGenerator.random(dims(), 300, 7));
        assertNotEquals(a, TrialGenerator.random(dims(), 300, 8));
        for (Map<String, Object> p : a) {
            assertTrue(List.of("x", "y").contains(p.get("a")));
            long b = (long) p.get("b");
            assertTrue(b == 10 || b == 20 || b == 30, "range values on the step: " + b);
            double c = (double) p.get("c");
            assertTrue(c >= 0.001 && c <= 0.1, "log-uniform within bounds: " + c);
        }
        assertEquals(3, a.stream().map(p -> p.get("b")).distinct().count(), "every range value drawn");
    }

    @Test
    void logUniformSpreadsOverOrdersOfMagnitude() {
        Map<String, Dimension> d = Map.of("lr", new Dimension.Interval(1e-4, 1e-1, true, 0));
        List<Map<String, Object>> draws = TrialGenerator.random(d, 3000, 1);
        int[] decades = new int[3];
        for (Map<String, Object> p : draws) {
            double v = (double) p.get("lr");
            assertTrue(v >= 1e-4 && v <= 1e-1);
            decades[(int) Math.min(2, Math.floor(Math.log10(v) + 4))]++;
        }
        // each decade holds a third (a uniform draw would put 90% in the top decade)
        for (int n : decades) {
            assertTrue(n > 850 && n < 1150, java.util.Arrays.toString(decades));
        }
        Map<String, Dimension> u = Map.of("x", new Dimension.Interval(1e-4, 1e-1, false, 0));
        long top = TrialGenerator.random(u, 3000, 1).stream().filter(p -> (double) p.get("x") >= 1e-2).count();
        assertTrue(top > 2600, "uniform for contrast: " + top);
    }
}
