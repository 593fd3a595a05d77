package org.cajal.runtime.internal.fused;

import java.nio.FloatBuffer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * Turns the gradient into the update DL4J subtracts from the parameters, in place, over the whole parameter
 * buffer (DL4J's single updater block when one optimizer serves every parameter). Sgd, Nesterovs, RmsProp, AdaGrad
 * and Adam are DL4J M2.1's native update rules (libnd4j's {@code updater*} helpers) written out in float
 * arithmetic; any other {@link IUpdater} — Cajal's own (classical momentum, normalised gradient, sign, scheduled
 * AdaGrad) and the rest of DL4J's — runs DL4J's own {@link GradientUpdater} on an off-heap copy of the gradient.
 * The state is laid out as DL4J's updater state view, so it can be written into a saved network.
 */
abstract class FusedUpdater {

    /** The state, in DL4J's layout. */
    abstract float[] state();

    /** Puts back a state that {@link #state} gave (a resumed run). */
    void setState(float[] saved) {
        System.arraycopy(saved, 0, state(), 0, saved.length);
    }

    /**
     * Gradient to update, in place.
     *
     * @return the learning rate used (1 for updaters without one), which weight decay multiplies by
     */
    abstract double apply(float[] g, int iteration, int epoch);

    static FusedUpdater of(IUpdater config, int n) {
        Class<?> c = config.getClass();
        if (c == Sgd.class) {
            return new SgdRule((Sgd) config);
        }
        if (c == Nesterovs.class) {
            return new NesterovsRule((Nesterovs) config, n);
        }
        if (c == RmsProp.class) {
            return new RmsPropRule((RmsProp) config, n);
        }
        if (c == AdaGrad.class) {
            return new AdaGradRule((AdaGrad) config, n);
        }
        if (c == Adam.class) {
            return new AdamRule((Adam) config, n);
        }
        return new Dl4jRule(config, n);
    }

    /** Plain gradient descent: update = lr * g. */
    private static final class SgdRule extends FusedUpdater {
        private final Sgd config;

        SgdRule(Sgd config) {
            this.config = config;
        }

        @Override
        float[] state() {
            return new float[0];
        }

        @Override
        double apply(float[] g, int iteration, int epoch) {
            double rate = config.getLearningRate(iteration, epoch);
            float lr = (float) rate;
            for (int i = 0; i < g.length; i++) {
                g[i] *= lr;
            }
            return rate;
        }
    }

    /** DL4J's Nesterov momentum: v' = mu v - lr g; update = mu v + (-mu - 1) v'. */
    private static final class NesterovsRule extends FusedUpdater {
        private final Nesterovs config;
        private final float[] v;

        NesterovsRule(Nesterovs config, int n) {
            this.config = config;
            this.v = new float[n];
        }

        @Override
        float[] state() {
            return v;
        }

        @Override
        double apply(float[] g, int iteration, int epoch) {
            double rate = config.getLearningRate(iteration, epoch);
            float lr = (float) rate;
            float mu = (float) config.currentMomentum(iteration, epoch);
            float muT = -mu - 1;
            for (int i = 0; i < g.length; i++) {
                float prev = mu * v[i];
                float next = prev - lr * g[i];
                v[i] = next;
                g[i] = prev + muT * next;
            }
            return rate;
        }
    }

    /** RMSProp: s' = s decay + g² (1 - decay); update = lr g / (sqrt(s') + eps); s starts at eps. */
    private static final class RmsPropRule extends FusedUpdater {
        private final RmsProp config;
        private final float[] s;

        RmsPropRule(RmsProp config, int n) {
            this.config = config;
            this.s = new float[n];
            java.util.Arrays.fill(s, (float) config.getEpsilon());
        }

        @Override
        float[] state() {
            return s;
        }

        @Override
        double apply(float[] g, int iteration, int epoch) {
            double rate = config.getLearningRate(iteration, epoch);
            float lr = (float) rate;
            float decay = (float) config.getRmsDecay();
            float eps = (float) config.getEpsilon();
            for (int i = 0; i < g.length; i++) {
                float gi = g[i];
                float si = s[i] * decay + gi * gi * (1 - decay);
                s[i] = si;
                g[i] = (lr * gi) / ((float) Math.sqrt(si) + eps);
            }
            return rate;
        }
    }

