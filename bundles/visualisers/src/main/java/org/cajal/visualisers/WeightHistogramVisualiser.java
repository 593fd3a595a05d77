package org.cajal.visualisers;

import java.util.List;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.visual.RunData;
import org.cajal.api.visual.Visualiser;
import org.osgi.service.component.annotations.Component;

/** Histograms of the trained model's parameters per layer (weights and biases together). */
@Component(service = Visualiser.class)
public final class WeightHistogramVisualiser extends HistogramVisualiser {

    static final String ID = "weight-histogram";

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "Weight histogram", "Model",
            "The distribution of each layer's trainable parameters (weights and biases) at the end of training. "
                    + "Healthy layers usually show a bell around 0 of moderate width; very wide tails suggest too "
                    + "high a learning rate or too little regularisation, and a spike at 0 with nothing else a layer "
                    + "that has not learnt.",
            parameters("parameters"));

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    List<RunData.Values> values(RunData data) {
        return data.weights();
    }

    @Override
    String what() {
        return "weights";
    }

    @Override
    boolean showZeros() {
        return false;
    }
}
