package org.cajal.runtime.internal.fused;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.cajal.runtime.internal.fused.FusedSupport.Act;
import org.cajal.runtime.internal.fused.FusedSupport.Loss;
import org.cajal.runtime.internal.fused.FusedSupport.Plan;
import org.cajal.runtime.internal.fused.FusedSupport.Stage;
import org.nd4j.linalg.learning.regularization.L1Regularization;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.learning.regularization.WeightDecay;

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
    private final Loss loss;
    private final float clip;
    private final int[] wOff;
    private final int[] bOff;
    private final float[] params;
    private final float[] grad;
    private final FusedUpdater updater;
    private final SplittableRandom random;
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

    // direct buffers for the stages whose products go to OpenBLAS (null until used)
    private java.nio.FloatBuffer[] wD;
    private java.nio.FloatBuffer[] xD;
    private java.nio.FloatBuffer[] zD;
    private java.nio.FloatBuffer[] dD;
    private java.nio.FloatBuffer[] gD;
    private java.nio.FloatBuffer[] dxD;
    /** Whether this network holds a share of OpenBLAS's threads ({@link Blas#enter}). */
    private boolean blasThreads;

    /**
     * @param plan what {@link FusedSupport#plan} found
     * @param initial the initial parameters, in DL4J's layout (copied)
     * @param seed seeds the dropout masks and input noise (DL4J's own random stream cannot be reproduced here)
     */
    public FusedNetwork(Plan plan, float[] initial, long seed) {
        this.stages = plan.stages().toArray(Stage[]::new);
        this.loss = plan.loss();
        this.clip = (float) plan.clipEps();
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
        this.random = new SplittableRandom(seed);
        this.inputWidth = plan.inputWidth();
        this.outputWidth = stages[stages.length - 1].nOut();
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

    public void setCounts(int iteration, int epoch) {
        this.iteration = iteration;
        this.epoch = epoch;
    }

    /** Whether large products go to OpenBLAS in this process (else every product runs in the Java loops). */
    public static boolean nativeProducts() {
        return Blas.available();
    }

    /** Gives back this network's share of OpenBLAS's threads, if it took one; call when training ends. */
    public void close() {
        if (blasThreads) {
            blasThreads = false;
            Blas.leave();
        }
    }

    /** Whether a stage's product over {@code rows} examples goes to OpenBLAS. */
    private boolean blas(int s, int rows) {
        return Blas.available() && (long) rows * stages[s].nIn() * stages[s].nOut() >= Blas.MIN_MACS;
    }

    private void directBuffers(int s) {
        if (wD == null) {
            int n = stages.length;
            wD = new java.nio.FloatBuffer[n];
            xD = new java.nio.FloatBuffer[n];
            zD = new java.nio.FloatBuffer[n];
            dD = new java.nio.FloatBuffer[n];
            gD = new java.nio.FloatBuffer[n];
            dxD = new java.nio.FloatBuffer[n];
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
        double score = lossDelta(y, rows) + penaltyScore();
        backward(rows);
        applyPenalties(Regularization.ApplyStep.BEFORE_UPDATER, 0);
        double lr = updater.apply(grad, iteration, epoch);
        applyPenalties(Regularization.ApplyStep.POST_UPDATER, lr);
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
        lossDelta(y, rows);
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
        return lossScore(out[stages.length - 1], y, rows) / rows;
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
            if (blas(s, rows)) {
                denseBlas(s, source, rows, z);
            } else {
                dense(source, rows, st.nIn(), st.nOut(), wOff[s], bOff[s], z);
            }
            activate(st.act(), (float) st.alpha(), z, rows, st.nOut());
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

    /** {@link #dense} through OpenBLAS: Z = X W (W column-major is W^T row-major), then the bias. */
    private void denseBlas(int s, float[] x, int rows, float[] z) {
        directBuffers(s);
        Stage st = stages[s];
        int nIn = st.nIn();
        int nOut = st.nOut();
        java.nio.FloatBuffer w = wD[s];
        w.clear();
        w.put(params, wOff[s], nIn * nOut).rewind();
        java.nio.FloatBuffer xd = xD[s];
        xd.clear();
        xd.put(x, 0, rows * nIn).rewind();
        java.nio.FloatBuffer zd = zD[s];
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

    private static void activate(Act act, float alpha, float[] z, int rows, int width) {
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

    // ------------------------------------------------------------------------------------------------- loss

    /** The summed loss of the outputs against y (DL4J's score array summed, before dividing by rows). */
    private double lossScore(float[] o, float[] y, int rows) {
        int len = rows * outputWidth;
        double sum = 0;
        switch (loss) {
            case MSE -> {
                for (int i = 0; i < len; i++) {
                    float d = y[i] - o[i];
                    sum += d * d;
                }
                sum /= outputWidth;
            }
            case MAE -> {
                for (int i = 0; i < len; i++) {
                    sum += Math.abs(o[i] - y[i]);
                }
                sum /= outputWidth;
            }
            case XENT -> {
                for (int i = 0; i < len; i++) {
                    float p = clip > 0 ? Math.min(Math.max(o[i], clip), 1 - clip) : o[i];
                    sum -= y[i] * Math.log(p) + (1 - y[i]) * Math.log(1 - p);
                }
            }
            case MCXENT -> {
                boolean softmax = stages[stages.length - 1].act() == Act.SOFTMAX && clip > 0;
                for (int i = 0; i < len; i++) {
                    float p = softmax ? Math.min(Math.max(o[i], clip), 1 - clip) : o[i];
                    if (y[i] != 0) {
                        sum -= y[i] * Math.log(p);
                    }
                }
            }
            default -> throw new IllegalStateException(loss.name());
        }
        return sum;
    }

    /**
     * Writes dL/dz of the output layer, already divided by the mini-batch size, into its delta buffer; returns the
     * mean loss.
     */
    private double lossDelta(float[] y, int rows) {
        int last = stages.length - 1;
        Stage st = stages[last];
        float[] o = out[last];
        float[] d = delta[last];
        int len = rows * outputWidth;
        double score = lossScore(o, y, rows) / rows;
        float scale = 1f / rows;
        boolean direct = false;
        switch (loss) {
            case MSE -> {
                float k = 2f / outputWidth;
                for (int i = 0; i < len; i++) {
                    d[i] = (o[i] - y[i]) * k;
                }
            }
            case MAE -> {
                float k = 1f / outputWidth;
                for (int i = 0; i < len; i++) {
                    d[i] = Math.signum(o[i] - y[i]) * k;
                }
            }
            case XENT -> {
                for (int i = 0; i < len; i++) {
                    float p = clip > 0 ? Math.min(Math.max(o[i], clip), 1 - clip) : o[i];
                    d[i] = (p - y[i]) / (p * (1 - p));
                }
            }
            case MCXENT -> {
                if (st.act() == Act.SOFTMAX) {
                    for (int i = 0; i < len; i++) {
                        d[i] = o[i] - y[i];
                    }
                    direct = true;
                } else {
                    for (int i = 0; i < len; i++) {
                        d[i] = -y[i] / o[i];
                    }
                }
            }
            default -> throw new IllegalStateException(loss.name());
        }
        if (!direct) {
            derivative(st.act(), (float) st.alpha(), o, d, rows, outputWidth);
        }
        for (int i = 0; i < len; i++) {
            d[i] *= scale;
        }
        return score;
    }

    /** d = d * f'(z), from the activation's outputs a = f(z) (in place; softmax: its Jacobian times d). */
    private static void derivative(Act act, float alpha, float[] a, float[] d, int rows, int width) {
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
            if (st.dense() && blas(s, rows)) {
                backwardBlas(s, d, rows, needInput ? dIn : null);
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
                derivative(prev.act(), (float) prev.alpha(), out[s - 1], dIn, rows, prev.nOut());
            }
        }
    }

    /**
     * A stage's gradients through OpenBLAS, from the direct copies its forward pass left (input and weights):
     * dW^T = delta^T X, db = column sums of delta, dX = delta W^T... in W^T's row-major terms dX = delta (W^T).
     */
    private void backwardBlas(int s, float[] d, int rows, float[] dIn) {
        if (!blasThreads) {
            blasThreads = true;
            Blas.enter();
        }
        Stage st = stages[s];
        int nIn = st.nIn();
        int nOut = st.nOut();
        java.nio.FloatBuffer dd = dD[s];
        dd.clear();
        dd.put(d, 0, rows * nOut).rewind();
        java.nio.FloatBuffer gd = gD[s];
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
            java.nio.FloatBuffer dx = dxD[s];
            Blas.gemm(false, false, rows, nIn, nOut, dd, nOut, wD[s], nIn, dx, nIn);
            dx.clear();
            dx.get(dIn, 0, rows * nIn).rewind();
        }
    }

    /** The input stage s saw in the last training forward pass: after its dropout or noise, if it has one. */
    private float[] inputOf(int s) {
        return in[s] != null ? in[s] : out[s - 1];
    }

    // ------------------------------------------------------------------------------------------------- penalties

    private double penaltyScore() {
        double score = 0;
        for (int s = 0; s < stages.length; s++) {
            Stage st = stages[s];
            if (!st.dense()) {
                continue;
            }
            score += penaltyScore(st.weightPenalties(), wOff[s], st.nIn() * st.nOut());
            score += penaltyScore(st.biasPenalties(), bOff[s], st.nOut());
        }
        return score;
    }

    private double penaltyScore(List<Regularization> list, int from, int length) {
        double score = 0;
        for (Regularization r : list) {
            if (r instanceof L1Regularization l1) {
                double sum = 0;
                for (int i = from; i < from + length; i++) {
                    sum += Math.abs(params[i]);
                }
                score += l1.getL1().valueAt(iteration, epoch) * sum;
            } else {
                double sum = 0;
                for (int i = from; i < from + length; i++) {
                    sum += (double) params[i] * params[i];
                }
                double coeff = r instanceof L2Regularization l2 ? l2.getL2().valueAt(iteration, epoch)
                        : ((WeightDecay) r).getCoeff().valueAt(iteration, epoch);
                score += coeff * 0.5 * sum;
            }
        }
        return score;
    }

    private void applyPenalties(Regularization.ApplyStep step, double lr) {
        for (int s = 0; s < stages.length; s++) {
            Stage st = stages[s];
            if (st.dense()) {
                applyPenalties(st.weightPenalties(), step, lr, wOff[s], st.nIn() * st.nOut());
                applyPenalties(st.biasPenalties(), step, lr, bOff[s], st.nOut());
            }
        }
    }

    private void applyPenalties(List<Regularization> list, Regularization.ApplyStep step, double lr, int from,
                                int length) {
        for (Regularization r : list) {
            if (r.applyStep() != step) {
                continue;
            }
            float[] p = params;
            float[] g = grad;
            if (r instanceof L1Regularization l1) {
                float c = (float) l1.getL1().valueAt(iteration, epoch);
                for (int i = from; i < from + length; i++) {
                    g[i] += c * Math.signum(p[i]);
                }
            } else if (r instanceof L2Regularization l2) {
                float c = (float) l2.getL2().valueAt(iteration, epoch);
                for (int i = from; i < from + length; i++) {
                    g[i] += c * p[i];
                }
            } else {
                WeightDecay wd = (WeightDecay) r;
                double scale = wd.getCoeff().valueAt(iteration, epoch);
                if (wd.isApplyLR()) {
                    scale *= lr;
                }
                float c = (float) scale;
                for (int i = from; i < from + length; i++) {
                    g[i] += c * p[i];
                }
            }
        }
    }
}
