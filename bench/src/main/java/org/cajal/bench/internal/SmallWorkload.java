package org.cajal.bench.internal;

import java.util.Arrays;
import java.util.List;

/**
 * The small case's workloads: three shipped examples, run as shipped, and the bench's generated survey table
 * ({@link SurveyData}, pipeline {@code bench/small/survey.json}), on which the repeats and search experiments run.
 */
enum SmallWorkload {

    /** examples/xor.json: 2 → 8 tanh → 2 softmax, 200 noisy corners, 60 epochs, batch 16, Adam 0.05. */
    XOR("xor", "xor.json"),
    /** examples/house-prices.json: 2 → 2 sigmoid → 1 identity, MSE, house-prices.csv (200 rows), 300 epochs. */
    HOUSE_PRICES("house-prices", "house-prices.json"),
    /** examples/spirals-deep.json: 2 → 4 x 8 tanh → 2 softmax, 800 points standardised, 100 epochs, batch 32. */
    SPIRALS_DEEP("spirals-deep", "spirals-deep.json"),
    /** bench/small/survey.json on the generated survey.csv: 16 → 16 relu → 3 softmax, 100 epochs, batch 16. */
    SURVEY("survey", null);

    /** The workload the repeats and search experiments run. */
    static final SmallWorkload EXPERIMENTS = SURVEY;
    /** The bench's own pipeline for {@link #SURVEY}, carried in this bundle. */
    static final String SURVEY_PIPELINE_RESOURCE = "/small/survey.json";

    private final String id;
    private final String example;

    SmallWorkload(String id, String example) {
        this.id = id;
        this.example = example;
    }

    String id() {
        return id;
    }

    /** The file name under the distribution's {@code examples/}, or null for the bench's own survey pipeline. */
    String example() {
        return example;
    }

    static List<String> ids() {
        return Arrays.stream(values()).map(SmallWorkload::id).toList();
    }

    static SmallWorkload byId(String id) {
        return Arrays.stream(values()).filter(w -> w.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no small workload '" + id + "'; there are "
                        + String.join(", ", ids())));
    }
}