    /** AdaGrad: h' = h + g²; update = lr g / (sqrt(h') + eps); h starts at eps. */
    private static final class AdaGradRule extends FusedUpdater {
        private final AdaGrad config;
        private final float[] h;

        AdaGradRule(AdaGrad config, int n) {
            this.config = config;
            this.h = new float[n];
            java.util.Arrays.fill(h, (float) config.getEpsilon());
        }

        @Override
        float[] state() {
            return h;
        }

        @Override
        double apply(float[] g, int iteration, int epoch) {
            double rate = config.getLearningRate(iteration, epoch);
            float lr = (float) rate;
            float eps = (float) config.getEpsilon();
            if (eps == 0f) {
                eps = 1e-7f;
            }
            for (int i = 0; i < g.length; i++) {
                float gi = g[i];
                float hi = h[i] + gi * gi;
                h[i] = hi;
                g[i] = (lr * gi) / ((float) Math.sqrt(hi) + eps);
            }
            return rate;
        }
    }

    /**
     * Adam as libnd4j computes it: m' = b1 m + (1 - b1) g; v' = b2 v + (1 - b2) g²;
     * update = m' lr sqrt(1 - b2^t) / (1 - b1^t) / (sqrt(v') + eps), t = iteration + 1. State: m, then v.
     */
    private static final class AdamRule extends FusedUpdater {
        private final Adam config;
        private final float[] state;
        private final int n;

        AdamRule(Adam config, int n) {
            this.config = config;
            this.n = n;
            this.state = new float[2 * n];
        }

        @Override
        float[] state() {
            return state;
        }

        @Override
        double apply(float[] g, int iteration, int epoch) {
            double rate = config.getLearningRate(iteration, epoch);
            float lr = (float) rate;
            float b1 = (float) config.getBeta1();
            float b2 = (float) config.getBeta2();
            float eps = (float) config.getEpsilon();
            float t = iteration + 1;
            float b1t = (float) Math.pow(b1, t);
            float b2t = (float) Math.pow(b2, t);
            float epsT = lr * (float) Math.sqrt(1f - b2t) / (1f - b1t);
            if (Float.isNaN(epsT) || Float.isInfinite(epsT) || epsT == 0f) {
                epsT = eps;
            }
            float[] st = state;
            int v0 = n;
            for (int i = 0; i < n; i++) {
                float gi = g[i];
                float m = b1 * st[i] + gi * (1 - b1);
                float v = b2 * st[v0 + i] + gi * gi * (1 - b2);
                st[i] = m;
                st[v0 + i] = v;
                g[i] = (m * epsT) / ((float) Math.sqrt(v) + eps);
            }
            return rate;
        }
    }

    /** Any other updater: DL4J's own code on an off-heap gradient, copied in and out through NIO views. */
    private static final class Dl4jRule extends FusedUpdater {
        private final IUpdater config;
        private final GradientUpdater<?> updater;
        private final INDArray gradient;
        private final FloatBuffer gradientView;
        private final INDArray stateArray;

        Dl4jRule(IUpdater config, int n) {
            this.config = config;
            long size = config.stateSize(n);
            this.stateArray = size > 0 ? Nd4j.zeros(DataType.FLOAT, 1, size) : null;
            this.updater = config.instantiate(stateArray, true);
            this.gradient = Nd4j.zeros(DataType.FLOAT, n);
            this.gradientView = gradient.data().asNioFloat();
        }

        @Override
        float[] state() {
            return stateArray == null ? new float[0] : stateArray.toFloatVector();
        }

        @Override
        void setState(float[] saved) {
            if (stateArray != null) {
                stateArray.assign(Nd4j.createFromArray(saved).reshape(stateArray.shape()));
            }
        }

        @Override
        double apply(float[] g, int iteration, int epoch) {
            gradientView.clear();
            gradientView.put(g);
            updater.applyUpdater(gradient, iteration, epoch);
            gradientView.clear();
            gradientView.get(g);
            return config.hasLearningRate() ? config.getLearningRate(iteration, epoch) : 1.0;
        }
    }
}
