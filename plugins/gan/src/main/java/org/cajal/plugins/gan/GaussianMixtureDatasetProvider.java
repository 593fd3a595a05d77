package org.cajal.plugins.gan;

import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.cajal.api.data.DataSchema;
import org.cajal.api.data.Dataset;
import org.cajal.api.data.DatasetException;
import org.cajal.api.data.DatasetProvider;
import org.cajal.api.data.Examples;
import org.cajal.api.data.TargetKind;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.osgi.service.component.annotations.Component;

/**
 * The classic two-dimensional GAN toy: points drawn from an equal mixture of isotropic Gaussians whose centres lie
 * on a circle (the 8-Gaussian ring of Metz et al., "Unrolled GANs", 2017) or on a square grid. With narrow
 * components a generator that covers only some of them (mode collapse) is plain to see. No target.
 */
@Component(service = DatasetProvider.class)
public final class GaussianMixtureDatasetProvider implements DatasetProvider {

    /** The id of this dataset. */
    public static final String ID = "gaussian-mixture";
    /** Names of the two features. */
    public static final List<String> FEATURES = List.of("x", "y");

    static final String LAYOUT = "layout";
    static final String COMPONENTS = "components";
    static final String RADIUS = "radius";
    static final String STD = "std";
    static final String EXAMPLES = "examples";
    static final String RING = "ring";
    static final String GRID = "grid";

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "Gaussian mixture (2-D)",
            "Synthetic data",
            "Points (x, y) from an equal mixture of round Gaussians, the classic toy for generative adversarial "
                    + "networks: layout ring puts the components' centres evenly on a circle (the 8-Gaussian ring "
                    + "of Metz et al. 2017), layout grid on a square grid (components must then be a square number: "
                    + "4, 9, 16, 25, ...). With a small std the modes are well apart, so a generator that produces "
                    + "only some of them (mode collapse) is easy to see in the gan-samples chart. Generated from the "
                    + "pipeline's seed (same seed, same points); no target.",
            List.of(ParameterSpec.choice(LAYOUT, List.of(RING, GRID))
                            .help("ring: centres evenly spaced on a circle of the given radius; grid: a square "
                                    + "grid of centres filling [-radius, radius] in x and y."),
                    ParameterSpec.integer(COMPONENTS, 8).range(1, 1024)
                            .help("Number of Gaussians (modes). For the grid layout a square number."),
                    ParameterSpec.number(RADIUS, 2.0).range(1e-6, 1e6)
                            .help("Radius of the ring, or half the width of the grid."),
                    ParameterSpec.number(STD, 0.05).range(1e-6, 1e6)
                            .help("Standard deviation of every Gaussian, in both x and y. Keep it well below "
                                    + "the distance between neighbouring centres so that the modes stay apart."),
                    ParameterSpec.integer(EXAMPLES, 2000).range(1, 10_000_000).unit("examples")
                            .help("Number of points generated.")));

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Dataset open(Parameters parameters, long seed) throws DatasetException {
        String layout = parameters.getString(LAYOUT);
        int components = parameters.getInt(COMPONENTS);
        double radius = parameters.getDouble(RADIUS);
        double std = parameters.getDouble(STD);
        int examples = parameters.getInt(EXAMPLES);
        double[][] centres = centres(layout, components, radius);
        Random random = new Random(seed);
        float[] points = new float[examples * 2];
        for (int i = 0; i < examples; i++) {
            double[] c = centres[random.nextInt(components)];
            points[2 * i] = (float) (c[0] + std * random.nextGaussian());
            points[2 * i + 1] = (float) (c[1] + std * random.nextGaussian());
        }
        String identity = String.format(Locale.ROOT, "%s(layout %s, %d components, radius %s, std %s, %d examples, "
                + "seed %d)", ID, layout, components, radius, std, examples, seed);
        return new MixtureDataset(points, examples, identity);
    }

    /**
     * The components' centres for a layout.
     *
     * @throws DatasetException if the grid layout is asked for a component count that is not a square number
     */
    static double[][] centres(String layout, int components, double radius) throws DatasetException {
        double[][] centres = new double[components][];
        if (GRID.equals(layout)) {
            int side = (int) Math.round(Math.sqrt(components));
            if (side * side != components) {
                int below = (int) Math.floor(Math.sqrt(components));
                throw new DatasetException(ID + ": layout grid needs a square number of components (a side x side "
                        + "grid) but components is " + components + "; use " + below * below + " or "
                        + (below + 1) * (below + 1) + ", or layout ring");
            }
            for (int r = 0; r < side; r++) {
                for (int c = 0; c < side; c++) {
                    centres[r * side + c] = new double[] {gridCoordinate(c, side, radius),
                            gridCoordinate(r, side, radius)};
                }
            }
        } else if (RING.equals(layout)) {
            for (int i = 0; i < components; i++) {
                double angle = 2 * Math.PI * i / components;
                centres[i] = new double[] {radius * Math.cos(angle), radius * Math.sin(angle)};
            }
        } else {
            throw new DatasetException(ID + ": layout '" + layout + "' is unknown; use ring or grid");
        }
        return centres;
    }

    private static double gridCoordinate(int index, int side, double radius) {
        return side == 1 ? 0 : -radius + 2 * radius * index / (side - 1);
    }

    /** The generated points, held once. */
    private static final class MixtureDataset implements Dataset {

        private static final DataSchema SCHEMA = new DataSchema(FEATURES, List.of(2L), TargetKind.NONE, List.of(),
                List.of());

        private final float[] points;
        private final int size;
        private final String identity;

        MixtureDataset(float[] points, int size, String identity) {
            this.points = points;
            this.size = size;
            this.identity = identity;
        }

        @Override
        public DataSchema schema() {
            return SCHEMA;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public Examples read(int[] indices) throws DatasetException {
            float[] out = new float[indices.length * 2];
            for (int i = 0; i < indices.length; i++) {
                int index = indices[i];
                if (index < 0 || index >= size) {
                    throw new DatasetException(ID + ": example " + index + " does not exist; the dataset has "
                            + size + " examples (0 to " + (size - 1) + ")");
                }
                out[2 * i] = points[2 * index];
                out[2 * i + 1] = points[2 * index + 1];
            }
            return new Examples(Nd4j.create(out, new long[] {indices.length, 2}, DataType.FLOAT), null);
        }

        @Override
        public String identity() {
            return identity;
        }
    }
}
