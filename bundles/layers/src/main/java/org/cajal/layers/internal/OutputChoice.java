package org.cajal.layers.internal;

import java.util.List;

import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.cajal.api.data.DataSchema;
import org.cajal.api.model.LayerContext;
import org.cajal.api.model.LayerException;
import org.cajal.api.train.Loss;
import org.deeplearning4j.nn.weights.WeightInit;

/**
 * What an output layer resolves to (loss, units, activation, weight init), shared by {@code output} and
 * {@code sequence-output} so both infer and check the same way.
 */
record OutputChoice(Loss loss, int units, String activation, WeightInit weightInit) {

    static final String UNITS = "units";
    static final String AUTO = "auto";

    /** The parameters of every output layer type, in display order. */
    static List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.integer(UNITS, null).range(1, 65536).unit("units")
                        .help("Number of outputs. Leave it out to infer it: the class count for "
                                + "categorical-cross-entropy, 1 for binary-cross-entropy, the number of "
                                + "regression targets for mse and mae."),
                ParameterSpec.choice(ActivationChoice.KEY, List.of(AUTO, ActivationChoice.IDENTITY,
                                ActivationChoice.SIGMOID, ActivationChoice.SOFTMAX, ActivationChoice.TANH,
                                ActivationChoice.RELU, ActivationChoice.LEAKY_RELU))
                        .help("auto: softmax for categorical-cross-entropy, sigmoid for binary-cross-entropy, "
                                + "identity for mse and mae. " + ActivationChoice.HELP),
                WeightInitChoice.spec());
    }

    /**
     * Resolves and checks the parameters against the loss and the dataset.
     *
     * @throws LayerException if this is not the last layer, or units, activation and loss do not fit the target
     */
    static OutputChoice resolve(Parameters parameters, LayerContext context, String layer) throws LayerException {
        OutputRules rules = new OutputRules(context, layer);
        Loss loss = rules.loss();
        int units = parameters.optionalInt(UNITS).orElseGet(() -> inferredUnits(loss, context.schema()));
        String activation = resolvedActivation(parameters.getString(ActivationChoice.KEY), loss);
        rules.check(loss, activation, units);
        WeightInit init = WeightInitChoice.toDl4j(parameters.getString(WeightInitChoice.KEY), activation);
        return new OutputChoice(loss, units, activation, init);
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
