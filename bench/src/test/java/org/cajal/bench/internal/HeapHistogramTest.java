package org.cajal.bench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class HeapHistogramTest {

    private static final String BEFORE = String.join("\n",
            " num     #instances         #bytes  class name (module)",
            "-------------------------------------------------------",
            "   1:          1000          50000  [B (java.base@17.0.15)",
            "   2:           100           4000  org.nd4j.linalg.cpu.nativecpu.NDArray",
            "   3:            10            400  org.nd4j.linalg.cpu.nativecpu.NDArray",
            "   4:             5            200  java.lang.Thread (java.base@17.0.15)",
            "Total          1115          54600");
    private static final String AFTER = String.join("\n",
            " num     #instances         #bytes  class name (module)",
            "-------------------------------------------------------",
            "   1:          1500          90000  [B (java.base@17.0.15)",
            "   2:           900          36000  org.nd4j.linalg.cpu.nativecpu.NDArray",
            "   3:             4            160  java.lang.Thread (java.base@17.0.15)",
            "   4:             7            700  org.cajal.runtime.internal.Leak",
            "Total          2411         126860");

    @Test
    void parsesAndSumsAClassListedByTwoLoaders() {
        HeapHistogram h = HeapHistogram.parse(BEFORE);
        assertEquals(new HeapHistogram.Entry(110, 4400), h.classes().get("org.nd4j.linalg.cpu.nativecpu.NDArray"));
        assertEquals(new HeapHistogram.Entry(1000, 50000), h.classes().get("[B"));
        assertEquals(3, h.classes().size());
        assertEquals(54600, h.totalBytes());
    }

    @Test
    void growthListsOnlyClassesThatGrewLargestFirst() {
        List<HeapHistogram.Growth> growth = HeapHistogram.parse(AFTER).growthSince(HeapHistogram.parse(BEFORE), 10);
        assertEquals(List.of(
                new HeapHistogram.Growth("[B", 500, 40000),
                new HeapHistogram.Growth("org.nd4j.linalg.cpu.nativecpu.NDArray", 790, 31600),
                new HeapHistogram.Growth("org.cajal.runtime.internal.Leak", 7, 700)), growth);
        assertEquals(1, HeapHistogram.parse(AFTER).growthSince(HeapHistogram.parse(BEFORE), 1).size());
    }

    @Test
    void growthPerRunIsTheDifferenceOverTheRunsBetween() {
        assertEquals("+2.5", MemoryLoop.perRun(100, 200, 40));
        assertEquals("-1.0", MemoryLoop.perRun(50, 10, 40));
        assertEquals("-", MemoryLoop.perRun(-1, 10, 40));
    }
}
