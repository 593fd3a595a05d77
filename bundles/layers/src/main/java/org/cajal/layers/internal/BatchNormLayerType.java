package org.cajal.layers.internal;

import java.util.List;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.cajal.api.model.LayerBuild;
import org.cajal.api.model.LayerContext;
import org.cajal.api.model.LayerException;
import org.cajal.api.model.LayerType;
import org.cajal.api.model.Shape;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.nd4j.linalg.activations.Activation;
import org.osgi.service.component.annotations.Component;

/** Batch normalisation, which keeps each feature's or channel's activations centred and scaled during training. */
@Component(service = LayerType.class)
public final class BatchNormLayerType implements LayerType {

    static final String ID = "batch-norm";
    static final String DECAY = "decay";
    static final String EPSILON = "epsilon";

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "Batch normalisation",
            "Regularisation",
            "Normalises each feature of a vector (or each channel of an image) to mean 0 and variance 1 over "
                    + "the mini-batch, then scales by a learned gamma and shifts by a learned beta. At prediction "
                    + "time it uses running averages of the mean and variance instead of the batch's. The parameter "
                    + "count is 4 per feature or channel, as DL4J counts it: gamma and beta are trained by gradient "
                    + "descent, the running mean and variance are updated from the batches, not trained. The shape "
                    + "is unchanged. DL4J 1.0.0-M2.1 does not normalise sequences.",
            List.of(ParameterSpec.number(DECAY, 0.9).range(0, 1)
                            .help("How much of the running mean and variance is kept at each batch: running = "
                                    + "decay * running + (1 - decay) * batch."),
                    ParameterSpec.number(EPSILON, 1e-5).range(0, 1)
                            .help("Added to the variance before the square root, so a constant feature does not "
                                    + "divide by zero.")));

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public LayerBuild build(Parameters parameters, LayerContext context) throws LayerException {
        Shape input = context.input();
        if (input.rank() == 2) {
            throw new LayerException(InputShapes.name(context, ID) + " normalises feature vectors and images, but "
                    + InputShapes.arriving(context) + " and DL4J 1.0.0-M2.1 cannot batch-normalise sequences; "
                    + "remove it, or place it after a global-pooling layer");
        }
        long features = input.dim(0);
        BatchNormalization layer = new BatchNormalization.Builder()
                .nIn(features)
                .nOut(features)
                .decay(parameters.getDouble(DECAY))
                .eps(parameters.getDouble(EPSILON))
                .activation(Activation.IDENTITY)
                .build();
        return new LayerBuild(layer, input, 4 * features);
    }
}
