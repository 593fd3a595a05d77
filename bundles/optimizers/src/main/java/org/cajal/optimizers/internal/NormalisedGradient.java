package org.cajal.optimizers.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Normalised gradient descent as a DL4J updater configuration: the step has a fixed length set by the learning
 * rate, only its direction comes from the gradient.
 * <pre>
 *   SIGN: theta &lt;- theta - lr * sign(g)          (each weight moves by exactly lr, or not at all)
 *   L2:   theta &lt;- theta - lr * g / ||g||_2       (the whole step has length lr; no step where g = 0)
 * </pre>
 * For {@code L2} the norm is taken over the gradient array DL4J hands the updater: one updater block, i.e. all
 * consecutive parameters that share an equal updater configuration. In a Cajal network every layer uses the same
 * optimizer, so that is the gradient of the whole network, as in the textbook rule. Stateless.
 *
 * <p>DL4J stores this class by name in the network's JSON; see {@link ClassicalMomentum} for why that works.
 */
public final class NormalisedGradient extends LearningRateUpdater {

    private static final long serialVersionUID = 1L;

    /** What the gradient is divided by. */
    public enum Normalise {
        /** Elementwise {@code |g|}: the step is {@code lr * sign(g)}. */
        SIGN,
        /** The Euclidean norm of the whole gradient array. */
        L2;

        static Normalise of(String id) {
            return valueOf(id.toUpperCase(Locale.ROOT));
        }
    }

    private final Normalise normalise;

    public NormalisedGradient(double learningRate, Normalise normalise) {
        this(learningRate, null, normalise);
    }

    public NormalisedGradient(@JsonProperty("learningRate") double learningRate,
                              @JsonProperty("learningRateSchedule") ISchedule learningRateSchedule,
                              @JsonProperty("normalise") Normalise normalise) {
        super(learningRate, learningRateSchedule);
        this.normalise = Objects.requireNonNull(normalise, "normalise");
    }

    public Normalise getNormalise() {
        return normalise;
    }

    @Override
    String settingName() {
        return "normalise";
    }

    @Override
    Object setting() {
        return normalise;
    }

    @Override
    public long stateSize(long numParams) {
        return 0;
    }

    @Override
    public GradientUpdater<NormalisedGradient> instantiate(INDArray viewArray, boolean initializeViewArray) {
        return new NormalisedGradientUpdater(this);
    }

    @Override
    public GradientUpdater<NormalisedGradient> instantiate(Map<String, INDArray> updaterState,
                                                          boolean initializeStateArrays) {
        return new NormalisedGradientUpdater(this);
    }

    @Override
    public NormalisedGradient clone() {
        return new NormalisedGradient(getLearningRate(), scheduleCopy(), normalise);
    }
}
