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
import org.osgi.service.component.annotations.Component;

/** The gated recurrent unit, a lighter alternative to the LSTM with one state and two gates. */
@Component(service = LayerType.class)
public final class GruLayerType implements LayerType {

    static final String ID = "gru";
    static final String UNITS = "units";

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "GRU", "Recurrent",
            "Gated recurrent unit over a sequence [features, time]: at each step a sigmoid reset gate r and "
                    + "update gate z mix the previous hidden state h with a tanh candidate n = tanh(x Wn + (r * h) "
                    + "Un + bn), h' = z * h + (1 - z) * n (Cho et al. 2014), giving [units, time]. It has "
                    + "3 * (features * units + units * units + units) parameters. The activations are fixed "
                    + "(sigmoid gates, tanh candidate). DL4J 1.0.0-M2.1 has no GRU layer, so this one runs as a "
                    + "SameDiff layer, unrolled over the length of the first batch: every batch must have that sequence "
                    + "length, and sequence masks are ignored (padded steps are processed like real ones).",
            List.of(ParameterSpec.integer(UNITS, 16).range(1, 65536).unit("units")
                            .help("Size of the hidden state, i.e. features per time step of the output."),
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
        GruLayer layer = new GruLayer(nIn, units,
                WeightInitChoice.toDl4j(parameters.getString(WeightInitChoice.KEY), ActivationChoice.TANH));
        return new LayerBuild(layer, Shape.of(units, input.dim(1)), GruLayer.parameterCount(nIn, units));
    }
}
