package org.cajal.datasets.internal;

import java.util.List;
import java.util.Random;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.cajal.api.data.DataSchema;
import org.cajal.api.data.DatasetProvider;
import org.osgi.service.component.annotations.Component;

/** Two concentric circles: separable by the distance from the centre, not by a straight line. */
@Component(service = DatasetProvider.class)
public final class CirclesDatasetProvider extends SyntheticDatasetProvider {

    static final String ID = "circles";
    static final String FACTOR = "factor";

    private static final DataSchema SCHEMA = twoFeatureBinary("circle");

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "Two circles",
            CATEGORY,
            "Two features x1, x2 and a binary class: class 0 on the outer circle (radius 1), class 1 on the inner "
                    + "circle (radius 'factor'), both around the origin. Examples alternate between the classes; on "
                    + "each circle they are spread at even angles, then blurred by Gaussian noise. No straight line "
                    + "separates the classes, the distance from the centre does: one hidden layer learns it, and so "
                    + "does a linear model given x1² + x2²." + SEEDED,
            List.of(
                    ParameterSpec.integer(SAMPLES, 200).range(4, 1_000_000).unit("examples")
                            .help("Number of examples, half on each circle."),
                    ParameterSpec.number(NOISE, 0.05).range(0, 1)
                            .help("Standard deviation of the Gaussian noise added to each coordinate, in units of "
                                    + "the outer radius; the classes start to overlap above about (1 - factor) / 4."),
                    ParameterSpec.number(FACTOR, 0.5).range(0.01, 0.99)
                            .help("Radius of the inner circle as a fraction of the outer one; closer to 1 is "
                                    + "harder.")));

    public CirclesDatasetProvider() {
        super(DESCRIPTOR);
    }

    @Override
    Drawn draw(Parameters parameters, Random random) {
        int samples = parameters.getInt(SAMPLES);
        double noise = parameters.getDouble(NOISE);
        double factor = parameters.getDouble(FACTOR);
        return noisyPoints(SCHEMA, samples, noise, random, i -> {
            int circle = i % 2;
            int perCircle = (samples + 1 - circle) / 2;
            double radius = circle == 0 ? 1 : factor;
            double angle = 2 * Math.PI * (i / 2) / perCircle;
            return new double[] {radius * Math.cos(angle), radius * Math.sin(angle), circle};
        });
    }
}
