package org.cajal.optimizers.internal;

import java.util.List;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.cajal.api.train.OptimizerProvider;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.RmsProp;
import org.osgi.service.component.annotations.Component;

/** RMSProp, DL4J's {@code RmsProp}: per-weight steps scaled by a running average of squared gradients. */
@Component(service = OptimizerProvider.class)
public final class RmsPropOptimizer extends ScheduledOptimizer {

    static final String ID = "rmsprop";
    static final String RHO = "rho";
    static final String EPSILON = "epsilon";

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "RMSProp", "Optimizers",
            "RMSProp (Hinton): each weight keeps a running average of its squared gradient, "
                    + "s <- rho * s + (1 - rho) * g^2 (s starts at 0), and moves by "
                    + "theta <- theta - learningRate * g / (sqrt(s) + epsilon). Weights with large gradients get "
                    + "smaller steps, rarely-moved weights larger ones, and unlike AdaGrad the average forgets, so "
                    + "the steps do not shrink forever.",
            LearningRateSchedules.withScheduleSpecs(List.of(
                    ParameterSpec.number(LEARNING_RATE, 0.001).range(1e-6, 10)
                            .help("Base step size eta, divided per weight by the root of its squared-gradient average."),
                    ParameterSpec.number(RHO, 0.9).range(0, 0.99999)
                            .help("rho: decay of the running average of squared gradients; closer to 1 remembers longer."),
                    ParameterSpec.number(EPSILON, 1e-8).range(1e-12, 1)
                            .help("Small constant added to the denominator so that steps stay finite."))));

    public RmsPropOptimizer() {
        super(DESCRIPTOR);
    }

    @Override
    IUpdater updater(Parameters parameters, double learningRate) {
        return new RmsProp(learningRate, parameters.getDouble(RHO),
                parameters.getDouble(EPSILON));
    }
}
