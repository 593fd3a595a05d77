package org.cajal.layers.internal;

import java.util.List;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.Parameters;
import org.cajal.api.model.LayerBuild;
import org.cajal.api.model.LayerContext;
import org.cajal.api.model.LayerException;
import org.cajal.api.model.LayerType;
import org.cajal.api.model.Shape;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.osgi.service.component.annotations.Component;

/** The 1-D convolution over time, which learns local patterns in a sequence wherever they occur. */
@Component(service = LayerType.class)
public final class Conv1dLayerType implements LayerType {

    static final String ID = "conv1d";

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "Conv 1D", "Convolution",
            "1-D convolution over a sequence [features, time]: each filter slides a window of kernelSize time "
                    + "steps over all features, giving [filters, time']. It has filters * features * kernelSize "
                    + "weights plus filters biases.",
            List.of(WindowSpecs.filters(), WindowSpecs.kernelSize("time"), WindowSpecs.stride(1),
                    Padding.spec(Padding.SAME), WindowSpecs.dilation(),
                    ActivationChoice.spec(ActivationChoice.ELEMENTWISE, ActivationChoice.RELU),
                    WeightInitChoice.spec()));

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public LayerBuild build(Parameters parameters, LayerContext context) throws LayerException {
        Shape input = InputShapes.sequence(context, ID);
        int kernel = parameters.getInt(WindowSpecs.KERNEL_SIZE);
        int stride = parameters.getInt(WindowSpecs.STRIDE);
        int dilation = parameters.getInt(WindowSpecs.DILATION);
        Padding padding = Padding.byId(parameters.getString(Padding.KEY));
        long time = new Window("time", kernel, stride, dilation, padding).apply(input.dim(1), context, ID);
        int filters = parameters.getInt(WindowSpecs.FILTERS);
        String activation = parameters.getString(ActivationChoice.KEY);
        Convolution1DLayer layer = new Convolution1DLayer.Builder()
                .kernelSize(kernel)
                .stride(stride)
                .dilation(dilation)
                .convolutionMode(padding.mode())
                .nIn(input.dim(0))
                .nOut(filters)
                .activation(ActivationChoice.toDl4j(activation))
                .weightInit(WeightInitChoice.toDl4j(parameters.getString(WeightInitChoice.KEY), activation))
                .build();
        return new LayerBuild(layer, Shape.of(filters, time), filters * input.dim(0) * kernel + filters);
    }
}
