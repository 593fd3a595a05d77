package org.cajal.optimizers.internal;

import java.util.List;
import java.util.OptionalInt;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.cajal.api.train.OptimizerProvider;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.osgi.service.component.annotations.Component;

/** Full-batch gradient descent: one step per epoch on the gradient of the whole training split. */
@Component(service = OptimizerProvider.class)
public final class GdOptimizer extends ScheduledOptimizer {

    static final String ID = "gd";

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "Gradient descent (full batch)",
            "Optimizers",
            "Batch gradient descent: the gradient g of the loss averaged over the WHOLE training split, then one step "
                    + "theta <- theta - learningRate * g per epoch. The path is smooth and deterministic but each step "
                    + "costs a pass over all data; training.batchSize is ignored (the whole split is one batch). "
                    + "Compare sgd (mini-batches) for noisier, cheaper steps.",
            LearningRateSchedules.withScheduleSpecs(List.of(
                    ParameterSpec.number(LEARNING_RATE, 0.1).range(1e-6, 10)
                            .help("Step size eta: how far each update moves the weights along the negative gradient."))));

    public GdOptimizer() {
        super(DESCRIPTOR);
    }

    @Override
    IUpdater updater(Parameters parameters, double learningRate) {
        return new Sgd(learningRate);
    }

    /** 0: the whole training split is one batch. */
    @Override
    public OptionalInt batchSize(Parameters parameters) {
        return OptionalInt.of(0);
    }
}
