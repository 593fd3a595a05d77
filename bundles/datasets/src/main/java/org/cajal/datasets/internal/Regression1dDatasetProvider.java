package org.cajal.datasets.internal;

import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.cajal.api.data.DataSchema;
import org.cajal.api.data.DatasetException;
import org.cajal.api.data.DatasetProvider;
import org.osgi.service.component.annotations.Component;

/**
 * One feature x and a target y = f(x) + noise: a straight line for linear regression by gradient descent (which
 * should recover slope and intercept), curves for a first shallow network.
 */
@Component(service = DatasetProvider.class)
public final class Regression1dDatasetProvider extends SyntheticDatasetProvider {

    static final String ID = "regression-1d";
    static final String FUNCTION = "function";
    static final String SLOPE = "slope";
    static final String INTERCEPT = "intercept";
    static final String X_MIN = "xMin";
    static final String X_MAX = "xMax";

    private static final DataSchema SCHEMA = DataSchema.regression(List.of("x"), List.of("y"));

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "1-D regression",
            CATEGORY,
            "One feature x, drawn uniformly from [xMin, xMax], and the target y = f(x) + e with Gaussian noise e. "
                    + "f is slope * x + intercept (linear: gradient descent on a linear model should recover both), "
                    + "sin(x), x³ or |x| (curves a linear model cannot follow, but a network with one hidden layer "
                    + "can). The noise variance is the lowest mean squared error any model can expect."
                    + SEEDED,
            List.of(
                    ParameterSpec.integer(SAMPLES, 200).range(2, 1_000_000).unit("examples")
                            .help("Number of examples, each at its own random x."),
                    ParameterSpec.choice(FUNCTION, RegressionCurve.ids())
                            .help("The noise-free f(x): linear (slope * x + intercept), sine (sin x), cubic (x³) "
                                    + "or abs (|x|)."),
                    ParameterSpec.number(NOISE, 0.1).range(0, 1000)
                            .help("Standard deviation of the Gaussian noise added to y; 0 puts every example on "
                                    + "the curve."),
                    ParameterSpec.number(SLOPE, 2.0)
                            .help("Slope of the line (function linear only): how much y grows per unit of x."),
                    ParameterSpec.number(INTERCEPT, 1.0)
                            .help("Intercept of the line (function linear only): y at x = 0."),
                    ParameterSpec.number(X_MIN, -3.0).help("Smallest x; must be below xMax."),
                    ParameterSpec.number(X_MAX, 3.0).help("Largest x; must be above xMin.")));

    public Regression1dDatasetProvider() {
        super(DESCRIPTOR);
    }

    @Override
    Drawn draw(Parameters parameters, Random random) throws DatasetException {
        int samples = parameters.getInt(SAMPLES);
        double noise = parameters.getDouble(NOISE);
        double xMin = parameters.getDouble(X_MIN);
        double xMax = parameters.getDouble(X_MAX);
        if (!(xMin < xMax)) {
            throw new DatasetException(ID + ": xMin (" + xMin + ") must be below xMax (" + xMax + "); swap them or "
                    + "widen the interval");
        }
        DoubleUnaryOperator f = RegressionCurve.byId(parameters.getString(FUNCTION))
                .function(parameters.getDouble(SLOPE), parameters.getDouble(INTERCEPT));
        float[] x = new float[samples];
        float[] y = new float[samples];
        for (int i = 0; i < samples; i++) {
            double value = xMin + (xMax - xMin) * random.nextDouble();
            x[i] = (float) value;
            y[i] = (float) (f.applyAsDouble(value) + noise * random.nextGaussian());
        }
        return new Drawn(SCHEMA, x, y);
    }
}
