package org.cajal.runtime.internal.fused;

import java.util.Arrays;

import org.cajal.runtime.internal.fused.FusedSupport.Plan;
import org.cajal.runtime.internal.fused.FusedSupport.Stage;
import org.nd4j.linalg.learning.regularization.Regularization;

/**
 * The numeric core of the fused path: a dense stack's parameters, gradient and optimizer state in Java arrays, and
 * one training step as a handful of loops. Not thread-safe; one instance per run.
 *
 * <p>Layout: {@link #params()} is exactly DL4J's flattened parameter vector ({@code MultiLayerNetwork.params()}):
 * per dense layer, {@code W} [nIn, nOut] in column-major order (column {@code j}, the weights into unit {@code j},
 * is contiguous) followed by {@code b} [nOut]. So a forward pass is one dot product per (example, unit) over two
 * contiguous rows, and the weight gradient and the backward pass are contiguous axpy loops the JIT vectorises.
 *
 * <p>A step, as DL4J M2.1 does it: forward (dropout and input noise in training), the score (mean loss over the
 * mini-batch plus every penalty's score), backward (gradients divided by the mini-batch size), L1/L2 added to the
 * weight gradients, the updater turns gradients into updates, weight decay is added to the updates, and the
 * parameters are reduced by the updates.
 */
public final class FusedNetwork {

    private final Stage[] stages;
    private final FusedLoss lossFn;
    private final int[] wOff;
    private final int[] bOff;
    private final float[] params;
    private final float[] grad;
    private final FusedUpdater updater;
    private final SplitMix random;
    private final int inputWidth;
    private final int outputWidth;
    private int iteration;
    private int epoch;

    // per-batch buffers, grown to the largest batch seen
    private int capacity;
    private float[][] in;
    private float[][] mask;
    private float[][] out;
    private float[][] delta;
    private float[] lastInput;

    private final Penalties penalties;
    /** The products of the stages large enough for OpenBLAS. */
    private final BlasProducts blas;

    /**
     * @param plan what {@link FusedSupport#plan} found
     * @param initial the initial parameters, in DL4J's layout (copied)
     * @param seed seeds the dropout masks and input noise (DL4J's own random stream cannot be reproduced here)
     */
    public FusedNetwork(Plan plan, float[] initial, long seed) {
        this.stages = plan.stages().toArray(Stage[]::new);
        this.wOff = new int[stages.length];
        this.bOff = new int[stages.length];
        int offset = 0;
        for (int s = 0; s < stages.length; s++) {
            if (stages[s].dense()) {
                wOff[s] = offset;
                offset += stages[s].nIn() * stages[s].nOut();
                bOff[s] = offset;
                offset += stages[s].nOut();
            } else {
                wOff[s] = -1;
                bOff[s] = -1;
            }
        }
        if (offset != initial.length) {
            throw new IllegalArgumentException("the network has " + initial.length + " parameters, the fused layout "
                    + offset);
        }
        this.params = initial.clone();
        this.grad = new float[offset];
        this.updater = FusedUpdater.of(plan.updater(), offset);
        this.random = new SplitMix(seed);
        this.inputWidth = plan.inputWidth();
        this.outputWidth = stages[stages.length - 1].nOut();
        this.lossFn = new FusedLoss(plan.loss(), (float) plan.clipEps(), stages[stages.length - 1]);
        this.penalties = new Penalties(stages, wOff, bOff, params, grad);
        this.blas = new BlasProducts(stages, wOff, bOff, params, grad);
    }

    /** The parameters, in DL4J's layout (live: a step changes them). */
    public float[] params() {
        return params;
    }

    /** The updater's state, in DL4J's layout for the same updater (live), or an empty array. */
    public float[] updaterState() {
        return updater.state();
    }

    public int iteration() {
        return iteration;
    }

    public int epoch() {
        return epoch;
    }

    /** After each epoch, as DL4J's {@code incrementEpochCount}: epoch-based schedules read it. */
    public void endEpoch() {
        epoch++;
    }

    /** For a checkpoint: {iteration, epoch, the random stream's state, the spare normal value's bits}. */
    public long[] counters() {
        return new long[] {iteration, epoch, random.state(), Double.doubleToRawLongBits(spare)};
    }

    /** Puts back what {@link #counters} and {@link #updaterState} gave at a checkpoint. */
    public void resume(long[] counters, float[] updaterState) {
        iteration = (int) counters[0];
        epoch = (int) counters[1];
        random.setState(counters[2]);
        spare = Double.longBitsToDouble(counters[3]);
        updater.setState(updaterState);
    }

