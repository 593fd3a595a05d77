package org.cajal.runtime.internal.fused;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

import org.nd4j.linalg.factory.Nd4j;

/**
 * OpenBLAS's {@code cblas_sgemm} for the fused path's large products, through the binding the CPU backend
 * exports (the class ND4J itself calls, bound to the natives ND4J loaded). Operands are direct buffers, so nothing
 * is copied on the way in or out of the native call. JavaCPP passes a buffer's address plus its position: every
 * operand must be at position 0. Absent (another backend, or the binding not wired), the fused
 * path keeps to its Java loops.
 *
 * <p>Threads: OpenBLAS's pool is one per process; {@link #enter} gives it every core while a single fused run
 * multiplies large matrices, and one thread while several do (each run then has its own core), so that two pools
 * never spin against each other. The DL4J path sets nothing here: it leaves OpenBLAS as the launcher set it.
 */
final class Blas {

    /** Multiply-adds of one product below which the Java loops are faster than a native call. */
    static final long MIN_MACS = 64L * 64 * 64;

    private static final boolean AVAILABLE = probe();
    private static int users;
    private static int initialThreads = -1;

    private Blas() {
    }

    private static boolean probe() {
        if (Boolean.getBoolean("cajal.fused.noBlas")) {
            return false;
        }
        try {
            if (!Nd4j.getBackend().getClass().getName().contains("Cpu")) {
                return false;
            }
            FloatBuffer a = direct(1).put(0, 2f);
            FloatBuffer b = direct(1).put(0, 3f);
            FloatBuffer c = direct(1);
            org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm(
                    org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor,
                    org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans,
                    org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans, 1, 1, 1, 1f, a, 1, b, 1, 0f, c, 1);
            return c.get(0) == 6f;
        } catch (Throwable e) {
            // NoClassDefFoundError (not wired), UnsatisfiedLinkError (no natives): the Java loops serve
            return false;
        }
    }

    static boolean available() {
        return AVAILABLE;
    }

    /** A direct buffer of n floats in native order. */
    static FloatBuffer direct(int n) {
        return ByteBuffer.allocateDirect(Math.max(1, n) * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    /**
     * C = op(A) op(B), row-major; {@code ta}/{@code tb}: whether A/B are transposed.
     *
     * @param m rows of C
     * @param n columns of C
     * @param k the shared dimension
     */
    static void gemm(boolean ta, boolean tb, int m, int n, int k, FloatBuffer a, int lda, FloatBuffer b, int ldb,
                     FloatBuffer c, int ldc) {
        org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm(
                org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor,
                ta ? org.bytedeco.openblas.global.openblas_nolapack.CblasTrans
                        : org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans,
                tb ? org.bytedeco.openblas.global.openblas_nolapack.CblasTrans
                        : org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans,
                m, n, k, 1f, a, lda, b, ldb, 0f, c, ldc);
    }

    /** A fused run starts using large products: OpenBLAS gets every core if it is the only one. */
    static synchronized void enter() {
        if (!AVAILABLE) {
            return;
        }
        if (initialThreads < 0) {
            initialThreads = Nd4j.factory().blas().getMaxThreads();
        }
        users++;
        Nd4j.factory().blas().setMaxThreads(users == 1 ? Runtime.getRuntime().availableProcessors() : 1);
    }

    /** That run is done with them: OpenBLAS goes back to what the launcher set once no fused run uses it. */
    static synchronized void leave() {
        if (!AVAILABLE || users == 0) {
            return;
        }
        users--;
        Nd4j.factory().blas().setMaxThreads(users == 0 ? Math.max(1, initialThreads)
                : users == 1 ? Runtime.getRuntime().availableProcessors() : 1);
    }
}
