package org.cajal.optimizers.internal;

import java.util.Objects;

import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * What this bundle's DL4J updater configurations share: a learning rate with an optional schedule, which
 * {@link #setLrAndSchedule} mutates as {@link IUpdater} requires, and value equality over it and the updater's one
 * own setting (equal configurations share one updater block in DL4J). A subclass adds that setting, its state and
 * its rule.
 */
public abstract class LearningRateUpdater implements IUpdater {

    private static final long serialVersionUID = 1L;

    private double learningRate;
    private ISchedule learningRateSchedule;

    LearningRateUpdater(double learningRate, ISchedule learningRateSchedule) {
        this.learningRate = learningRate;
        this.learningRateSchedule = learningRateSchedule;
    }

    /** The name of the updater's own setting (its JSON property), for {@link #toString}. */
    abstract String settingName();

    /** The value of the updater's own setting. */
    abstract Object setting();

    public double getLearningRate() {
        return learningRate;
    }

    public ISchedule getLearningRateSchedule() {
        return learningRateSchedule;
    }

    /** A copy of the schedule for {@link #clone()}, or null without one. */
    ISchedule scheduleCopy() {
        return learningRateSchedule == null ? null : learningRateSchedule.clone();
    }

    @Override
    public double getLearningRate(int iteration, int epoch) {
        return learningRateSchedule == null ? learningRate : learningRateSchedule.valueAt(iteration, epoch);
    }

    @Override
    public boolean hasLearningRate() {
        return true;
    }

    @Override
    public void setLrAndSchedule(double lr, ISchedule lrSchedule) {
        this.learningRate = lr;
        this.learningRateSchedule = lrSchedule;
    }

    @Override
    public abstract LearningRateUpdater clone();

    @Override
    public boolean equals(Object o) {
        return o instanceof LearningRateUpdater u && u.getClass() == getClass()
                && Double.compare(learningRate, u.learningRate) == 0
                && Objects.equals(setting(), u.setting()) && Objects.equals(learningRateSchedule, u.learningRateSchedule);
    }

    @Override
    public int hashCode() {
        return Objects.hash(learningRate, learningRateSchedule, setting());
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(learningRate=" + learningRate + ", learningRateSchedule="
                + learningRateSchedule + ", " + settingName() + "=" + setting() + ")";
    }
}
