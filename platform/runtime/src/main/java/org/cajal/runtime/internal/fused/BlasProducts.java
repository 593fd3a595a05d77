package org.cajal.runtime.internal.fused;

import java.nio.FloatBuffer;

import org.cajal.runtime.internal.fused.FusedSupport.Stage;

/**
 * The fused path's large dense products through OpenBLAS ({@link Blas}): each stage's direct buffers (grown to the
 * largest batch), the forward product and the backward ones, and the share of OpenBLAS's threads the network
 * takes while it trains.
 */
final class BlasProducts {

    private final Stage[] stages;
    private final int[] wOff;
    private final int[] bOff;
    private final float[] params;
    private final float[] grad;
    private FloatBuffer[] wD;
    private FloatBuffer[] xD;
    private FloatBuffer[] zD;
    private FloatBuffer[] dD;
    private FloatBuffer[] gD;
    private FloatBuffer[] dxD;
    /** Whether this network holds a share of OpenBLAS's threads ({@link Blas#enter}). */
    private boolean threads;

    BlasProducts(Stage[] stages, int[] wOff, int[] bOff, float[] params, float[] grad) {
        this.stages = stages;
        this.wOff = wOff;
        this.bOff = bOff;
        this.params = params;
        this.grad = grad;
    }

    /** Whether a stage's product over {@code rows} examples goes to OpenBLAS. */
    boolean use(int s, int rows) {
        return Blas.available() && (long) rows * stages[s].nIn() * stages[s].nOut() >= Blas.MIN_MACS;
    }

    private void directBuffers(int s, int capacity) {
        if (wD == null) {
            int n = stages.length;
            wD = new FloatBuffer[n];
            xD = new FloatBuffer[n];
            zD = new FloatBuffer[n];
            dD = new FloatBuffer[n];
            gD = new FloatBuffer[n];
            dxD = new FloatBuffer[n];
        }
        Stage st = stages[s];
        if (wD[s] == null) {
            wD[s] = Blas.direct(st.nIn() * st.nOut());
            gD[s] = Blas.direct(st.nIn() * st.nOut());
        }
        if (xD[s] == null || xD[s].capacity() < capacity * st.nIn()) {
            xD[s] = Blas.direct(capacity * st.nIn());
            dxD[s] = Blas.direct(capacity * st.nIn());
            zD[s] = Blas.direct(capacity * st.nOut());
            dD[s] = Blas.direct(capacity * st.nOut());
        }
    }

    /** FusedNetwork's dense product through OpenBLAS: Z = X W (W column-major is W^T row-major), then the bias. */
    void dense(int s, float[] x, int rows, float[] z, int capacity) {
        directBuffers(s, capacity);
        Stage st = stages[s];
        int nIn = st.nIn();
        int nOut = st.nOut();
        FloatBuffer w = wD[s];
        w.clear();
        w.put(params, wOff[s], nIn * nOut).rewind();
        FloatBuffer xd = xD[s];
        xd.clear();
        xd.put(x, 0, rows * nIn).rewind();
        FloatBuffer zd = zD[s];
        Blas.gemm(false, true, rows, nOut, nIn, xd, nIn, w, nIn, zd, nOut);
        zd.clear();
        zd.get(z, 0, rows * nOut).rewind();
        int bo = bOff[s];
        for (int r = 0; r < rows; r++) {
            int zr = r * nOut;
            for (int j = 0; j < nOut; j++) {
                z[zr + j] += params[bo + j];
            }
        }
    }

    /**
     * A stage's gradients through OpenBLAS, from the direct copies its forward pass left (input and weights):
     * dW^T = delta^T X, db = column sums of delta, dX = delta W^T... in W^T's row-major terms dX = delta (W^T).
     */
    void backward(int s, float[] d, int rows, float[] dIn) {
        if (!threads) {
            threads = true;
            Blas.enter();
        }
        Stage st = stages[s];
        int nIn = st.nIn();
        int nOut = st.nOut();
        FloatBuffer dd = dD[s];
        dd.clear();
        dd.put(d, 0, rows * nOut).rewind();
        FloatBuffer gd = gD[s];
        Blas.gemm(true, false, nOut, nIn, rows, dd, nOut, xD[s], nIn, gd, nIn);
        gd.clear();
        gd.get(grad, wOff[s], nIn * nOut).rewind();
        int bo = bOff[s];
        for (int r = 0; r < rows; r++) {
            int dr = r * nOut;
            for (int j = 0; j < nOut; j++) {
                grad[bo + j] += d[dr + j];
            }
        }
        if (dIn != null) {
            FloatBuffer dx = dxD[s];
            Blas.gemm(false, false, rows, nIn, nOut, dd, nOut, wD[s], nIn, dx, nIn);
            dx.clear();
            dx.get(dIn, 0, rows * nIn).rewind();
        }
    }

    /** Gives back the share of OpenBLAS's threads, if one was taken. */
    void close() {
        if (threads) {
            threads = false;
            Blas.leave();
        }
    }
}
