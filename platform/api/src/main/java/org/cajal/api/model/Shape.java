package org.cajal.api.model;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The shape of one example's activations, without the batch dimension: {@code [n]} for a feature vector,
 * {@code [channels, height, width]} for images, {@code [features, time]} for sequences.
 */
public record Shape(List<Long> dims) {

    public Shape {
        dims = List.copyOf(dims);
        if (dims.isEmpty() || dims.stream().anyMatch(d -> d < 1)) {
            throw new IllegalArgumentException("a shape needs at least one dimension, each >= 1: " + dims);
        }
    }

    public static Shape of(long... dims) {
        return new Shape(Arrays.stream(dims).boxed().toList());
    }

    /** Number of dimensions. */
    public int rank() {
        return dims.size();
    }

    public long dim(int i) {
        return dims.get(i);
    }

    /** Number of scalars (product of the dimensions). */
    public long elements() {
        return dims.stream().reduce(1L, (a, b) -> a * b);
    }

    @Override
    public String toString() {
        return dims.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
    }
}
