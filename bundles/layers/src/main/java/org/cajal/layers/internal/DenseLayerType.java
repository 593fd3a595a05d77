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
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.osgi.service.component.annotations.Component;

/** The fully connected layer, the building block of every multilayer perceptron. */
@Component(service = LayerType.class)
public final class DenseLayerType implements LayerType {

    static final String ID = "dense";
    static final String UNITS = "units";
    static final String ACTIVATION = "activation";
    static final String INPUTS = "inputs";

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "Dense", "Core layers",
            "Fully connected layer: every unit computes activation(w . x + b) from all inputs, so it has "
                    + "inputs * units weights plus units biases. Stacking dense layers with non-linear "
                    + "activations gives a multilayer perceptron. An image arriving here is flattened first "
                    + "(inputs = channels * height * width); a sequence is transformed one time step at a time "
                    + "(inputs = features, output [units, time]).",
            List.of(
                    ParameterSpec.integer(UNITS, 8).range(1, 65536).unit("units")
                            .help("Number of neurons; this is the width of the layer's output."),
                    ParameterSpec.choice(ACTIVATION, ActivationChoice.IDS).withDefault(ActivationChoice.RELU).help(ActivationChoice.HELP),
                    ParameterSpec.integer(INPUTS, null).atLeast(1).unit("values")
                            .help("Optional: the input width you expect (for an image: channels * height * width, "
                                    + "for a sequence: its features per time step). If given, it is checked against "
                                    + "what the previous layer or the dataset produces; leave it out to accept any "
                                    + "width."),
                    WeightInitChoice.spec()));

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public LayerBuild build(Parameters parameters, LayerContext context) throws LayerException {
        long nIn = InputShapes.fullyConnectedWidth(context.input());
        checkExpectedInputs(parameters, context, nIn);
        int units = parameters.getInt(UNITS);
        String activation = parameters.getString(ACTIVATION);
        DenseLayer layer = new DenseLayer.Builder()
                .nIn(nIn)
                .nOut(units)
                .activation(ActivationChoice.toDl4j(activation))
                .weightInit(WeightInitChoice.toDl4j(parameters.getString(WeightInitChoice.KEY), activation))
                .build();
        Shape output = context.input().rank() == 2 ? Shape.of(units, context.input().dim(1)) : Shape.of(units);
        return new LayerBuild(layer, output, nIn * units + units);
    }

    private static void checkExpectedInputs(Parameters parameters, LayerContext context, long nIn)
            throws LayerException {
        Integer expected = parameters.optionalInt(INPUTS).orElse(null);
        if (expected != null && expected != nIn) {
            throw new LayerException(InputShapes.name(context, ID) + " expects " + expected + " inputs but "
                    + context.previous() + " produces " + context.input() + perStep(context) + "; set '" + INPUTS
                    + "' to " + nIn + " or remove it");
        }
    }

    private static String perStep(LayerContext context) {
        return switch (context.input().rank()) {
            case 2 -> " (" + context.input().dim(0) + " features per time step)";
            case 3 -> " (" + context.input().elements() + " values once flattened)";
            default -> "";
        };
    }
}
