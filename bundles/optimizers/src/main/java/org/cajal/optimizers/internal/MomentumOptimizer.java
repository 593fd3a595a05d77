package org.cajal.optimizers.internal;

import java.util.List;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.cajal.api.train.OptimizerProvider;
import org.nd4j.linalg.learning.config.IUpdater;
import org.osgi.service.component.annotations.Component;

/** SGD with classical (heavy-ball) momentum, through this bundle's own {@link ClassicalMomentum} updater. */
@Component(service = OptimizerProvider.class)
public final class MomentumOptimizer extends ScheduledOptimizer {

    static final String ID = "momentum";
    static final String MOMENTUM = "momentum";

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "Momentum", "Optimizers",
            "Gradient descent with classical (heavy-ball, Polyak) momentum. A velocity v accumulates past "
                    + "gradients and the weights follow it: v <- momentum * v + g; theta <- theta - learningRate * v "
                    + "(v starts at 0). Along a consistent direction the step grows towards learningRate / "
                    + "(1 - momentum) times the gradient; oscillating components cancel out. The equivalent form "
                    + "v <- momentum * v - learningRate * g; theta <- theta + v gives the same steps while the "
                    + "learning rate is constant. Mini-batches of training.batchSize.",
            LearningRateSchedules.withScheduleSpecs(List.of(
                    ParameterSpec.number(LEARNING_RATE, 0.01).range(1e-6, 10)
                            .help("Step size eta applied to the velocity."),
                    ParameterSpec.number(MOMENTUM, 0.9).range(0, 0.999)
                            .help("beta: fraction of the velocity kept from one step to the next; 0 is plain SGD. "
                                    + "Typical values 0.9 or 0.99."))));

    public MomentumOptimizer() {
        super(DESCRIPTOR);
    }

    @Override
    IUpdater updater(Parameters parameters, double learningRate) {
        return new ClassicalMomentum(learningRate, parameters.getDouble(MOMENTUM));
    }
}
