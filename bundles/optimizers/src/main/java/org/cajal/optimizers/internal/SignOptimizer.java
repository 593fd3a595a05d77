package org.cajal.optimizers.internal;

import java.util.List;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.cajal.api.train.OptimizerProvider;
import org.nd4j.linalg.learning.config.IUpdater;
import org.osgi.service.component.annotations.Component;

/** Normalised gradient descent (sign or unit-length steps), through this bundle's {@link NormalisedGradient}. */
@Component(service = OptimizerProvider.class)
public final class SignOptimizer extends ScheduledOptimizer {

    static final String ID = "sign";
    static final String NORMALISE = "normalise";

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "Normalised gradient descent",
            "Optimizers",
            "Normalised gradient descent: only the direction of the gradient g is used, the step length is set by "
                    + "the learning rate. normalise = sign: theta <- theta - learningRate * sign(g), every weight "
                    + "moves by exactly learningRate up or down (signSGD). normalise = l2: theta <- theta - "
                    + "learningRate * g / ||g||, the whole step has length learningRate, where ||g|| is the Euclidean "
                    + "norm of the gradient of all the network's weights. Neither slows down near a minimum, so "
                    + "they oscillate around it unless a schedule shrinks the learning rate.",
            LearningRateSchedules.withScheduleSpecs(List.of(
                    ParameterSpec.number(LEARNING_RATE, 0.01).range(1e-6, 10)
                            .help("Step length eta: per weight (sign) or of the whole step (l2)."),
                    ParameterSpec.choice(NORMALISE, List.of("sign", "l2"))
                            .help("sign: step lr * sign(g) per weight; l2: step lr * g / ||g||_2."))));

    public SignOptimizer() {
        super(DESCRIPTOR);
    }

    @Override
    IUpdater updater(Parameters parameters, double learningRate) {
        NormalisedGradient.Normalise normalise = NormalisedGradient.Normalise.of(parameters.getString(NORMALISE));
        return new NormalisedGradient(learningRate, normalise);
    }
}
