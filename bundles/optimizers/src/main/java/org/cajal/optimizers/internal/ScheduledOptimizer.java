package org.cajal.optimizers.internal;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.Parameters;
import org.cajal.api.train.OptimizerProvider;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * An optimizer whose updater has a learning rate that the schedule parameters of {@link LearningRateSchedules} may
 * vary: it keeps its descriptor and builds its updater for the learning rate; the schedule is given here.
 */
abstract class ScheduledOptimizer implements OptimizerProvider {

    static final String LEARNING_RATE = "learningRate";

    private final ComponentDescriptor descriptor;

    ScheduledOptimizer(ComponentDescriptor descriptor) {
        this.descriptor = descriptor;
    }

    /** The updater at {@code learningRate}, before any schedule. */
    abstract IUpdater updater(Parameters parameters, double learningRate);

    @Override
    public final ComponentDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public IUpdater updater(Parameters parameters) {
        double learningRate = parameters.getDouble(LEARNING_RATE);
        return LearningRateSchedules.apply(updater(parameters, learningRate), parameters, learningRate);
    }
}
