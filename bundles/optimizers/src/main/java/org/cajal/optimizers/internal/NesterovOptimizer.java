package org.cajal.optimizers.internal;

import java.util.List;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.cajal.api.train.OptimizerProvider;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.osgi.service.component.annotations.Component;

/** SGD with Nesterov momentum, DL4J's {@code Nesterovs}. */
@Component(service = OptimizerProvider.class)
public final class NesterovOptimizer extends ScheduledOptimizer {

    static final String ID = "nesterov";
    static final String MOMENTUM = "momentum";

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "Nesterov momentum",
            "Optimizers",
            "Gradient descent with Nesterov's accelerated momentum: like classical momentum, but the gradient is "
                    + "in effect taken at the point the velocity is about to carry the weights to, which corrects an "
                    + "overshoot one step earlier. DL4J computes it without a second gradient evaluation: "
                    + "v_new <- momentum * v - learningRate * g; theta <- theta - momentum * v + (1 + momentum) * v_new "
                    + "(v starts at 0), i.e. theta <- theta + momentum * v_new - learningRate * g. "
                    + "Mini-batches of training.batchSize.",
            LearningRateSchedules.withScheduleSpecs(List.of(
                    ParameterSpec.number(LEARNING_RATE, 0.01).range(1e-6, 10)
                            .help("Step size eta applied to the gradient."),
                    ParameterSpec.number(MOMENTUM, 0.9).range(0, 0.999)
                            .help("mu: fraction of the velocity kept from one step to the next; 0 is plain SGD. "
                                    + "Typical values 0.9 or 0.99."))));

    public NesterovOptimizer() {
        super(DESCRIPTOR);
    }

    @Override
    IUpdater updater(Parameters parameters, double learningRate) {
        return new Nesterovs(learningRate, parameters.getDouble(MOMENTUM));
    }
}
