package org.cajal.workbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void formatsToFourSignificantPlaces() {
        assertEquals("0.975", Metrics.format(0.97501));
        assertEquals("0.9512", Metrics.format(0.951234));
        assertEquals("1235", Metrics.format(1234.567));
        assertEquals("1", Metrics.format(1.0));
        assertEquals("0", Metrics.format(0.0));
        assertEquals("40", Metrics.format(40L));
        assertEquals("1.500e-07", Metrics.format(1.5e-7));
        assertEquals("—", Metrics.format(Double.NaN));
    }

    @Test
    void theHeadlineIsAccuracyElseR2ElseMse() {
        assertEquals(new Metrics.Headline("accuracy", 0.9), Metrics.headline(Map.of("f1", 0.8, "accuracy", 0.9))
                .orElseThrow());
        assertEquals("r2", Metrics.headline(Map.of("mse", 0.5, "r2", 0.8)).orElseThrow().name());
        assertEquals("mse", Metrics.headline(Map.of("mse", 0.5)).orElseThrow().name());
        assertTrue(Metrics.headline(Map.of("split", "test")).isEmpty());
    }

    @Test
    void showsStructuresCompactly() {
        assertEquals("9 × 9 matrix", Metrics.describe(java.util.Collections.nCopies(9,
                java.util.Collections.nCopies(9, 1))));
        assertEquals("12 values", Metrics.describe(java.util.Collections.nCopies(12, "c")));
        var rows = Metrics.rows(Map.of("folds", List.of(Map.of("accuracy", 1.0), Map.of("accuracy", 0.9)),
                "accuracy", 0.95, "zeta", "z"));
        assertEquals("accuracy", rows.get(0).getKey());
        assertEquals("folds", rows.get(1).getKey());
        assertTrue(rows.get(1).getValue().startsWith("2 folds"));
        assertEquals("zeta", rows.get(2).getKey());
    }
}
