package org.cajal.layers.internal;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.Parameters;
import org.cajal.api.model.LayerBuild;
import org.cajal.api.model.LayerContext;
import org.cajal.api.model.LayerException;
import org.cajal.api.model.LayerType;
import org.cajal.api.model.Shape;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.osgi.service.component.annotations.Component;

/** The last layer of a stack: a dense layer whose outputs the training loss compares with the targets. */
@Component(service = LayerType.class)
public final class OutputLayerType implements LayerType {

    static final String ID = "output";

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "Output", "Output layers",
            "Fully connected output layer giving one prediction per example; must be the last layer. Its units "
                    + "and activation follow from the training loss and the dataset unless set: "
                    + "categorical-cross-entropy gives one softmax unit per class, binary-cross-entropy one sigmoid "
                    + "unit (the probability of the second class), mse and mae one identity unit per regression "
                    + "target. Takes a feature vector; an image is flattened first. For a sequence use "
                    + "sequence-output (one prediction per time step) or global-pooling before it.",
            OutputChoice.parameters());

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public LayerBuild build(Parameters parameters, LayerContext context) throws LayerException {
        String name = InputShapes.name(context, ID);
        if (context.input().rank() == 2) {
            throw new LayerException(name + " gives one prediction per example but " + InputShapes.arriving(context)
                    + "; use sequence-output for one prediction per time step, or put a global-pooling layer "
                    + "before " + ID + " to summarise the sequence into one vector");
        }
        long nIn = InputShapes.fullyConnectedWidth(context.input());
        OutputChoice choice = OutputChoice.resolve(parameters, context, name);
        OutputLayer layer = new OutputLayer.Builder(LossFunctionChoice.toDl4j(choice.loss()))
                .nIn(nIn)
                .nOut(choice.units())
                .activation(ActivationChoice.toDl4j(choice.activation()))
                .weightInit(choice.weightInit())
                .build();
        return new LayerBuild(layer, Shape.of(choice.units()), nIn * choice.units() + choice.units());
    }
}
