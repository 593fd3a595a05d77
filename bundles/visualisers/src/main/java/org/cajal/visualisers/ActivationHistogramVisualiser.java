package org.cajal.visualisers;

import java.util.List;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.visual.RunData;
import org.cajal.api.visual.Visualiser;
import org.osgi.service.component.annotations.Component;

/**
 * Histograms of each layer's outputs for up to {@value #MAX_INPUTS} evaluated inputs. The legend gives the share
 * of activations that are exactly 0, which for ReLU-like layers are inactive ("dead") units.
 */
@Component(service = Visualiser.class)
public final class ActivationHistogramVisualiser extends HistogramVisualiser {

    static final String ID = "activation-histogram";
    static final int MAX_INPUTS = 500;

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "Activation histogram",
            "Model",
            "The distribution of each layer's outputs when the trained model runs on up to " + MAX_INPUTS
                    + " evaluated inputs. Saturated layers pile up at the ends of their activation's range "
                    + "(sigmoid near 0 and 1, tanh near -1 and 1) and learn slowly; the legend gives the share of "
                    + "activations that are exactly 0, which for ReLU layers is the share of inactive units — a "
                    + "share near 100% means many units are dead.",
            parameters("activations"));

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    List<RunData.Values> values(RunData data) {
        RunData.Inputs inputs = data.inputs(MAX_INPUTS);
        if (inputs.rows().length == 0) {
            throw new IllegalArgumentException(ID + ": the run has no evaluated inputs to run the model on");
        }
        return data.activations(inputs.rows());
    }

    @Override
    String what() {
        return "activations";
    }

    @Override
    boolean showZeros() {
        return true;
    }
}
