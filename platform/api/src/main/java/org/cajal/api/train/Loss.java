package org.cajal.api.train;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.cajal.api.data.TargetKind;

/**
 * Training losses, each the negative log-likelihood of an output distribution (except MAE).
 * The id is what a pipeline file names in {@code training.loss}.
 */
public enum Loss {
    /** Mean squared error: Gaussian likelihood with fixed variance. For regression. */
    MSE("mse"),
    /** Mean absolute error: Laplace likelihood. For regression robust to outliers. */
    MAE("mae"),
    /** Binary cross-entropy: Bernoulli likelihood, one sigmoid output per target. */
    BINARY_CROSS_ENTROPY("binary-cross-entropy"),
    /** Categorical cross-entropy: categorical likelihood over softmax outputs. */
    CATEGORICAL_CROSS_ENTROPY("categorical-cross-entropy");

    private final String id;

    Loss(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Whether this loss fits a target kind. */
    public boolean fits(TargetKind kind) {
        return switch (this) {
            case MSE, MAE -> kind == TargetKind.REGRESSION;
            case BINARY_CROSS_ENTROPY -> kind == TargetKind.BINARY;
            case CATEGORICAL_CROSS_ENTROPY -> kind.isClassification();
        };
    }

    public static Optional<Loss> byId(String id) {
        return Arrays.stream(values()).filter(l -> l.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Loss::id).toList();
    }
}
