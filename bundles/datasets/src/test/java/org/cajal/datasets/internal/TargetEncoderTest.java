package org.cajal.datasets.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class TargetEncoderTest {

    @Test
    void autoPicksClassificationForTextOrFewWholeNumbers() {
        assertEquals(CsvTask.CLASSIFICATION, TargetEncoder.infer(List.of("1", "2", "cat")));
        assertEquals(CsvTask.CLASSIFICATION, TargetEncoder.infer(List.of("0", "1", "1", "0")));
        assertEquals(CsvTask.REGRESSION, TargetEncoder.infer(List.of("0", "1", "0.5")));
        assertEquals(CsvTask.REGRESSION, TargetEncoder.infer(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8",
                "9", "10")));
    }

    @Test
    void equalNumbersWrittenDifferentlyAreOneClass() throws Exception {
        TargetEncoder.EncodedTarget target = TargetEncoder.encode(List.of("1", "1.0", "-0", "0", "1e0"),
                CsvTask.CLASSIFICATION, "y", "f.csv");
        assertEquals(List.of("0", "1"), target.classLabels());
        assertArrayEquals(new float[] {1, 1, 0, 0, 1}, target.values());
    }

    @Test
    void mixedTextAndNumbersSortAsText() throws Exception {
        TargetEncoder.EncodedTarget target = TargetEncoder.encode(List.of("b", "10", "2", "a"), CsvTask.AUTO,
                "y", "f.csv");
        assertEquals(List.of("10", "2", "a", "b"), target.classLabels());
        assertArrayEquals(new float[] {3, 0, 1, 2}, target.values());
    }
}
