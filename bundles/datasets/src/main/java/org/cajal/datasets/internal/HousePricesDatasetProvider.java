package org.cajal.datasets.internal;

import java.util.List;
import java.util.Random;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.cajal.api.data.DataSchema;
import org.cajal.api.data.DatasetProvider;
import org.osgi.service.component.annotations.Component;

/**
 * The course's two-feature regression: house prices from living area and distance to the centre, by the formula of
 * {@code examples/generate-house-prices.py} (which wrote the shipped {@code house-prices.csv} with Python's random
 * numbers; this generator draws Java's, so its values differ but follow the same law).
 */
@Component(service = DatasetProvider.class)
public final class HousePricesDatasetProvider extends SyntheticDatasetProvider {

    static final String ID = "house-prices";

    static final double BASE = 0.5;
    static final double PER_AREA = 1.2;
    static final double PER_DISTANCE = -0.3;

    private static final DataSchema SCHEMA = DataSchema.regression(List.of("area", "distance"), List.of("price"));

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "House prices",
            CATEGORY,
            "Two features and a price, the course's example of linear regression with two inputs: area (living "
                    + "area in 100 m², uniform in [0.5, 2.5]), distance (to the city centre in 10 km, uniform in "
                    + "[0, 3]) and price (in 100,000 EUR) = 0.5 + 1.2 * area - 0.3 * distance + e, with Gaussian "
                    + "noise e. A linear model should find the weights 1.2 and -0.3 and the bias 0.5; noise² is "
                    + "the lowest mean squared error any model can expect. Same law as the shipped "
                    + "house-prices.csv." + SEEDED,
            List.of(
                    ParameterSpec.integer(SAMPLES, 200).range(2, 1_000_000).unit("houses")
                            .help("Number of houses (examples)."),
                    ParameterSpec.number(NOISE, 0.05).range(0, 10).unit("100,000 EUR")
                            .help("Standard deviation of the Gaussian noise added to the price.")));

    public HousePricesDatasetProvider() {
        super(DESCRIPTOR);
    }

    @Override
    Drawn draw(Parameters parameters, Random random) {
        int samples = parameters.getInt(SAMPLES);
        double noise = parameters.getDouble(NOISE);
        float[] features = new float[samples * 2];
        float[] prices = new float[samples];
        for (int i = 0; i < samples; i++) {
            double area = 0.5 + 2.0 * random.nextDouble();
            double distance = 3.0 * random.nextDouble();
            features[2 * i] = (float) area;
            features[2 * i + 1] = (float) distance;
            prices[i] = (float) (BASE + PER_AREA * area + PER_DISTANCE * distance + noise * random.nextGaussian());
        }
        return new Drawn(SCHEMA, features, prices);
    }
}
