package org.cajal.runtime.internal.fused;

import org.cajal.runtime.internal.fused.FusedSupport.Act;

/** The fused path's activation functions and their derivatives, in place over row-major buffers, as DL4J M2.1. */
final class Activations {

    private Activations() {
    }

    /** a = f(z), in place. */
    static void activate(Act act, float alpha, float[] z, int rows, int width) {
        int len = rows * width;
        switch (act) {
            case IDENTITY -> { }
            case RELU -> {
                for (int i = 0; i < len; i++) {
                    z[i] = z[i] > 0 ? z[i] : 0f;
                }
            }
            case LEAKY_RELU -> {
                for (int i = 0; i < len; i++) {
                    z[i] = z[i] < 0 ? z[i] * alpha : z[i];
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < len; i++) {
                    z[i] = (float) (1.0 / (1.0 + Math.exp(-z[i])));
                }
            }
            case TANH -> {
                for (int i = 0; i < len; i++) {
                    z[i] = (float) Math.tanh(z[i]);
                }
            }
            case SOFTMAX -> {
                for (int r = 0; r < rows; r++) {
                    int o = r * width;
                    float max = Float.NEGATIVE_INFINITY;
                    for (int j = 0; j < width; j++) {
                        max = Math.max(max, z[o + j]);
                    }
                    double sum = 0;
                    for (int j = 0; j < width; j++) {
                        float e = (float) Math.exp(z[o + j] - max);
                        z[o + j] = e;
                        sum += e;
                    }
                    float inv = (float) (1.0 / sum);
                    for (int j = 0; j < width; j++) {
                        z[o + j] *= inv;
                    }
                }
            }
            default -> throw new IllegalStateException(act.name());
        }
    }

    /** d = d * f'(z), from the activation's outputs a = f(z) (in place; softmax: its Jacobian times d). */
    static void derivative(Act act, float alpha, float[] a, float[] d, int rows, int width) {
        int len = rows * width;
        switch (act) {
            case IDENTITY -> { }
            case RELU -> {
                for (int i = 0; i < len; i++) {
                    d[i] = a[i] > 0 ? d[i] : 0f;
                }
            }
            case LEAKY_RELU -> {
                for (int i = 0; i < len; i++) {
                    d[i] = a[i] < 0 ? d[i] * alpha : d[i];
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < len; i++) {
                    d[i] *= a[i] * (1 - a[i]);
                }
            }
            case TANH -> {
                for (int i = 0; i < len; i++) {
                    d[i] *= 1 - a[i] * a[i];
                }
            }
            case SOFTMAX -> {
                for (int r = 0; r < rows; r++) {
                    int o = r * width;
                    float dot = 0;
                    for (int j = 0; j < width; j++) {
                        dot += d[o + j] * a[o + j];
                    }
                    for (int j = 0; j < width; j++) {
                        d[o + j] = a[o + j] * (d[o + j] - dot);
                    }
                }
            }
            default -> throw new IllegalStateException(act.name());
        }
    }
}
