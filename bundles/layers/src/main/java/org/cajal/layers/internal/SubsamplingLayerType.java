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
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.Subsampling1DLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;

/**
 * Keeps every k-th time step or pixel and drops the rest (the course's "subsampling", as opposed to pooling);
 * {@code subsampling-1d} and {@code subsampling-2d} are the subclasses.
 */
abstract class SubsamplingLayerType implements LayerType {

    static final String FACTOR = "factor";

    private final ComponentDescriptor descriptor;
    private final boolean image;

    SubsamplingLayerType(String id, boolean image) {
        this.image = image;
        String axes = image ? "every factor-th row and column of an image [channels, height, width]"
                : "every factor-th time step of a sequence [features, time]";
        this.descriptor = new ComponentDescriptor(id, "Subsampling " + (image ? "2D" : "1D"), "Pooling",
                "Keeps " + axes + ", starting with the first, and drops the others: each axis of length n becomes "
                        + "ceil(n / factor). Unlike pooling nothing is averaged or maximised. (Built as DL4J pooling "
                        + "with a window of 1 and a stride of factor.) No parameters to learn.",
                List.of(ParameterSpec.integer(FACTOR, 2).range(1, 1024).unit("steps")
                        .help("Keep one of every factor elements along each " + (image ? "spatial axis" : "time")
                                + ".")));
    }

    @Override
    public ComponentDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public LayerBuild build(Parameters parameters, LayerContext context) throws LayerException {
        String id = descriptor.id();
        Shape input = image ? InputShapes.image(context, id) : InputShapes.sequence(context, id);
        int factor = parameters.getInt(FACTOR);
        if (!image) {
            Layer layer = new Subsampling1DLayer.Builder(PoolingType.MAX).kernelSize(1).stride(factor)
                    .convolutionMode(ConvolutionMode.Truncate).build();
            return new LayerBuild(layer, Shape.of(input.dim(0), kept(input.dim(1), factor)), 0);
        }
        Layer layer = new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(1, 1).stride(factor, factor)
                .convolutionMode(ConvolutionMode.Truncate).build();
        Shape output = Shape.of(input.dim(0), kept(input.dim(1), factor), kept(input.dim(2), factor));
        return new LayerBuild(layer, output, 0);
    }

    /** Elements 0, factor, 2 factor, ... of an axis of the given length. */
    private static long kept(long length, int factor) {
        return (length + factor - 1) / factor;
    }
}
