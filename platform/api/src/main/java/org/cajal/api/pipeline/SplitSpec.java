package org.cajal.api.pipeline;

/**
 * How the dataset is divided. Fractions of the whole dataset; the rest is training data.
 *
 * @param validation fraction used for per-epoch validation (0 for none)
 * @param test fraction held out for the final evaluation (0: evaluate on the validation split, or on the
 *             training data if there is none, and say so in evaluation.json)
 * @param stratify keep class proportions equal across splits (classification only)
 */
public record SplitSpec(double validation, double test, boolean stratify) {

    public static final SplitSpec DEFAULT = new SplitSpec(0.2, 0.2, true);

    public SplitSpec {
        if (validation < 0 || test < 0 || validation + test >= 1) {
            throw new IllegalArgumentException("validation and test fractions must be >= 0 and sum to less than 1");
        }
    }
}
