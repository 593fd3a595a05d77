package org.cajal.runtime.internal.fused;

/**
 * The inner loops of the fused path, written so that HotSpot's C2 compiles them to vector instructions (axpy) or
 * to four independent accumulation chains (dot).
 */
final class Kernels {

    private Kernels() {
    }

    /** sum_i a[ao + i] * b[bo + i] for i in [0, n). */
    static float dot(float[] a, int ao, float[] b, int bo, int n) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[ao + i] * b[bo + i];
            s1 += a[ao + i + 1] * b[bo + i + 1];
            s2 += a[ao + i + 2] * b[bo + i + 2];
            s3 += a[ao + i + 3] * b[bo + i + 3];
        }
        for (; i < n; i++) {
            s0 += a[ao + i] * b[bo + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** y[yo + i] += alpha * x[xo + i] for i in [0, n). */
    static void axpy(float alpha, float[] x, int xo, float[] y, int yo, int n) {
        for (int i = 0; i < n; i++) {
            y[yo + i] += alpha * x[xo + i];
        }
    }
}
