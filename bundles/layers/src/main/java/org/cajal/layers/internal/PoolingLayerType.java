package org.cajal.layers.internal;

import java.util.List;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.Parameters;
import org.cajal.api.model.LayerBuild;
import org.cajal.api.model.LayerContext;
import org.cajal.api.model.LayerException;
import org.cajal.api.model.LayerType;
import org.cajal.api.model.Shape;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.Subsampling1DLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;

/**
 * Max or mean pooling over windows of a sequence (1-D) or an image (2-D); the four palette entries
 * ({@code max-pool-1d}, ...) are the subclasses, which differ only in these two choices.
 */
abstract class PoolingLayerType implements LayerType {

    private final ComponentDescriptor descriptor;
    private final boolean image;
    private final PoolingType pooling;

    PoolingLayerType(String id, boolean image, PoolingType pooling) {
        this.image = image;
        this.pooling = pooling;
        String what = pooling == PoolingType.MAX ? "maximum" : "mean";
        String input = image ? "image [channels, height, width], over poolSize x poolSize windows of each "
                + "channel" : "sequence [features, time], over windows of poolSize time steps of each feature";
        this.descriptor = new ComponentDescriptor(id, displayName(what, image), "Pooling",
                "Takes the " + what + " of each window of a " + input + ", shrinking the " + (image ? "image" : "sequence")
                        + " about stride times and keeping the number of " + (image ? "channels" : "features")
                        + ". No parameters to learn.",
                List.of(WindowSpecs.poolSize(), WindowSpecs.poolStride(), Padding.spec(Padding.VALID)));
    }

    private static String displayName(String what, boolean image) {
        String kind = what.equals("maximum") ? "Max" : "Mean";
        return kind + " pool " + (image ? "2D" : "1D");
    }

    @Override
    public ComponentDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public LayerBuild build(Parameters parameters, LayerContext context) throws LayerException {
        String id = descriptor.id();
        Shape input = image ? InputShapes.image(context, id) : InputShapes.sequence(context, id);
        int size = parameters.getInt(WindowSpecs.POOL_SIZE);
        int stride = parameters.optionalInt(WindowSpecs.STRIDE).orElse(size);
        Padding padding = Padding.byId(parameters.getString(Padding.KEY));
        if (!image) {
            long time = new Window("time", size, stride, 1, padding).apply(input.dim(1), context, id);
            Layer layer = new Subsampling1DLayer.Builder(pooling).kernelSize(size).stride(stride)
                    .convolutionMode(padding.mode())
                    .avgPoolIncludePadInDivisor(false)
                    .build();
            return new LayerBuild(layer, Shape.of(input.dim(0), time), 0);
        }
        long height = new Window("height", size, stride, 1, padding).apply(input.dim(1), context, id);
        long width = new Window("width", size, stride, 1, padding).apply(input.dim(2), context, id);
        Layer layer = new SubsamplingLayer.Builder(pooling).kernelSize(size, size).stride(stride, stride)
                .convolutionMode(padding.mode())
                .avgPoolIncludePadInDivisor(false)
                .build();
        return new LayerBuild(layer, Shape.of(input.dim(0), height, width), 0);
    }
}
