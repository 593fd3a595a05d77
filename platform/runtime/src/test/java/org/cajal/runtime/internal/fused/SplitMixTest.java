package org.cajal.runtime.internal.fused;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The fused path's random stream draws what SplittableRandom drew before it, and goes on from a saved state. */
class SplitMixTest {

    @Test
    void drawsSplittableRandomsSequenceAndResumesFromItsState() {
        for (long seed : new long[] {0, 3, -7, 123456789L}) {
            SplittableRandom reference = new SplittableRandom(seed);
            SplitMix mix = new SplitMix(seed);
            for (int i = 0; i < 1000; i++) {
                assertEquals(reference.nextDouble(), mix.nextDouble(), "draw " + i + " of seed " + seed);
            }
            SplitMix resumed = new SplitMix(42);
            resumed.setState(mix.state());
            for (int i = 0; i < 100; i++) {
                assertEquals(reference.nextDouble(), resumed.nextDouble(), "resumed draw " + i);
            }
        }
    }
}