    /** Whether large products go to OpenBLAS in this process (else every product runs in the Java loops). */
    public static boolean nativeProducts() {
        return Blas.available();
    }

    /** Gives back this network's share of OpenBLAS's threads, if it took one; call when training ends. */
    public void close() {
        blas.close();
    }


    public int inputWidth() {
        return inputWidth;
    }

    public int outputWidth() {
        return outputWidth;
    }

    /** Multiply-adds of one training step per example (forward and backward), to choose threads and engines. */
    public long macsPerExample() {
        long macs = 0;
        for (int s = 0; s < stages.length; s++) {
            if (stages[s].dense()) {
                long m = (long) stages[s].nIn() * stages[s].nOut();
                macs += s == 0 ? 2 * m : 3 * m;
            }
        }
        return macs;
    }

    /**
     * One optimisation step.
     *
     * @param x features, {@code rows * inputWidth} row-major
     * @param y targets, {@code rows * outputWidth} row-major
     * @return the score before the step, as DL4J's {@code score()} after {@code fit}: mean loss plus penalties
     */
    public double fit(float[] x, float[] y, int rows) {
        ensure(rows);
        forward(x, rows, true);
        double score = lossFn.delta(out[stages.length - 1], delta[stages.length - 1], y, rows) + penalties.score(iteration, epoch);
        backward(rows);
        penalties.apply(Regularization.ApplyStep.BEFORE_UPDATER, 0, iteration, epoch);
        double lr = updater.apply(grad, iteration, epoch);
        penalties.apply(Regularization.ApplyStep.POST_UPDATER, lr, iteration, epoch);
        float[] p = params;
        float[] g = grad;
        for (int i = 0; i < p.length; i++) {
            p[i] -= g[i];
        }
        iteration++;
        return score;
    }

    /**
     * The gradient of the summed (not averaged) mini-batch loss, without penalties and without changing anything
     * but the buffers: what DL4J's {@code computeGradientAndScore} gives, for tests. No dropout or noise may be set.
     */
    float[] gradient(float[] x, float[] y, int rows) {
        ensure(rows);
        forward(x, rows, true);
        lossFn.delta(out[stages.length - 1], delta[stages.length - 1], y, rows);
        backward(rows);
        float[] g = grad.clone();
        for (int i = 0; i < g.length; i++) {
            g[i] *= rows;
        }
        return g;
    }

    /** The outputs for {@code rows} examples (no dropout, no noise), {@code rows * outputWidth} row-major. */
    public float[] predict(float[] x, int rows) {
        ensure(rows);
        forward(x, rows, false);
        return Arrays.copyOf(out[stages.length - 1], rows * outputWidth);
    }

    /**
     * Every layer's output for {@code rows} examples in inference (no dropout, no noise), by layer index, each
     * {@code rows x width} row-major; a dropout layer's output is its input.
     */
    public float[][] activations(float[] x, int rows) {
        ensure(rows);
        forward(x, rows, false);
        float[][] all = new float[stages.length][];
        for (int s = 0; s < stages.length; s++) {
            all[s] = Arrays.copyOf(out[s], rows * stages[s].nOut());
        }
        return all;
    }

    /** Layer {@code layer}'s weights W in DL4J's layout (a copy), or null for a layer without weights. */
    public float[] weights(int layer) {
        Stage st = stages[layer];
        return st.dense() ? Arrays.copyOfRange(params, wOff[layer], wOff[layer] + st.nIn() * st.nOut()) : null;
    }

    /** The mean loss over {@code rows} examples, without penalties, dropout or noise (DL4J's score(data, false)). */
    public double loss(float[] x, float[] y, int rows) {
        ensure(rows);
        forward(x, rows, false);
        return lossFn.score(out[stages.length - 1], y, rows) / rows;
    }

    // ------------------------------------------------------------------------------------------------- buffers

    private void ensure(int rows) {
        if (rows <= capacity) {
            return;
        }
        capacity = rows;
        int n = stages.length;
        in = new float[n][];
        mask = new float[n][];
        out = new float[n][];
        delta = new float[n][];
        for (int s = 0; s < n; s++) {
            Stage st = stages[s];
            if (st.keep() < 1 || st.noise() > 0) {
                in[s] = new float[rows * st.nIn()];
            }
            if (st.keep() < 1) {
                mask[s] = new float[rows * st.nIn()];
            }
            out[s] = st.dense() ? new float[rows * st.nOut()] : null;
            delta[s] = new float[rows * st.nOut()];
        }
    }

