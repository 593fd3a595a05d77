package org.cajal.datasets.internal;

import java.util.Arrays;

/** Collects floats into one growing array, so a file of unknown length is read straight into primitive storage. */
final class FloatArrayBuilder {

    private float[] values = new float[1024];
    private int size;

    void add(float value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = value;
    }

    /** The collected values, trimmed to their count. */
    float[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
