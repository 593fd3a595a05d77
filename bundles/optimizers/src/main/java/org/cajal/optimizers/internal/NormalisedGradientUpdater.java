package org.cajal.optimizers.internal;

import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The working part of {@link NormalisedGradient}; it keeps no state, so any call order works. */
final class NormalisedGradientUpdater implements GradientUpdater<NormalisedGradient> {

    private final NormalisedGradient config;

    NormalisedGradientUpdater(NormalisedGradient config) {
        this.config = config;
    }

    @Override
    public NormalisedGradient getConfig() {
        return config;
    }

    @Override
    public void setState(Map<String, INDArray> state, boolean initialize) {
        if (!state.isEmpty()) {
            throw new IllegalStateException("normalised gradient descent keeps no state, got " + state.keySet());
        }
    }

    @Override
    public Map<String, INDArray> getState() {
        return Map.of();
    }

    @Override
    public void setStateViewArray(INDArray viewArray, long[] gradientShape, char gradientOrder, boolean initialize) {
        // stateless: DL4J gives it no state (stateSize is 0)
    }

    /** Turns the gradient, in place, into lr * sign(g) or lr * g / ||g||_2 (zero stays zero). */
    @Override
    public void applyUpdater(INDArray gradient, int iteration, int epoch) {
        double learningRate = config.getLearningRate(iteration, epoch);
        switch (config.getNormalise()) {
            case SIGN -> Transforms.sign(gradient, false).muli(learningRate);
            case L2 -> {
                double norm = gradient.norm2Number().doubleValue();
                if (norm > 0) {
                    gradient.muli(learningRate / norm);
                }
            }
            default -> throw new IllegalStateException("unknown normalisation " + config.getNormalise());
        }
    }
}
