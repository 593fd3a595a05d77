package org.cajal.datasets.internal;

import java.util.List;
import java.util.Random;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.cajal.api.data.DataSchema;
import org.cajal.api.data.DatasetProvider;
import org.osgi.service.component.annotations.Component;

/** Gaussian blobs, one per class: the simplest multiclass problem, and a first look at softmax outputs. */
@Component(service = DatasetProvider.class)
public final class BlobsDatasetProvider extends SyntheticDatasetProvider {

    static final String ID = "blobs";
    static final String CLASSES = "classes";
    static final String FEATURES = "features";
    static final String SPREAD = "spread";

    /** Blob centres are drawn uniformly from [-BOX, BOX] in every feature. */
    static final double BOX = 10;

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "Gaussian blobs",
            CATEGORY,
            "Features x1..xn around one centre per class: each centre is drawn uniformly from [-10, 10] in every "
                    + "feature, and each example is its class's centre plus Gaussian noise of standard deviation "
                    + "'spread' in every feature. Examples cycle through the classes, so the classes are balanced. "
                    + "Centres may land close together by chance; a larger spread makes blobs overlap."
                    + SEEDED,
            List.of(
                    ParameterSpec.integer(SAMPLES, 300).range(2, 1_000_000).unit("examples")
                            .help("Number of examples, shared evenly among the classes."),
                    ParameterSpec.integer(CLASSES, 3).range(2, 10).unit("classes")
                            .help("Number of blobs, one class each (2 gives a binary problem)."),
                    ParameterSpec.integer(FEATURES, 2).range(2, 1000).unit("features")
                            .help("Number of features (dimensions); 2 can be drawn in a plane."),
                    ParameterSpec.number(SPREAD, 1.0).range(0, 100)
                            .help("Standard deviation of each blob in every feature; centres lie in [-10, 10].")));

    public BlobsDatasetProvider() {
        super(DESCRIPTOR);
    }

    @Override
    Drawn draw(Parameters parameters, Random random) {
        int samples = parameters.getInt(SAMPLES);
        int classes = parameters.getInt(CLASSES);
        int width = parameters.getInt(FEATURES);
        double spread = parameters.getDouble(SPREAD);
        double[][] centres = centres(random, classes, width);
        float[] features = new float[samples * width];
        float[] targets = new float[samples];
        for (int i = 0; i < samples; i++) {
            int blob = i % classes;
            for (int j = 0; j < width; j++) {
                features[i * width + j] = (float) (centres[blob][j] + spread * random.nextGaussian());
            }
            targets[i] = blob;
        }
        DataSchema schema = DataSchema.classification(numbered("x", width), "blob",
                classLabels(classes));
        return new Drawn(schema, features, targets);
    }

    /** The blob centres, drawn before any example so that they depend only on the seed, classes and features. */
    static double[][] centres(Random random, int classes, int width) {
        double[][] centres = new double[classes][width];
        for (double[] centre : centres) {
            for (int j = 0; j < width; j++) {
                centre[j] = BOX * (2 * random.nextDouble() - 1);
            }
        }
        return centres;
    }
}
