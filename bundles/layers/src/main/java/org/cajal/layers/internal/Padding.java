package org.cajal.layers.internal;

import java.util.List;

import org.cajal.api.ParameterSpec;
import org.deeplearning4j.nn.conf.ConvolutionMode;

/** The padding modes of convolution and pooling windows, and DL4J's formula for the output length of each. */
enum Padding {
    /** Pad so that every input position starts a window: output length = ceil(input / stride). */
    SAME("same", ConvolutionMode.Same),
    /** No padding, windows that do not fit are dropped: output = floor((input - effective kernel) / stride) + 1. */
    VALID("valid", ConvolutionMode.Truncate);

    static final String KEY = "padding";

    private final String id;
    private final ConvolutionMode mode;

    Padding(String id, ConvolutionMode mode) {
        this.id = id;
        this.mode = mode;
    }

    String id() {
        return id;
    }

    ConvolutionMode mode() {
        return mode;
    }

    static Padding byId(String id) {
        return id.equals(SAME.id) ? SAME : VALID;
    }

    /** The {@code padding} parameter with the given default. */
    static ParameterSpec spec(Padding defaultValue) {
        return ParameterSpec.choice(KEY, List.of(SAME.id, VALID.id)).withDefault(defaultValue.id)
                .help("same: pad with zeros so the output length is ceil(input / stride) (with stride 1 the size "
                        + "is kept). valid: no padding; windows that do not fit are dropped, so the output length is "
                        + "floor((input - effective kernel) / stride) + 1, where effective kernel = kernel + "
                        + "(kernel - 1) * (dilation - 1).");
    }

    /**
     * The output length along one axis, exactly as DL4J computes it (ConvolutionMode Same or Truncate).
     *
     * @return the length, or a value below 1 when the (effective) kernel does not fit a valid window
     */
    long outputLength(long input, int kernel, int stride, int dilation) {
        if (this == SAME) {
            return (input + stride - 1) / stride;
        }
        long effective = effectiveKernel(kernel, dilation);
        return input < effective ? 0 : (input - effective) / stride + 1;
    }

    static long effectiveKernel(int kernel, int dilation) {
        return kernel + (long) (kernel - 1) * (dilation - 1);
    }
}
