package org.cajal.datasets.internal;

import java.util.List;
import java.util.Random;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.cajal.api.data.DataSchema;
import org.cajal.api.data.DatasetException;
import org.cajal.api.data.DatasetProvider;
import org.cajal.api.data.TargetKind;
import org.osgi.service.component.annotations.Component;

/**
 * Forecasting a noisy sine wave: each example is a window of past values and the target the value that follows,
 * the first sequence problem for recurrent and 1-D convolutional networks.
 */
@Component(service = DatasetProvider.class)
public final class SineSequenceDatasetProvider extends SyntheticDatasetProvider {

    static final String ID = "sine-sequence";
    static final String WINDOW = "window";
    static final String PERIOD = "period";

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "Sine sequence",
            CATEGORY,
            "Forecast the next value of a noisy sine wave. Each example is a sequence of 'window' values (feature "
                    + "shape [1, window]: one feature over window time steps) and its target is the value one step "
                    + "after the window (regression). The values are sin(2π t / period + φ) + e with Gaussian noise "
                    + "e; every example starts at its own random phase φ, so examples do not overlap and a random "
                    + "split leaks no values from training into test data. Without noise the next value is a "
                    + "linear function of the last two; with noise, noise² is the lowest mean squared error any "
                    + "model can expect." + SEEDED,
            List.of(
                    ParameterSpec.integer(SAMPLES, 500).range(1, 1_000_000).unit("examples")
                            .help("Number of examples (windows)."),
                    ParameterSpec.integer(WINDOW, 20).range(2, 10_000).unit("steps")
                            .help("Number of past values an example shows, its sequence length."),
                    ParameterSpec.number(NOISE, 0.05).range(0, 10)
                            .help("Standard deviation of the Gaussian noise added to every value, the target "
                                    + "included; the wave's amplitude is 1."),
                    ParameterSpec.number(PERIOD, 25.0).range(2, 100_000).unit("steps")
                            .help("Length of one full wave in time steps; a window shorter than a period shows "
                                    + "only part of a wave.")));

    public SineSequenceDatasetProvider() {
        super(DESCRIPTOR);
    }

    @Override
    Drawn draw(Parameters parameters, Random random) throws DatasetException {
        int samples = parameters.getInt(SAMPLES);
        int window = parameters.getInt(WINDOW);
        if ((long) samples * window > Integer.MAX_VALUE - 8) {
            throw new DatasetException(ID + ": " + samples + " examples of " + window + " values are more than one "
                    + "array holds (2^31 values); lower 'samples' or 'window'");
        }
        double noise = parameters.getDouble(NOISE);
        double step = 2 * Math.PI / parameters.getDouble(PERIOD);
        float[] features = new float[samples * window];
        float[] targets = new float[samples];
        for (int i = 0; i < samples; i++) {
            double phase = 2 * Math.PI * random.nextDouble();
            for (int t = 0; t < window; t++) {
                features[i * window + t] = (float) (Math.sin(step * t + phase) + noise * random.nextGaussian());
            }
            targets[i] = (float) (Math.sin(step * window + phase) + noise * random.nextGaussian());
        }
        DataSchema schema = new DataSchema(List.of(), List.of(1L, (long) window), TargetKind.REGRESSION,
                List.of("next"), List.of());
        return new Drawn(schema, features, targets);
    }
}
