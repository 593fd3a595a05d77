package org.cajal.runtime.internal.fused;

/**
 * The fused path's random stream: exactly {@link java.util.SplittableRandom}'s {@code nextDouble()} sequence for a
 * seed (SplitMix64 with the golden gamma), with its one word of state readable and settable, so that a checkpoint can
 * save where the dropout masks and input noise had got to and a resumed run draws the same numbers next.
 */
final class SplitMix {

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long state;

    SplitMix(long seed) {
        this.state = seed;
    }

    double nextDouble() {
        state += GOLDEN_GAMMA;
        return (mix64(state) >>> 11) * DOUBLE_UNIT;
    }

    long state() {
        return state;
    }

    void setState(long state) {
        this.state = state;
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
