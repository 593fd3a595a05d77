package org.cajal.layers.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.cajal.api.data.DataSchema;
import org.cajal.api.data.TargetKind;
import org.cajal.api.model.LayerContext;
import org.cajal.api.model.LayerException;
import org.cajal.api.train.Loss;

/** The checks that keep an output layer, the training loss and the dataset's target consistent with each other. */
final class OutputRules {

    private final LayerContext context;
    private final String layer;

    OutputRules(LayerContext context, String layer) {
        this.context = context;
        this.layer = layer;
    }

    /**
     * The training loss, after checking that this is the last layer and that the loss fits the target kind.
     */
    Loss loss() throws LayerException {
        if (!context.last()) {
            throw new LayerException(layer + " must be the last layer of the stack, because the loss is applied to "
                    + "its outputs; move it to the end, or use a dense layer here");
        }
        Loss loss = Loss.byId(context.loss()).orElseThrow(() -> new LayerException(layer + ": unknown loss '"
                + context.loss() + "'; known losses: " + String.join(", ", Loss.ids())));
        if (!loss.fits(context.schema().targetKind())) {
            throw new LayerException(layer + ": loss '" + loss.id() + "' does not fit " + target() + "; "
                    + fittingLosses());
        }
        return loss;
    }

    /** Checks units and activation against the loss and the dataset. */
    void check(Loss loss, String activation, int units) throws LayerException {
        switch (loss) {
            case CATEGORICAL_CROSS_ENTROPY -> checkCategorical(activation, units);
            case BINARY_CROSS_ENTROPY -> checkBinary(activation, units);
            case MSE, MAE -> checkRegression(units);
        }
    }

    private void checkCategorical(String activation, int units) throws LayerException {
        DataSchema schema = context.schema();
        if (units != schema.classCount()) {
            String hint = units == 1 && schema.targetKind() == TargetKind.BINARY
                    ? "; for a single probability output use loss binary-cross-entropy with activation sigmoid" : "";
            throw new LayerException(layer + " has " + units + " units but the dataset has " + schema.classCount()
                    + " classes (" + String.join(", ", schema.classLabels()) + "); categorical-cross-entropy "
                    + "needs one unit per class: set units to " + schema.classCount() + " or remove it" + hint);
        }
        if (!ActivationChoice.SOFTMAX.equals(activation)) {
            throw new LayerException(layer + ": categorical-cross-entropy needs activation softmax (class "
                    + "probabilities that sum to 1) but activation is '" + activation + "'; set activation to "
                    + "softmax or auto");
        }
    }

    private void checkBinary(String activation, int units) throws LayerException {
        if (units != 1) {
            throw new LayerException(layer + " has " + units + " units but binary-cross-entropy needs 1 unit "
                    + "(the probability of class '" + context.schema().classLabels().get(1) + "'); set units to 1 "
                    + "or remove it, or use categorical-cross-entropy with softmax for one unit per class");
        }
        if (!ActivationChoice.SIGMOID.equals(activation)) {
            throw new LayerException(layer + ": binary-cross-entropy needs activation sigmoid (a probability "
                    + "between 0 and 1) but activation is '" + activation + "'; set activation to sigmoid or auto");
        }
    }

    private void checkRegression(int units) throws LayerException {
        List<String> targets = context.schema().targetNames();
        if (units != targets.size()) {
            throw new LayerException(layer + " has " + units + " units but the dataset has " + targets.size()
                    + " regression target" + (targets.size() == 1 ? "" : "s") + " (" + String.join(", ", targets)
                    + "); set units to " + targets.size() + " or remove it");
        }
    }

    private String target() {
        DataSchema schema = context.schema();
        if (schema.targetKind() == TargetKind.NONE) {
            return "the dataset, which has no target";
        }
        return "the dataset's " + schema.targetKind().name().toLowerCase(Locale.ROOT) + " target '"
                + String.join(", ", schema.targetNames()) + "'";
    }

    private String fittingLosses() {
        List<String> fitting = Arrays.stream(Loss.values())
                .filter(l -> l.fits(context.schema().targetKind())).map(Loss::id).toList();
        return fitting.isEmpty() ? "an output layer needs a dataset with a target"
                : "losses that fit: " + String.join(", ", fitting);
    }
}
