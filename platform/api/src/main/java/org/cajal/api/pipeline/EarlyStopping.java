package org.cajal.api.pipeline;

/**
 * Stops training when the validation loss has not improved for a while.
 *
 * @param patience epochs without improvement before stopping
 * @param minDelta how much lower the validation loss must be to count as an improvement
 * @param restoreBest at the end, put back the weights of the epoch with the lowest validation loss
 */
public record EarlyStopping(int patience, double minDelta, boolean restoreBest) {

    public EarlyStopping {
        if (patience < 1 || minDelta < 0) {
            throw new IllegalArgumentException("patience must be >= 1 and minDelta >= 0");
        }
    }
}
