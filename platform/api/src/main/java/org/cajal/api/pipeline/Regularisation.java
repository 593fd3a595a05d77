package org.cajal.api.pipeline;

/**
 * Penalties and noise that keep a network from fitting noise, applied to every layer that has weights.
 *
 * @param l1 L1 penalty coefficient on weights (lasso; drives weights to exactly zero), 0 for none
 * @param l2 L2 penalty coefficient on weights (weight decay; a Gaussian prior), 0 for none
 * @param dropout probability of dropping each input of a hidden layer during training, 0 for none
 *                (layers may set their own)
 * @param inputNoise standard deviation of Gaussian noise added to every layer's input during training, 0 for none
 */
public record Regularisation(double l1, double l2, double dropout, double inputNoise) {

    public static final Regularisation NONE = new Regularisation(0, 0, 0, 0);

    public Regularisation {
        if (l1 < 0 || l2 < 0 || dropout < 0 || dropout >= 1 || inputNoise < 0) {
            throw new IllegalArgumentException("l1, l2, inputNoise must be >= 0 and dropout in [0, 1)");
        }
    }

    public boolean isNone() {
        return equals(NONE);
    }
}
