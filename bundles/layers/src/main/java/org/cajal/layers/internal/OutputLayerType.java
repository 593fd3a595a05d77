package org.cajal.layers.internal;

import java.util.List;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.cajal.api.data.DataSchema;
import org.cajal.api.model.LayerBuild;
import org.cajal.api.model.LayerContext;
import org.cajal.api.model.LayerException;
import org.cajal.api.model.LayerType;
import org.cajal.api.model.Shape;
import org.cajal.api.train.Loss;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.osgi.service.component.annotations.Component;

/** The last layer of a stack: a dense layer whose outputs the training loss compares with the targets. */
@Component(service = LayerType.class)
public final class OutputLayerType implements LayerType {

    static final String ID = "output";
    static final String UNITS = "units";
    static final String ACTIVATION = "activation";
    static final String AUTO = "auto";

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "Output", "Output layers",
            "Fully connected output layer; must be the last layer. Its units and activation follow from the "
                    + "training loss and the dataset unless set: categorical-cross-entropy gives one softmax unit "
                    + "per class, binary-cross-entropy one sigmoid unit (the probability of the second class), "
                    + "mse and mae one identity unit per regression target.",
            List.of(
                    ParameterSpec.integer(UNITS, null).range(1, 65536).unit("units")
                            .help("Number of outputs. Leave it out to infer it: the class count for "
                                    + "categorical-cross-entropy, 1 for binary-cross-entropy, the number of "
                                    + "regression targets for mse and mae."),
                    ParameterSpec.choice(ACTIVATION, List.of(AUTO, ActivationChoice.IDENTITY,
                                    ActivationChoice.SIGMOID, ActivationChoice.SOFTMAX, ActivationChoice.TANH,
                                    ActivationChoice.RELU))
                            .help("auto: softmax for categorical-cross-entropy, sigmoid for binary-cross-entropy, "
                                    + "identity for mse and mae. " + ActivationChoice.HELP),
                    WeightInitChoice.spec()));

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public LayerBuild build(Parameters parameters, LayerContext context) throws LayerException {
        long nIn = FlatInput.width(context, ID);
        OutputRules rules = new OutputRules(context, FlatInput.name(context, ID));
        Loss loss = rules.loss();
        int units = parameters.optionalInt(UNITS).orElseGet(() -> inferredUnits(loss, context.schema()));
        String activation = resolvedActivation(parameters.getString(ACTIVATION), loss);
        rules.check(loss, activation, units);
        OutputLayer layer = new OutputLayer.Builder(LossFunctionChoice.toDl4j(loss))
                .nIn(nIn)
                .nOut(units)
                .activation(ActivationChoice.toDl4j(activation))
                .weightInit(WeightInitChoice.toDl4j(parameters.getString(WeightInitChoice.KEY), activation))
                .build();
        return new LayerBuild(layer, Shape.of(units), nIn * units + units);
    }

    static int inferredUnits(Loss loss, DataSchema schema) {
        return switch (loss) {
            case CATEGORICAL_CROSS_ENTROPY -> schema.classCount();
            case BINARY_CROSS_ENTROPY -> 1;
            case MSE, MAE -> schema.targetNames().size();
        };
    }

    static String resolvedActivation(String choice, Loss loss) {
        if (!AUTO.equals(choice)) {
            return choice;
        }
        return switch (loss) {
            case CATEGORICAL_CROSS_ENTROPY -> ActivationChoice.SOFTMAX;
            case BINARY_CROSS_ENTROPY -> ActivationChoice.SIGMOID;
            case MSE, MAE -> ActivationChoice.IDENTITY;
        };
    }
}
