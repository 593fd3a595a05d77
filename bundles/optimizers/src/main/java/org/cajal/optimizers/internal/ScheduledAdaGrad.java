package org.cajal.optimizers.internal;

import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * DL4J's {@link AdaGrad} with a {@link #clone()} that keeps the learning-rate schedule. In DL4J 1.0.0-M2.1
 * {@code AdaGrad.clone()} copies only the learning rate and epsilon, and the network builder clones the updater into
 * every layer, so a scheduled AdaGrad silently trained at a constant rate. Used only when a schedule is set, so
 * that unscheduled AdaGrad models name nothing but DL4J classes.
 */
public final class ScheduledAdaGrad extends AdaGrad {

    private static final long serialVersionUID = 1L;

    public ScheduledAdaGrad(@JsonProperty("learningRate") double learningRate,
                            @JsonProperty("learningRateSchedule") ISchedule learningRateSchedule,
                            @JsonProperty("epsilon") double epsilon) {
        super(learningRate, epsilon);
        setLrAndSchedule(learningRate, learningRateSchedule);
    }

    @Override
    public ScheduledAdaGrad clone() {
        ISchedule schedule = getLearningRateSchedule();
        return new ScheduledAdaGrad(getLearningRate(), schedule == null ? null : schedule.clone(), getEpsilon());
    }
}
