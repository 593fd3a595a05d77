package org.cajal.optimizers.internal;

import java.util.List;
import java.util.stream.Stream;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.cajal.api.train.OptimizerProvider;
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
public final class AdamWOptimizer extends ScheduledOptimizer {

    static final String ID = "adamw";
    static final String WEIGHT_DECAY = "weightDecay";

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "AdamW", "Optimizers",
            "AdamW (Loshchilov & Hutter, 2019): Adam with decoupled weight decay. The Adam step is computed from the "
                    + "loss gradient alone and the decay is added beside it, theta <- theta - learningRate * "
                    + "(m_hat / (sqrt(v_hat) + epsilon) + weightDecay * theta), so weights shrink towards 0 at a rate "
                    + "that does not depend on Adam's per-weight scaling (unlike an L2 penalty added to the loss, "
                    + "which Adam rescales). m_hat and v_hat are Adam's bias-corrected moments (see adam). The decay "
                    + "applies to the weights of every layer (not to biases) and follows the learning-rate schedule.",
            LearningRateSchedules.withScheduleSpecs(Stream.concat(AdamOptimizer.adamSpecs().stream(), Stream.of(
                    ParameterSpec.number(WEIGHT_DECAY, 0.01).range(0, 1)
                            .help("lambda: each step also removes learningRate * lambda * theta from every weight; "
                                    + "0 makes this plain Adam."))).toList()));

    public AdamWOptimizer() {
        super(DESCRIPTOR);
    }

    @Override
    IUpdater updater(Parameters parameters, double learningRate) {
        return AdamOptimizer.adam(parameters, learningRate);
    }

    /** Decoupled weight decay: {@code WeightDecay(weightDecay, applyLR = true)}; none when the decay is 0. */
    @Override
    public List<Regularization> regularization(Parameters parameters) {
        double decay = parameters.getDouble(WEIGHT_DECAY);
        return decay == 0 ? List.of() : List.of(new WeightDecay(decay, true));
    }
}
