package org.cajal.bench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StepProfileTest {

    /** As ND4J M2.1's StringCounter.asString() prints it. */
    private static final String COUNTER = """
            matmul  >>> [240] perc: [27.0]
            old_assign  >>> [160] perc: [18.0]
            broadcastadd  >>> [120] perc: [13.0]
            adam_updater  >>> [20] perc: [2.0]
            """;

    @Test
    void countsPerStepLargestFirst() {
        Map<String, Long> perStep = StepProfile.perStep(COUNTER, 20);

        assertEquals(List.of("matmul", "old_assign", "broadcastadd", "adam_updater"), List.copyOf(perStep.keySet()));
        assertEquals(12L, perStep.get("matmul"));
        assertEquals(1L, perStep.get("adam_updater"));
        assertEquals("matmul 12, old_assign 8, broadcastadd 6, adam_updater 1", StepProfile.describe(perStep));
    }

    @Test
    void ignoresLinesThatAreNotCounts() {
        assertEquals(Map.of(), StepProfile.perStep("--- Individual Op calls statistics: ---\n\n", 5));
    }
}
