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

/** The XOR problem, the classic data set a single perceptron cannot learn and a one-hidden-layer network can. */
@Component(service = DatasetProvider.class)
public final class XorDatasetProvider implements DatasetProvider {

    static final String ID = "xor";
    static final String SAMPLES = "samples";
    static final String NOISE = "noise";

    private static final float[][] CORNERS = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    private static final DataSchema SCHEMA = DataSchema.classification(List.of("x1", "x2"), "xor",
            List.of("0", "1"));

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "XOR", "Synthetic data",
            "Two features x1, x2 and the class x1 XOR x2. Example i sits at corner i mod 4 of the unit square, "
                    + "(0,0), (0,1), (1,0), (1,1) in turn, moved by Gaussian noise; its class is that of the corner "
                    + "(1 when exactly one coordinate is 1). With 4 samples and noise 0 it is exactly the truth table. "
                    + "The noise is drawn from the pipeline's seed, so the same seed gives the same data.",
            List.of(
                    ParameterSpec.integer(SAMPLES, 200).atLeast(4).unit("examples")
                            .help("Number of examples; they cycle through the four corners."),
                    ParameterSpec.number(NOISE, 0.1).range(0, 0.5)
                            .help("Standard deviation of the Gaussian noise added to each coordinate; "
                                    + "0 puts every example exactly on its corner.")));

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Dataset open(Parameters parameters, long seed) {
        int samples = parameters.getInt(SAMPLES);
        double noise = parameters.getDouble(NOISE);
        Random random = new Random(seed);
        float[] features = new float[samples * 2];
        float[] targets = new float[samples];
        for (int i = 0; i < samples; i++) {
            float[] corner = CORNERS[i % 4];
            features[2 * i] = (float) (corner[0] + noise * random.nextGaussian());
            features[2 * i + 1] = (float) (corner[1] + noise * random.nextGaussian());
            targets[i] = corner[0] != corner[1] ? 1f : 0f;
        }
        String identity = "xor samples=" + samples + " noise=" + noise + " seed=" + seed;
        return new InMemoryDataset(SCHEMA, features, targets, identity);
    }
}
