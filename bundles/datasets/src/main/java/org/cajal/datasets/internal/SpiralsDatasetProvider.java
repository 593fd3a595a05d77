package org.cajal.datasets.internal;

import java.util.List;
import java.util.Random;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.cajal.api.data.DataSchema;
import org.cajal.api.data.DatasetProvider;
import org.osgi.service.component.annotations.Component;

/** Two interleaved spirals: no straight line separates them, a network with enough hidden units can. */
@Component(service = DatasetProvider.class)
public final class SpiralsDatasetProvider extends SyntheticDatasetProvider {

    static final String ID = "spirals";
    static final String TURNS = "turns";

    private static final DataSchema SCHEMA = twoFeatureBinary("spiral");

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "Two spirals",
            CATEGORY,
            "Two features x1, x2 and a binary class: two spirals winding out of the centre, spiral 1 turned half a "
                    + "turn against spiral 0. Examples alternate between the classes (so they are balanced); along "
                    + "each spiral the radius grows evenly from near 0 to 1 while the angle makes 'turns' turns. "
                    + "Gaussian noise blurs the points. No straight line separates the classes: a benchmark for "
                    + "hidden layers." + SEEDED,
            List.of(
                    ParameterSpec.integer(SAMPLES, 200).range(4, 1_000_000).unit("examples")
                            .help("Number of examples, half on each spiral."),
                    ParameterSpec.number(NOISE, 0.05).range(0, 1)
                            .help("Standard deviation of the Gaussian noise added to each coordinate, in units of "
                                    + "the outer radius (1); 0 puts every point exactly on its spiral."),
                    ParameterSpec.number(TURNS, 1.5).range(0.25, 5).unit("turns")
                            .help("How many times each spiral winds around the centre; more turns are harder to "
                                    + "learn.")));

    public SpiralsDatasetProvider() {
        super(DESCRIPTOR);
    }

    @Override
    Drawn draw(Parameters parameters, Random random) {
        int samples = parameters.getInt(SAMPLES);
        double noise = parameters.getDouble(NOISE);
        double turns = parameters.getDouble(TURNS);
        return noisyPoints(SCHEMA, samples, noise, random, i -> {
            int spiral = i % 2;
            int perSpiral = (samples + 1 - spiral) / 2;
            double radius = (i / 2 + 0.5) / perSpiral;
            double angle = 2 * Math.PI * turns * radius + spiral * Math.PI;
            return new double[] {radius * Math.cos(angle), radius * Math.sin(angle), spiral};
        });
    }
}
