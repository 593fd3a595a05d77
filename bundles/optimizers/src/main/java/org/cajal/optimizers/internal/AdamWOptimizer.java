package org.cajal.optimizers.internal;

import java.util.List;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.cajal.api.train.OptimizerProvider;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.learning.regularization.WeightDecay;
import org.osgi.service.component.annotations.Component;

/**
 * AdamW: Adam plus decoupled weight decay. DL4J 1.0.0-M2.1 has no AdamW updater; its {@code WeightDecay}
 * regularisation with {@code applyLR = true} is the decoupled form (added to the update after the updater, scaled
 * by the current learning rate), so this is DL4J's {@code Adam} with that regularisation on every layer.
 */
@Component(service = OptimizerProvider.class)
public final class AdamWOptimizer implements OptimizerProvider {

    static final String ID = "adamw";
    static final String LEARNING_RATE = "learningRate";
    static final String BETA1 = "beta1";
    static final String BETA2 = "beta2";
    static final String EPSILON = "epsilon";
    static final String WEIGHT_DECAY = "weightDecay";

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "AdamW", "Optimizers",
            "AdamW (Loshchilov & Hutter, 2019): Adam with decoupled weight decay. The Adam step is computed from the "
                    + "loss gradient alone and the decay is added beside it, theta <- theta - learningRate * "
                    + "(m_hat / (sqrt(v_hat) + epsilon) + weightDecay * theta), so weights shrink towards 0 at a rate "
                    + "that does not depend on Adam's per-weight scaling (unlike an L2 penalty added to the loss, "
                    + "which Adam rescales). m_hat and v_hat are Adam's bias-corrected moments (see adam). The decay "
                    + "applies to the weights of every layer (not to biases) and follows the learning-rate schedule.",
            LearningRateSchedules.withScheduleSpecs(List.of(
                    ParameterSpec.number(LEARNING_RATE, 0.001).range(1e-6, 10)
                            .help("Base step size; the actual step of each weight is scaled by its gradient history."),
                    ParameterSpec.number(BETA1, 0.9).range(0, 0.9999)
                            .help("Decay rate of the running mean of gradients (momentum-like)."),
                    ParameterSpec.number(BETA2, 0.999).range(0, 0.99999)
                            .help("Decay rate of the running mean of squared gradients (per-weight scale)."),
                    ParameterSpec.number(EPSILON, 1e-8).range(1e-12, 1)
                            .help("Small constant added to the denominator so that steps stay finite."),
                    ParameterSpec.number(WEIGHT_DECAY, 0.01).range(0, 1)
                            .help("lambda: each step also removes learningRate * lambda * theta from every weight; "
                                    + "0 makes this plain Adam."))));

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public IUpdater updater(Parameters parameters) {
        double learningRate = parameters.getDouble(LEARNING_RATE);
        return LearningRateSchedules.apply(new Adam(learningRate, parameters.getDouble(BETA1),
                parameters.getDouble(BETA2), parameters.getDouble(EPSILON)), parameters, learningRate);
    }

    /** Decoupled weight decay: {@code WeightDecay(weightDecay, applyLR = true)}; none when the decay is 0. */
    @Override
    public List<Regularization> regularization(Parameters parameters) {
        double decay = parameters.getDouble(WEIGHT_DECAY);
        return decay == 0 ? List.of() : List.of(new WeightDecay(decay, true));
    }
}
