package org.cajal.optimizers.internal;

import java.util.Objects;

import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Cosine annealing by epoch, which DL4J 1.0.0-M2.1 lacks: from {@code initialValue} at epoch 0 down to
 * {@code minValue} at epoch {@code period}, then constant.
 * <pre>
 *   value(e) = minValue + (initialValue - minValue) * (1 + cos(pi * min(e, period) / period)) / 2
 * </pre>
 * {@code e} is DL4J's epoch counter (epochs completed so far). A plain value that DL4J stores in the network's JSON
 * by class name, hence the Jackson annotations and the {@code Cajal-Engine-Extension} header of this bundle.
 */
public final class CosineSchedule implements ISchedule {

    private static final long serialVersionUID = 1L;

    private final double initialValue;
    private final double minValue;
    private final int period;

    public CosineSchedule(@JsonProperty("initialValue") double initialValue, @JsonProperty("minValue") double minValue,
                          @JsonProperty("period") int period) {
        if (period < 1) {
            throw new IllegalArgumentException("cosine period must be at least 1 epoch, got " + period);
        }
        this.initialValue = initialValue;
        this.minValue = minValue;
        this.period = period;
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        double progress = Math.min(Math.max(epoch, 0), period) / (double) period;
        return minValue + (initialValue - minValue) * (1 + Math.cos(Math.PI * progress)) / 2;
    }

    @Override
    public ISchedule clone() {
        return new CosineSchedule(initialValue, minValue, period);
    }

    public double getInitialValue() {
        return initialValue;
    }

    public double getMinValue() {
        return minValue;
    }

    public int getPeriod() {
        return period;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CosineSchedule c && Double.compare(initialValue, c.initialValue) == 0
                && Double.compare(minValue, c.minValue) == 0 && period == c.period;
    }

    @Override
    public int hashCode() {
        return Objects.hash(initialValue, minValue, period);
    }

    @Override
    public String toString() {
        return "CosineSchedule(initialValue=" + initialValue + ", minValue=" + minValue + ", period=" + period + ")";
    }
}
