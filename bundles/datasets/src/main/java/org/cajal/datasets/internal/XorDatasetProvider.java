package org.cajal.datasets.internal;

import java.util.List;
import java.util.Random;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.cajal.api.data.DataSchema;
import org.cajal.api.data.DatasetProvider;
import org.osgi.service.component.annotations.Component;

/** The XOR problem, the classic data set a single perceptron cannot learn and a one-hidden-layer network can. */
@Component(service = DatasetProvider.class)
public final class XorDatasetProvider extends SyntheticDatasetProvider {

    static final String ID = "xor";

    private static final float[][] CORNERS = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    private static final DataSchema SCHEMA = twoFeatureBinary("xor");

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "XOR", CATEGORY,
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

    public XorDatasetProvider() {
        super(DESCRIPTOR);
    }

    @Override
    Drawn draw(Parameters parameters, Random random) {
        int samples = parameters.getInt(SAMPLES);
        double noise = parameters.getDouble(NOISE);
        return noisyPoints(SCHEMA, samples, noise, random, i -> {
            float[] corner = CORNERS[i % 4];
            return new double[] {corner[0], corner[1], corner[0] != corner[1] ? 1 : 0};
        });
    }
}
