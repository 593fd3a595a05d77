package org.cajal.layers.internal;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.Parameters;
import org.cajal.api.model.LayerBuild;
import org.cajal.api.model.LayerContext;
import org.cajal.api.model.LayerException;
import org.cajal.api.model.LayerType;
import org.cajal.api.model.Shape;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.osgi.service.component.annotations.Component;

/** The last layer of a sequence model that predicts at every time step (tagging, next-step forecasting). */
@Component(service = LayerType.class)
public final class SequenceOutputLayerType implements LayerType {

    static final String ID = "sequence-output";

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "Sequence output",
            "Output layers",
            "Output layer applied at every time step of a sequence [features, time]: the same weights turn each "
                    + "step's features into a prediction, giving [units, time]; must be the last layer, and the "
                    + "targets are then one per time step. Units and activation follow from the loss and the "
                    + "dataset exactly as for output. For one prediction per sequence use global-pooling and "
                    + "output instead.",
            OutputChoice.parameters());

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public LayerBuild build(Parameters parameters, LayerContext context) throws LayerException {
        String name = InputShapes.name(context, ID);
        if (context.input().rank() != 2) {
            throw new LayerException(name + " predicts at every time step and needs a sequence [features, time] "
                    + "but " + InputShapes.arriving(context) + "; use output for one prediction per example");
        }
        long nIn = context.input().dim(0);
        OutputChoice choice = OutputChoice.resolve(parameters, context, name);
        RnnOutputLayer layer = new RnnOutputLayer.Builder(LossFunctionChoice.toDl4j(choice.loss()))
                .nIn(nIn)
                .nOut(choice.units())
                .activation(ActivationChoice.toDl4j(choice.activation()))
                .weightInit(choice.weightInit())
                .build();
        Shape output = Shape.of(choice.units(), context.input().dim(1));
        return new LayerBuild(layer, output, nIn * choice.units() + choice.units());
    }
}
