package org.cajal.layers.internal;

import java.util.List;
import java.util.Map;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.cajal.api.model.LayerBuild;
import org.cajal.api.model.LayerContext;
import org.cajal.api.model.LayerException;
import org.cajal.api.model.LayerType;
import org.cajal.api.model.Shape;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.osgi.service.component.annotations.Component;

/** Summarises a whole sequence or image into one vector, the bridge from sequence or conv layers to output. */
@Component(service = LayerType.class)
public final class GlobalPoolingLayerType implements LayerType {

    static final String ID = "global-pooling";
    static final String POOLING = "pooling";
    static final String PNORM = "pnorm";

    private static final Map<String, PoolingType> TYPES = Map.of("max", PoolingType.MAX, "avg", PoolingType.AVG,
            "sum", PoolingType.SUM, "pnorm", PoolingType.PNORM);

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "Global pooling", "Pooling",
            "Pools over the whole time axis of a sequence [features, time], giving [features], or over the whole "
                    + "height and width of an image [channels, height, width], giving [channels]. Put it before "
                    + "output to classify whole sequences or images. No parameters to learn.",
            List.of(ParameterSpec.choice(POOLING, List.of("max", "avg", "sum", "pnorm"))
                            .help("max: the largest value; avg: the mean; sum: the sum; pnorm: (sum |x|^p)^(1/p)."),
                    ParameterSpec.integer(PNORM, 2).range(1, 16)
                            .help("The p of pnorm pooling; ignored by the other pooling types.")));

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public LayerBuild build(Parameters parameters, LayerContext context) throws LayerException {
        Shape input = InputShapes.imageOrSequence(context, ID);
        GlobalPoolingLayer layer = new GlobalPoolingLayer.Builder(TYPES.get(parameters.getString(POOLING)))
                .pnorm(parameters.getInt(PNORM))
                .collapseDimensions(true)
                .build();
        return new LayerBuild(layer, Shape.of(input.dim(0)), 0);
    }
}
