package org.cajal.optimizers.internal;

import java.util.List;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.cajal.api.train.OptimizerProvider;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;
import org.osgi.service.component.annotations.Component;

/**
 * Stochastic gradient descent, plain or with Nesterov momentum: the optimizer the teaching material starts from.
 *
 * <p>Classical (heavy-ball) momentum is not offered: DL4J 1.0.0-M2.1 has only Nesterov momentum built in, and a
 * custom updater cannot live in a plugin bundle because DL4J deserialises updaters by class name through the
 * engine bundle's class loader, which cannot see plugin classes.
 */
@Component(service = OptimizerProvider.class)
public final class SgdOptimizer implements OptimizerProvider {

    static final String ID = "sgd";
    static final String LEARNING_RATE = "learningRate";
    static final String MOMENTUM = "momentum";

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "SGD", "Optimizers",
            "Stochastic gradient descent: after each mini-batch every weight moves against its gradient, "
                    + "w <- w - learningRate * gradient. With momentum 0 this is plain (mini-batch) gradient descent; "
                    + "with a batch size equal to the data size it is full-batch gradient descent. With momentum > 0 "
                    + "the step follows a running velocity, which speeds up progress along consistent directions and "
                    + "damps oscillation. The momentum used is Nesterov momentum (the gradient is taken at the point "
                    + "the velocity is about to reach), because that is what DL4J 1.0.0-M2.1 offers; classical "
                    + "heavy-ball momentum behaves very similarly but is not available.",
            List.of(
                    ParameterSpec.number(LEARNING_RATE, 0.1).range(1e-6, 10)
                            .help("Step size: how far each update moves the weights along the negative gradient."),
                    ParameterSpec.number(MOMENTUM, 0.0).range(0, 0.999)
                            .help("Fraction of the previous velocity kept at each step (Nesterov momentum); "
                                    + "0 turns momentum off. Typical values: 0.9 or 0.99.")));

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** {@code Sgd} for momentum 0, otherwise {@code Nesterovs} with the given momentum. */
    @Override
    public IUpdater updater(Parameters parameters) {
        double learningRate = parameters.getDouble(LEARNING_RATE);
        double momentum = parameters.getDouble(MOMENTUM);
        return momentum == 0.0 ? new Sgd(learningRate) : new Nesterovs(learningRate, momentum);
    }
}
