package org.cajal.datasets.internal;

import java.util.List;
import java.util.Random;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.cajal.api.data.DataSchema;
import org.cajal.api.data.Dataset;
import org.cajal.api.data.DatasetProvider;
import org.osgi.service.component.annotations.Component;

/** Two concentric circles: separable by the distance from the centre, not by a straight line. */
@Component(service = DatasetProvider.class)
public final class CirclesDatasetProvider implements DatasetProvider {

    static final String ID = "circles";
    static final String SAMPLES = "samples";
    static final String NOISE = "noise";
    static final String FACTOR = "factor";

    private static final DataSchema SCHEMA = DataSchema.classification(List.of("x1", "x2"), "circle",
            List.of("0", "1"));

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "Two circles",
            SyntheticData.CATEGORY,
            "Two features x1, x2 and a binary class: class 0 on the outer circle (radius 1), class 1 on the inner "
                    + "circle (radius 'factor'), both around the origin. Examples alternate between the classes; on "
                    + "each circle they are spread at even angles, then blurred by Gaussian noise. No straight line "
                    + "separates the classes, the distance from the centre does: one hidden layer learns it, and so "
                    + "does a linear model given x1² + x2²." + SyntheticData.SEEDED,
            List.of(
                    ParameterSpec.integer(SAMPLES, 200).range(4, 1_000_000).unit("examples")
                            .help("Number of examples, half on each circle."),
                    ParameterSpec.number(NOISE, 0.05).range(0, 1)
                            .help("Standard deviation of the Gaussian noise added to each coordinate, in units of "
                                    + "the outer radius; the classes start to overlap above about (1 - factor) / 4."),
                    ParameterSpec.number(FACTOR, 0.5).range(0.01, 0.99)
                            .help("Radius of the inner circle as a fraction of the outer one; closer to 1 is "
                                    + "harder.")));

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Dataset open(Parameters parameters, long seed) {
        int samples = parameters.getInt(SAMPLES);
        double noise = parameters.getDouble(NOISE);
        double factor = parameters.getDouble(FACTOR);
        Random random = new Random(seed);
        float[] features = new float[samples * 2];
        float[] targets = new float[samples];
        for (int i = 0; i < samples; i++) {
            int circle = i % 2;
            int perCircle = (samples + 1 - circle) / 2;
            double radius = circle == 0 ? 1 : factor;
            double angle = 2 * Math.PI * (i / 2) / perCircle;
            features[2 * i] = (float) (radius * Math.cos(angle) + noise * random.nextGaussian());
            features[2 * i + 1] = (float) (radius * Math.sin(angle) + noise * random.nextGaussian());
            targets[i] = circle;
        }
        return new InMemoryDataset(SCHEMA, features, targets, SyntheticData.identity(DESCRIPTOR, parameters, seed));
    }
}
