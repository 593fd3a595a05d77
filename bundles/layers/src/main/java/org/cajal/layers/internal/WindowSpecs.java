package org.cajal.layers.internal;

import org.cajal.api.ParameterSpec;

/** The parameter specs of windowed layers (convolution, pooling), worded once so every form reads the same. */
final class WindowSpecs {

    static final String FILTERS = "filters";
    static final String KERNEL_SIZE = "kernelSize";
    static final String KERNEL_HEIGHT = "kernelHeight";
    static final String KERNEL_WIDTH = "kernelWidth";
    static final String STRIDE = "stride";
    static final String DILATION = "dilation";
    static final String POOL_SIZE = "poolSize";

    private WindowSpecs() {
    }

    static ParameterSpec filters() {
        return ParameterSpec.integer(FILTERS, 16).range(1, 65536).unit("channels")
                .help("Number of filters, i.e. output channels; each filter learns one feature detector.");
    }

    static ParameterSpec kernelSize(String extent) {
        return ParameterSpec.integer(KERNEL_SIZE, 3).range(1, 1024).unit("steps")
                .help("Size of each filter along " + extent + ".");
    }

    static ParameterSpec kernelHeight() {
        return ParameterSpec.integer(KERNEL_HEIGHT, null).range(1, 1024).unit("pixels")
                .help("Optional: filter height, if it differs from kernelSize.");
    }

    static ParameterSpec kernelWidth() {
        return ParameterSpec.integer(KERNEL_WIDTH, null).range(1, 1024).unit("pixels")
                .help("Optional: filter width, if it differs from kernelSize.");
    }

    static ParameterSpec stride(int defaultValue) {
        return ParameterSpec.integer(STRIDE, defaultValue).range(1, 1024).unit("steps")
                .help("Step between neighbouring windows; a stride of s shrinks each axis about s times.");
    }

    static ParameterSpec dilation() {
        return ParameterSpec.integer(DILATION, 1).range(1, 256).unit("steps")
                .help("Gap between the filter's taps (1 = contiguous). Dilation d widens a kernel k to cover "
                        + "k + (k - 1)(d - 1) steps without adding weights.");
    }

    static ParameterSpec poolSize() {
        return ParameterSpec.integer(POOL_SIZE, 2).range(1, 1024).unit("steps")
                .help("Size of each pooling window (along every spatial axis for images).");
    }

    static ParameterSpec poolStride() {
        return ParameterSpec.integer(STRIDE, null).range(1, 1024).unit("steps")
                .help("Step between neighbouring windows; leave it out to use poolSize (windows side by side, "
                        + "no overlap).");
    }
}
