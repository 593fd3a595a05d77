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
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.nd4j.linalg.activations.Activation;
import org.osgi.service.component.annotations.Component;

/** The long short-term memory layer, the standard recurrent layer for long-range dependencies in sequences. */
@Component(service = LayerType.class)
public final class LstmLayerType implements LayerType {

    static final String ID = "lstm";
    static final String UNITS = "units";

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "LSTM", "Recurrent",
            "Long short-term memory over a sequence [features, time]: at each step, sigmoid input, forget and "
                    + "output gates decide what the cell state keeps, giving [units, time] (the hidden state at "
                    + "every step). It has 4 * (features * units + units * units + units) parameters. Follow it "
                    + "with global-pooling and output to classify whole sequences, or sequence-output to predict "
                    + "at every step.",
            List.of(ParameterSpec.integer(UNITS, 16).range(1, 65536).unit("units")
                            .help("Size of the hidden state, i.e. features per time step of the output."),
                    ActivationChoice.spec(ActivationChoice.ELEMENTWISE, ActivationChoice.TANH)
                            .help("Activation of the cell input and output (tanh in the classic LSTM); the gates "
                                    + "always use sigmoid. " + ActivationChoice.HELP),
                    WeightInitChoice.spec()));

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public LayerBuild build(Parameters parameters, LayerContext context) throws LayerException {
        Shape input = InputShapes.sequence(context, ID);
        long nIn = input.dim(0);
        int units = parameters.getInt(UNITS);
        String activation = parameters.getString(ActivationChoice.KEY);
        LSTM layer = new LSTM.Builder()
                .nIn(nIn)
                .nOut(units)
                .activation(ActivationChoice.toDl4j(activation))
                .gateActivationFunction(Activation.SIGMOID)
                .weightInit(WeightInitChoice.toDl4j(parameters.getString(WeightInitChoice.KEY), activation))
                .build();
        return new LayerBuild(layer, Shape.of(units, input.dim(1)), 4 * (nIn * units + (long) units * units + units));
    }
}
