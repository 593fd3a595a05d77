package org.cajal.bench.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TabularDataTest {

    /** Column x numeric, column c a category of three; the first four rows train, then one validates, one tests. */
    private static final TabularData TABLE = new TabularData(List.of("x", "c"),
            new float[][] {{1, 0}, {2, 1}, {3, 2}, {4, 1}, {10, 2}, {-2, 0}}, new int[] {0, 3},
            new float[] {0, 1, 0, 1, 1, 0}, 2);
    private static final HoldOutSplit SPLIT = new HoldOutSplit(new int[] {0, 1, 2, 3}, new int[] {4}, new int[] {5});

    @Test
    void standardiseUsesTheTrainingPartsMeanAndPopulationSdAndLeavesCategoriesAlone() {
        TabularData.Prepared p = TABLE.prepare(SPLIT, List.of("standardise"));
        double sd = Math.sqrt(1.25); // values 1, 2, 3, 4: mean 2.5, population variance 1.25
        assertEquals((1 - 2.5) / sd, p.train().features()[0][0], 1e-6);
        assertEquals((10 - 2.5) / sd, p.validation().features()[0][0], 1e-6);
        assertEquals(2, p.validation().features()[0][1]);
        assertEquals(2, p.inputs());
    }

    @Test
    void oneHotReplacesACategoricalColumnInPlace() {
        TabularData.Prepared p = TABLE.prepare(SPLIT, List.of("standardise", "one-hot"));
        assertEquals(4, p.inputs());
        assertArrayEquals(new float[] {0, 1, 0}, new float[] {p.train().features()[1][1], p.train().features()[1][2],
                p.train().features()[1][3]});
        assertArrayEquals(new float[] {1, 0, 0}, new float[] {p.test().features()[0][1], p.test().features()[0][2],
                p.test().features()[0][3]});
        assertArrayEquals(new float[] {0, 1, 0, 1}, p.train().targets());
    }

    @Test
    void aStepTheBenchDoesNotCopyIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TABLE.prepare(SPLIT, List.of("min-max")));
        assertTrue(e.getMessage().contains("min-max"), e.getMessage());
    }

    @Test
    void thePartsAreWrittenAsCsvWithTheTargetLast(@TempDir Path dir) throws Exception {
        TABLE.prepare(SPLIT, List.of()).write(dir);
        assertEquals(List.of("1.0,0.0,0.0", "2.0,1.0,1.0", "3.0,2.0,0.0", "4.0,1.0,1.0"),
                Files.readAllLines(dir.resolve("train.csv")));
        assertEquals(List.of("-2.0,0.0,0.0"), Files.readAllLines(dir.resolve("test.csv")));
    }
}
