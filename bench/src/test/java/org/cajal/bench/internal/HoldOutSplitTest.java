package org.cajal.bench.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class HoldOutSplitTest {

    @Test
    void everyExampleLandsInExactlyOnePartWithTheRequestedSizes() {
        HoldOutSplit s = HoldOutSplit.of(null, 200, 0.2, 0.2, 42);
        assertEquals(40, s.test().length);
        assertEquals(40, s.validation().length);
        assertEquals(120, s.train().length);
        int[] all = IntStream.concat(IntStream.concat(Arrays.stream(s.train()), Arrays.stream(s.validation())),
                Arrays.stream(s.test())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 200).toArray(), all);
    }

    @Test
    void stratifiedPartsKeepTheClassProportions() {
        float[] classes = new float[100];
        for (int i = 0; i < 100; i++) {
            classes[i] = i < 70 ? 0 : 1;
        }
        HoldOutSplit s = HoldOutSplit.of(classes, 100, 0.2, 0.2, 7);
        assertEquals(14, Arrays.stream(s.test()).filter(i -> classes[i] == 0).count());
        assertEquals(6, Arrays.stream(s.test()).filter(i -> classes[i] == 1).count());
        assertEquals(14, Arrays.stream(s.validation()).filter(i -> classes[i] == 0).count());
        assertEquals(6, Arrays.stream(s.validation()).filter(i -> classes[i] == 1).count());
    }

    @Test
    void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
        HoldOutSplit a = HoldOutSplit.of(null, 50, 0.2, 0.2, 3);
        HoldOutSplit b = HoldOutSplit.of(null, 50, 0.2, 0.2, 3);
        HoldOutSplit c = HoldOutSplit.of(null, 50, 0.2, 0.2, 4);
        assertArrayEquals(a.train(), b.train());
        assertArrayEquals(a.test(), b.test());
        assertFalse(Arrays.equals(a.test(), c.test()));
    }

    @Test
    void aGroupNeverGivesUpItsLastExampleAndBadFractionsAreRefused() {
        HoldOutSplit s = HoldOutSplit.of(new float[] {0, 1}, 2, 0.4, 0.5, 1);
        assertEquals(2, s.train().length);
        assertThrows(IllegalArgumentException.class, () -> HoldOutSplit.of(null, 10, 0.5, 0.5, 1));
    }
}
