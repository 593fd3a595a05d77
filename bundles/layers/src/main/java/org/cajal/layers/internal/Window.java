package org.cajal.layers.internal;

import org.cajal.api.model.LayerContext;
import org.cajal.api.model.LayerException;

/**
 * A sliding window (convolution kernel or pooling area) along one axis of the input, so that the output length
 * and the "kernel larger than input" message are computed once for conv and pooling, 1-D and 2-D.
 *
 * @param axis the axis' name in messages ({@code time}, {@code height}, {@code width})
 * @param kernel window size
 * @param stride step between windows
 * @param dilation gap between kernel taps (1 = contiguous)
 * @param padding same or valid
 */
record Window(String axis, int kernel, int stride, int dilation, Padding padding) {

    /**
     * The output length for an input of {@code length} along this axis.
     *
     * @throws LayerException if the window does not fit, naming the layer, the shapes and the ways out
     */
    long apply(long length, LayerContext context, String type) throws LayerException {
        long out = padding.outputLength(length, kernel, stride, dilation);
        if (out < 1) {
            long effective = Padding.effectiveKernel(kernel, dilation);
            String kernelText = dilation == 1 ? "window " + kernel
                    : "window " + kernel + " with dilation " + dilation + " (effective size " + effective + ")";
            throw new LayerException(InputShapes.name(context, type) + ": the " + axis + " " + kernelText
                    + " is larger than the input's " + axis + " " + length + " (" + InputShapes.arriving(context)
                    + ") with padding valid, so no window fits and the output would be empty; use a " + axis
                    + " window of at most " + length + (dilation == 1 ? "" : " or a smaller dilation")
                    + ", padding same, or remove a pooling or strided layer before it");
        }
        return out;
    }
}
