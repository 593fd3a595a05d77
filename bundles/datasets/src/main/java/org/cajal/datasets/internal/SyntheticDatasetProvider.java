package org.cajal.datasets.internal;

import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.Parameters;
import org.cajal.api.data.DataSchema;
import org.cajal.api.data.Dataset;
import org.cajal.api.data.DatasetException;
import org.cajal.api.data.DatasetProvider;

/**
 * A data set generated from the pipeline's seed. A generator gives its descriptor and draws its examples; this class
 * seeds the draws and names the data by an identity that lists every parameter and the seed, e.g.
 * {@code spirals samples=200 noise=0.05 turns=1.5 seed=7}.
 */
abstract class SyntheticDatasetProvider implements DatasetProvider {

    /** The generators' palette group. */
    static final String CATEGORY = "Synthetic data";

    /** Sentence every generator's help ends with. */
    static final String SEEDED = " The random draws come from the pipeline's seed, so the same seed gives the same "
            + "data.";

    /** The parameter every generator has: how many examples it draws. */
    static final String SAMPLES = "samples";

    /** The parameter of the generators that blur their examples with Gaussian noise. */
    static final String NOISE = "noise";

    private final ComponentDescriptor descriptor;

    SyntheticDatasetProvider(ComponentDescriptor descriptor) {
        this.descriptor = descriptor;
    }

    /** Drawn examples: their schema, the features example after example, and one target per example. */
    record Drawn(DataSchema schema, float[] features, float[] targets) {
    }

    /** The examples, every random number taken from {@code random}, which the pipeline's seed seeds. */
    abstract Drawn draw(Parameters parameters, Random random) throws DatasetException;

    @Override
    public final ComponentDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public final Dataset open(Parameters parameters, long seed) throws DatasetException {
        Drawn drawn = draw(parameters, new Random(seed));
        return new InMemoryDataset(drawn.schema(), drawn.features(), drawn.targets(), identity(parameters, seed));
    }

    /** The descriptor's id, the parameters in the descriptor's order, and the seed. */
    private String identity(Parameters parameters, long seed) {
        return descriptor.id() + " " + descriptor.parameters().stream()
                .filter(spec -> parameters.has(spec.key()))
                .map(spec -> spec.key() + "=" + parameters.asMap().get(spec.key()))
                .collect(Collectors.joining(" ")) + " seed=" + seed;
    }

    /**
     * Examples of two features: {@code point.apply(i)} gives example i's {@code {x1, x2, target}}, and Gaussian noise
     * of standard deviation {@code noise} is added to x1, then to x2.
     */
    static Drawn noisyPoints(DataSchema schema, int samples, double noise, Random random,
                             IntFunction<double[]> point) {
        float[] features = new float[samples * 2];
        float[] targets = new float[samples];
        for (int i = 0; i < samples; i++) {
            double[] p = point.apply(i);
            features[2 * i] = (float) (p[0] + noise * random.nextGaussian());
            features[2 * i + 1] = (float) (p[1] + noise * random.nextGaussian());
            targets[i] = (float) p[2];
        }
        return new Drawn(schema, features, targets);
    }

    /** Features x1, x2 and a binary class 0 / 1 named {@code target}. */
    static DataSchema twoFeatureBinary(String target) {
        return DataSchema.classification(List.of("x1", "x2"), target, List.of("0", "1"));
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
