package org.cajal.layers.internal;

import java.util.List;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.Parameters;
import org.cajal.api.model.LayerBuild;
import org.cajal.api.model.LayerContext;
import org.cajal.api.model.LayerException;
import org.cajal.api.model.LayerType;
import org.cajal.api.model.Shape;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.osgi.service.component.annotations.Component;

/** The 2-D convolution, which learns local image features shared across all positions. */
@Component(service = LayerType.class)
public final class Conv2dLayerType implements LayerType {

    static final String ID = "conv2d";

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "Conv 2D", "Convolution",
            "2-D convolution over an image [channels, height, width]: each filter slides a kernelHeight x "
                    + "kernelWidth window over all input channels, giving [filters, height', width']. It has "
                    + "filters * channels * kernelHeight * kernelWidth weights plus filters biases.",
            List.of(WindowSpecs.filters(), WindowSpecs.kernelSize("height and width"), WindowSpecs.kernelHeight(),
                    WindowSpecs.kernelWidth(), WindowSpecs.stride(1), Padding.spec(Padding.SAME),
                    WindowSpecs.dilation(),
                    ActivationChoice.spec(ActivationChoice.ELEMENTWISE, ActivationChoice.RELU),
                    WeightInitChoice.spec()));

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public LayerBuild build(Parameters parameters, LayerContext context) throws LayerException {
        Shape input = InputShapes.image(context, ID);
        int kernel = parameters.getInt(WindowSpecs.KERNEL_SIZE);
        int kernelHeight = parameters.optionalInt(WindowSpecs.KERNEL_HEIGHT).orElse(kernel);
        int kernelWidth = parameters.optionalInt(WindowSpecs.KERNEL_WIDTH).orElse(kernel);
        int stride = parameters.getInt(WindowSpecs.STRIDE);
        int dilation = parameters.getInt(WindowSpecs.DILATION);
        Padding padding = Padding.byId(parameters.getString(Padding.KEY));
        long height = new Window("height", kernelHeight, stride, dilation, padding).apply(input.dim(1), context, ID);
        long width = new Window("width", kernelWidth, stride, dilation, padding).apply(input.dim(2), context, ID);
        int filters = parameters.getInt(WindowSpecs.FILTERS);
        String activation = parameters.getString(ActivationChoice.KEY);
        ConvolutionLayer layer = new ConvolutionLayer.Builder(kernelHeight, kernelWidth)
                .nIn(input.dim(0))
                .nOut(filters)
                .stride(stride, stride)
                .dilation(dilation, dilation)
                .convolutionMode(padding.mode())
                .activation(ActivationChoice.toDl4j(activation))
                .weightInit(WeightInitChoice.toDl4j(parameters.getString(WeightInitChoice.KEY), activation))
                .build();
        long weights = filters * input.dim(0) * kernelHeight * kernelWidth;
        return new LayerBuild(layer, Shape.of(filters, height, width), weights + filters);
    }
}
