package org.cajal.datasets.internal;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.Parameters;

/** What the generated datasets share: their palette group, and an identity that names every parameter and the seed. */
final class SyntheticData {

    static final String CATEGORY = "Synthetic data";

    /** Sentence every generator's help ends with. */
    static final String SEEDED = " The random draws come from the pipeline's seed, so the same seed gives the same "
            + "data.";

    private SyntheticData() {
    }

    /** {@code spirals samples=200 noise=0.05 turns=1.5 seed=7}: the parameters in the descriptor's order. */
    static String identity(ComponentDescriptor descriptor, Parameters parameters, long seed) {
        return descriptor.id() + " " + descriptor.parameters().stream()
                .filter(spec -> parameters.has(spec.key()))
                .map(spec -> spec.key() + "=" + parameters.asMap().get(spec.key()))
                .collect(Collectors.joining(" ")) + " seed=" + seed;
    }

    /** {@code 0, 1, ..., count - 1}. */
    static List<String> classLabels(int count) {
        return IntStream.range(0, count).mapToObj(Integer::toString).toList();
    }

    /** {@code x1, x2, ...}. */
    static List<String> numbered(String prefix, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> prefix + i).toList();
    }
}
