package org.cajal.layers.internal;

import org.cajal.api.train.Loss;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** Maps Cajal's training losses to DL4J loss functions, so output layers speak in Cajal's loss ids. */
final class LossFunctionChoice {

    private LossFunctionChoice() {
    }

    /** The DL4J loss function that computes {@code loss}. */
    static LossFunction toDl4j(Loss loss) {
        return switch (loss) {
            case MSE -> LossFunction.MSE;
            case MAE -> LossFunction.MEAN_ABSOLUTE_ERROR;
            case BINARY_CROSS_ENTROPY -> LossFunction.XENT;
            case CATEGORICAL_CROSS_ENTROPY -> LossFunction.MCXENT;
        };
    }
}
