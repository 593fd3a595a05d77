package org.cajal.layers.internal;

import java.util.List;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.cajal.api.model.LayerBuild;
import org.cajal.api.model.LayerContext;
import org.cajal.api.model.LayerType;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.nd4j.linalg.activations.Activation;
import org.osgi.service.component.annotations.Component;

/** Dropout as a layer of its own, the simplest regulariser against co-adapted units. */
@Component(service = LayerType.class)
public final class DropoutLayerType implements LayerType {

    static final String ID = "dropout";
    static final String RATE = "rate";

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "Dropout", "Regularisation",
            "During training, sets each incoming value to 0 with probability rate and scales the survivors by "
                    + "1 / (1 - rate), so the expected activation is unchanged; at prediction time it passes values "
                    + "through untouched. Works on vectors, sequences and images; the shape is unchanged and "
                    + "there are no parameters to learn.",
            List.of(ParameterSpec.number(RATE, 0.5).range(0, 0.95).unit("probability")
                    .help("Probability of dropping each value (0 = no dropout). Typical: 0.2 to 0.5.")));

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public LayerBuild build(Parameters parameters, LayerContext context) {
        double rate = parameters.getDouble(RATE);
        // DL4J's Dropout takes the probability of RETAINING a value, the complement of our rate
        DropoutLayer layer = new DropoutLayer.Builder()
                .dropOut(new Dropout(1.0 - rate))
                .activation(Activation.IDENTITY)
                .build();
        return new LayerBuild(layer, context.input(), 0);
    }
}
