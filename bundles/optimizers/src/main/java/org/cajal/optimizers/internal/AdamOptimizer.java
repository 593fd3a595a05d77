package org.cajal.optimizers.internal;

import java.util.List;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.cajal.api.train.OptimizerProvider;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.osgi.service.component.annotations.Component;

/** Adam, the adaptive-moment optimizer that is the usual first choice for training deep networks. */
@Component(service = OptimizerProvider.class)
public final class AdamOptimizer extends ScheduledOptimizer {

    static final String ID = "adam";
    static final String BETA1 = "beta1";
    static final String BETA2 = "beta2";
    static final String EPSILON = "epsilon";

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "Adam", "Optimizers",
            "Adam (Kingma & Ba, 2015): keeps running averages of each weight's gradient (first moment, decay beta1) "
                    + "and squared gradient (second moment, decay beta2), corrects their start-up bias, and moves each "
                    + "weight by learningRate * m / (sqrt(v) + epsilon). Every weight thus gets its own step size, "
                    + "which makes Adam robust to badly scaled gradients; the defaults work for most networks. In full, "
                    + "with t the step number from 1 and m, v starting at 0: m <- beta1 * m + (1 - beta1) * g; "
                    + "v <- beta2 * v + (1 - beta2) * g^2; m_hat = m / (1 - beta1^t); v_hat = v / (1 - beta2^t); "
                    + "theta <- theta - learningRate * m_hat / (sqrt(v_hat) + epsilon).",
            LearningRateSchedules.withScheduleSpecs(adamSpecs()));

    public AdamOptimizer() {
        super(DESCRIPTOR);
    }

    @Override
    IUpdater updater(Parameters parameters, double learningRate) {
        return adam(parameters, learningRate);
    }

    /** The learning rate, beta1, beta2 and epsilon (AdamW adds its decay to them). */
    static List<ParameterSpec> adamSpecs() {
        return List.of(
                ParameterSpec.number(LEARNING_RATE, 0.001).range(1e-6, 10)
                        .help("Base step size; the actual step of each weight is scaled by its gradient history."),
                ParameterSpec.number(BETA1, 0.9).range(0, 0.9999)
                        .help("Decay rate of the running mean of gradients (momentum-like)."),
                ParameterSpec.number(BETA2, 0.999).range(0, 0.99999)
                        .help("Decay rate of the running mean of squared gradients (per-weight scale)."),
                ParameterSpec.number(EPSILON, 1e-8).range(1e-12, 1)
                        .help("Small constant added to the denominator so that steps stay finite."));
    }

    /** DL4J's Adam with the parameters' betas and epsilon. */
    static Adam adam(Parameters parameters, double learningRate) {
        return new Adam(learningRate, parameters.getDouble(BETA1), parameters.getDouble(BETA2),
                parameters.getDouble(EPSILON));
    }
}
