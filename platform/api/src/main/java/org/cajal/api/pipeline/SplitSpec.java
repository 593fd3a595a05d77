package org.cajal.api.pipeline;

/**
 * How the dataset is divided. Fractions of the whole dataset; the rest is training data.
 *
 * @param validation fraction used for per-epoch validation (0 for none); ignored with k-fold
 * @param test fraction held out for the final evaluation (0: evaluate on the validation split, or on the
 *             training data if there is none, and say so in evaluation.json)
 * @param stratify keep class proportions equal across splits and folds (classification only)
 * @param folds 0 for a hold-out split; k >= 2 for k-fold cross-validation of the data left after the test split:
 *              k models, each validated on one fold and trained on the others
 * @param labelNoise fraction of the training rows (never validation or test rows) whose class is replaced by one
 *                   drawn uniformly at random, with the pipeline's seed, after the split: label noise as in the
 *                   double-descent studies; 0 for none (classification with a hold-out split only)
 */
public record SplitSpec(double validation, double test, boolean stratify, int folds, double labelNoise) {

    public static final SplitSpec DEFAULT = new SplitSpec(0.2, 0.2, true, 0);

    public SplitSpec {
        if (validation < 0 || test < 0 || validation + test >= 1) {
            throw new IllegalArgumentException("validation and test fractions must be >= 0 and sum to less than 1");
        }
        if (folds == 1 || folds < 0) {
            throw new IllegalArgumentException("folds must be 0 (hold-out) or at least 2");
        }
        if (labelNoise < 0 || labelNoise > 1) {
            throw new IllegalArgumentException("labelNoise must be in [0, 1]");
        }
    }

    /** A split without label noise. */
    public SplitSpec(double validation, double test, boolean stratify, int folds) {
        this(validation, test, stratify, folds, 0);
    }

    /** A hold-out split. */
    public SplitSpec(double validation, double test, boolean stratify) {
        this(validation, test, stratify, 0);
    }

    public boolean isKFold() {
        return folds >= 2;
    }
}
