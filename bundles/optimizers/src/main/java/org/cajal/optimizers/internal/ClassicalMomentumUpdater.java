package org.cajal.optimizers.internal;

import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.learning.GradientUpdater;

/**
 * The working part of {@link ClassicalMomentum}: holds the velocity {@code v} (a view into the network's updater
 * state, so it is saved with the model) and turns a gradient into the step DL4J subtracts. Call order, as DL4J
 * does: {@link #setStateViewArray} (or {@link #setState}) once, then {@link #applyUpdater} once per iteration.
 */
final class ClassicalMomentumUpdater implements GradientUpdater<ClassicalMomentum> {

    static final String VELOCITY = "V";

    private final ClassicalMomentum config;
    private INDArray velocity;

    ClassicalMomentumUpdater(ClassicalMomentum config) {
        this.config = config;
    }

    @Override
    public ClassicalMomentum getConfig() {
        return config;
    }

    @Override
    public void setState(Map<String, INDArray> state, boolean initialize) {
        INDArray v = state.get(VELOCITY);
        if (v == null || state.size() != 1) {
            throw new IllegalStateException("classical momentum expects exactly the state array '" + VELOCITY
                    + "', got " + state.keySet());
        }
        velocity = v;
        if (initialize) {
            velocity.assign(0);
        }
    }

    @Override
    public Map<String, INDArray> getState() {
        return Map.of(VELOCITY, velocity);
    }

    @Override
    public void setStateViewArray(INDArray viewArray, long[] gradientShape, char gradientOrder, boolean initialize) {
        if (!viewArray.isRowVectorOrScalar()) {
            throw new IllegalArgumentException("updater state must be a row vector, got shape "
                    + java.util.Arrays.toString(viewArray.shape()));
        }
        if (initialize) {
            viewArray.assign(0);
        }
        velocity = Shape.newShapeNoCopy(viewArray, gradientShape, gradientOrder == 'f');
        if (velocity == null) {
            throw new IllegalStateException("could not view the momentum state as the gradient's shape "
                    + java.util.Arrays.toString(gradientShape));
        }
    }

    /** v &lt;- momentum * v + g, then the gradient array becomes lr * v (what DL4J subtracts from the parameters). */
    @Override
    public void applyUpdater(INDArray gradient, int iteration, int epoch) {
        if (velocity == null) {
            throw new IllegalStateException("classical momentum used before its state was set");
        }
        double learningRate = config.getLearningRate(iteration, epoch);
        velocity.muli(config.getMomentum()).addi(gradient);
        gradient.assign(velocity).muli(learningRate);
    }
}
