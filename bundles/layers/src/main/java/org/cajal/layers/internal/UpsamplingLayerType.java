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
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.Upsampling1D;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;

/**
 * Enlarges a sequence or an image by repeating each element (nearest neighbour), the inverse of subsampling;
 * {@code upsampling-1d} and {@code upsampling-2d} are the subclasses.
 */
abstract class UpsamplingLayerType implements LayerType {

    static final String SIZE = "size";

    private final ComponentDescriptor descriptor;
    private final boolean image;

    UpsamplingLayerType(String id, boolean image) {
        this.image = image;
        String what = image ? "each pixel of an image [channels, height, width] into a size x size block"
                : "each time step of a sequence [features, time] size times";
        this.descriptor = new ComponentDescriptor(id, "Upsampling " + (image ? "2D" : "1D"), "Pooling",
                "Repeats " + what + " (nearest-neighbour upsampling), multiplying each " + (image ? "spatial axis"
                        : "the time axis") + " by size. DL4J 1.0.0-M2.1 offers only this duplicating mode: there "
                        + "is no bilinear interpolation; follow it with a convolution to smooth the result. No "
                        + "parameters to learn.",
                List.of(ParameterSpec.integer(SIZE, 2).range(1, 256).unit("times")
                        .help("Upsampling factor: how many times each element is repeated along each "
                                + (image ? "spatial axis" : "time") + ".")));
    }

    @Override
    public ComponentDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public LayerBuild build(Parameters parameters, LayerContext context) throws LayerException {
        String id = descriptor.id();
        Shape input = image ? InputShapes.image(context, id) : InputShapes.sequence(context, id);
        int size = parameters.getInt(SIZE);
        if (!image) {
            Layer layer = new Upsampling1D.Builder(size).build();
            return new LayerBuild(layer, Shape.of(input.dim(0), input.dim(1) * size), 0);
        }
        Layer layer = new Upsampling2D.Builder(size).build();
        return new LayerBuild(layer, Shape.of(input.dim(0), input.dim(1) * size, input.dim(2) * size), 0);
    }
}