    // ------------------------------------------------------------------------------------------------- forward

    private void forward(float[] x, int rows, boolean training) {
        float[] input = x;
        lastInput = x;
        for (int s = 0; s < stages.length; s++) {
            Stage st = stages[s];
            float[] source = input;
            int len = rows * st.nIn();
            if (training && st.keep() < 1) {
                float keep = (float) st.keep();
                float inv = 1f / keep;
                float[] m = mask[s];
                float[] dst = in[s];
                for (int i = 0; i < len; i++) {
                    float k = random.nextDouble() < keep ? inv : 0f;
                    m[i] = k;
                    dst[i] = source[i] * k;
                }
                source = dst;
            } else if (training && st.noise() > 0) {
                float[] dst = in[s];
                double sd = st.noise();
                for (int i = 0; i < len; i++) {
                    dst[i] = (float) (source[i] + sd * gaussian());
                }
                source = dst;
            }
            if (s == 0) {
                lastInput = source;
            }
            if (!st.dense()) {
                out[s] = source;
                input = source;
                continue;
            }
            float[] z = out[s];
            if (blas.use(s, rows)) {
                blas.dense(s, source, rows, z, capacity);
            } else {
                dense(source, rows, st.nIn(), st.nOut(), wOff[s], bOff[s], z);
            }
            Activations.activate(st.act(), (float) st.alpha(), z, rows, st.nOut());
            input = z;
        }
    }

    private double spare = Double.NaN;

    /** Standard normal values by the polar method, two per draw. */
    private double gaussian() {
        if (!Double.isNaN(spare)) {
            double v = spare;
            spare = Double.NaN;
            return v;
        }
        double u;
        double v;
        double q;
        do {
            u = 2 * random.nextDouble() - 1;
            v = 2 * random.nextDouble() - 1;
            q = u * u + v * v;
        } while (q >= 1 || q == 0);
        double f = Math.sqrt(-2 * Math.log(q) / q);
        spare = v * f;
        return u * f;
    }

    /** z[r, j] = b[j] + sum_i x[r, i] * W[i, j], with W column-major at wo. */
    private void dense(float[] x, int rows, int nIn, int nOut, int wo, int bo, float[] z) {
        float[] p = params;
        for (int r = 0; r < rows; r++) {
            int xr = r * nIn;
            int zr = r * nOut;
            for (int j = 0; j < nOut; j++) {
                z[zr + j] = p[bo + j] + Kernels.dot(x, xr, p, wo + j * nIn, nIn);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------- backward

    private void backward(int rows) {
        Arrays.fill(grad, 0f);
        float[] p = params;
        float[] g = grad;
        for (int s = stages.length - 1; s >= 0; s--) {
            Stage st = stages[s];
            float[] d = delta[s];
            float[] x = s == 0 ? lastInput : inputOf(s);
            boolean needInput = s > 0;
            float[] dIn = needInput ? delta[s - 1] : null;
            int nIn = st.nIn();
            if (st.dense() && blas.use(s, rows)) {
                blas.backward(s, d, rows, needInput ? dIn : null);
            } else if (st.dense()) {
                int nOut = st.nOut();
                int wo = wOff[s];
                int bo = bOff[s];
                if (needInput) {
                    Arrays.fill(dIn, 0, rows * nIn, 0f);
                }
                for (int r = 0; r < rows; r++) {
                    int xr = r * nIn;
                    int dr = r * nOut;
                    for (int j = 0; j < nOut; j++) {
                        float dj = d[dr + j];
                        if (dj == 0f) {
                            continue;
                        }
                        g[bo + j] += dj;
                        Kernels.axpy(dj, x, xr, g, wo + j * nIn, nIn);
                        if (needInput) {
                            Kernels.axpy(dj, p, wo + j * nIn, dIn, xr, nIn);
                        }
                    }
                }
            } else if (needInput) {
                System.arraycopy(d, 0, dIn, 0, rows * nIn);
            }
            if (!needInput) {
                break;
            }
            int len = rows * nIn;
            if (mask[s] != null) {
                float[] m = mask[s];
                for (int i = 0; i < len; i++) {
                    dIn[i] *= m[i];
                }
            }
            Stage prev = stages[s - 1];
            if (prev.dense()) {
                Activations.derivative(prev.act(), (float) prev.alpha(), out[s - 1], dIn, rows, prev.nOut());
            }
        }
    }

    /** The input stage s saw in the last training forward pass: after its dropout or noise, if it has one. */
    private float[] inputOf(int s) {
        return in[s] != null ? in[s] : out[s - 1];
    }

}
