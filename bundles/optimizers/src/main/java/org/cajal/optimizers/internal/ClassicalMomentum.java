package org.cajal.optimizers.internal;

import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Classical (heavy-ball, Polyak) momentum as a DL4J updater configuration, which DL4J 1.0.0-M2.1 lacks (it has
 * only Nesterov momentum):
 * <pre>
 *   v     &lt;- momentum * v + g
 *   theta &lt;- theta - lr * v
 * </pre>
 * DL4J subtracts what the updater leaves in the gradient array, so {@link ClassicalMomentumUpdater} leaves
 * {@code lr * v} there. State: one velocity per parameter ({@link #stateSize(long)}).
 *
 * <p>DL4J writes this class's name into the network's JSON and reads it back by name: the Jackson annotations say
 * how, and this bundle's {@code Cajal-Engine-Extension: true} header lets the engine find the class. Its
 * {@link #setLrAndSchedule} mutates it, as {@link IUpdater} requires; the optimizer hands out a new one per run.
 */
public final class ClassicalMomentum extends LearningRateUpdater {

    private static final long serialVersionUID = 1L;

    private final double momentum;

    public ClassicalMomentum(double learningRate, double momentum) {
        this(learningRate, null, momentum);
    }

    public ClassicalMomentum(@JsonProperty("learningRate") double learningRate,
                             @JsonProperty("learningRateSchedule") ISchedule learningRateSchedule,
                             @JsonProperty("momentum") double momentum) {
        super(learningRate, learningRateSchedule);
        this.momentum = momentum;
    }

    public double getMomentum() {
        return momentum;
    }

    @Override
    String settingName() {
        return "momentum";
    }

    @Override
    Object setting() {
        return momentum;
    }

    @Override
    public long stateSize(long numParams) {
        return numParams;
    }

    @Override
    public GradientUpdater<ClassicalMomentum> instantiate(INDArray viewArray, boolean initializeViewArray) {
        ClassicalMomentumUpdater updater = new ClassicalMomentumUpdater(this);
        updater.setStateViewArray(viewArray, viewArray.shape(), viewArray.ordering(), initializeViewArray);
        return updater;
    }

    @Override
    public GradientUpdater<ClassicalMomentum> instantiate(Map<String, INDArray> updaterState,
                                                         boolean initializeStateArrays) {
        ClassicalMomentumUpdater updater = new ClassicalMomentumUpdater(this);
        updater.setState(updaterState, initializeStateArrays);
        return updater;
    }

    @Override
    public ClassicalMomentum clone() {
        return new ClassicalMomentum(getLearningRate(), scheduleCopy(), momentum);
    }
}
