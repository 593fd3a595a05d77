package org.cajal.optimizers.internal;

import java.util.List;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.cajal.api.train.OptimizerProvider;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.osgi.service.component.annotations.Component;

/**
 * Mini-batch stochastic gradient descent, the optimizer the teaching material starts from.
 *
 * <p>Until 0.1 it also took a {@code momentum} parameter (Nesterov). That moved to the {@code momentum}
 * (classical) and {@code nesterov} optimizers, so that each id names one update rule; no shipped pipeline used it.
 */
@Component(service = OptimizerProvider.class)
public final class SgdOptimizer extends ScheduledOptimizer {

    static final String ID = "sgd";

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "SGD", "Optimizers",
            "Stochastic gradient descent: after each mini-batch of training.batchSize examples every weight moves "
                    + "against the batch's average gradient g, theta <- theta - learningRate * g. With batchSize 1 "
                    + "this is pure (online) stochastic gradient descent, one step per example; with a batch size "
                    + "equal to the data size it is full-batch gradient descent (see gd). Smaller batches give "
                    + "noisier but more frequent steps. For momentum use the momentum or nesterov optimizers.",
            LearningRateSchedules.withScheduleSpecs(List.of(
                    ParameterSpec.number(LEARNING_RATE, 0.1).range(1e-6, 10)
                            .help("Step size eta: how far each update moves the weights along the negative gradient."))));

    public SgdOptimizer() {
        super(DESCRIPTOR);
    }

    @Override
    IUpdater updater(Parameters parameters, double learningRate) {
        return new Sgd(learningRate);
    }
}
