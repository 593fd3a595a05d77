package org.cajal.optimizers.internal;

import java.util.List;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.cajal.api.train.OptimizerProvider;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.IUpdater;
import org.osgi.service.component.annotations.Component;

/**
 * AdaGrad, DL4J's {@code AdaGrad}: per-weight steps scaled by the sum of all squared gradients so far. With a
 * learning-rate schedule it is {@link ScheduledAdaGrad}, because DL4J's own loses the schedule when cloned.
 */
@Component(service = OptimizerProvider.class)
public final class AdaGradOptimizer extends ScheduledOptimizer {

    static final String ID = "adagrad";
    static final String EPSILON = "epsilon";

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "AdaGrad", "Optimizers",
            "AdaGrad (Duchi et al., 2011): each weight sums its squared gradients, G <- G + g^2 (G starts at epsilon), "
                    + "and moves by theta <- theta - learningRate * g / (sqrt(G) + epsilon). Rarely-updated weights "
                    + "keep large steps, often-updated ones get small steps; since G only grows, every step shrinks "
                    + "over time (RMSProp and Adam forget old gradients instead).",
            LearningRateSchedules.withScheduleSpecs(List.of(
                    ParameterSpec.number(LEARNING_RATE, 0.01).range(1e-6, 10)
                            .help("Base step size eta, divided per weight by the root of its summed squared gradients."),
                    ParameterSpec.number(EPSILON, 1e-6).range(1e-12, 1)
                            .help("Small constant added to the denominator so that steps stay finite."))));

    public AdaGradOptimizer() {
        super(DESCRIPTOR);
    }

    /** With a schedule, {@link ScheduledAdaGrad}: DL4J's AdaGrad would lose the schedule when cloned. */
    @Override
    public IUpdater updater(Parameters parameters) {
        double learningRate = parameters.getDouble(LEARNING_RATE);
        return LearningRateSchedules.schedule(parameters, learningRate)
                .<IUpdater>map(s -> new ScheduledAdaGrad(learningRate, s, parameters.getDouble(EPSILON)))
                .orElseGet(() -> updater(parameters, learningRate));
    }

    @Override
    IUpdater updater(Parameters parameters, double learningRate) {
        return new AdaGrad(learningRate, parameters.getDouble(EPSILON));
    }
}
