package org.cajal.runtime.internal.fused;

import org.cajal.runtime.internal.fused.FusedSupport.Act;
import org.cajal.runtime.internal.fused.FusedSupport.Loss;
import org.cajal.runtime.internal.fused.FusedSupport.Stage;

/** The output layer's loss on the fused path: its score and its gradient, as DL4J M2.1 computes them. */
final class FusedLoss {

    private final Loss loss;
    private final float clip;
    private final Stage output;
    private final int outputWidth;

    /** @param clip the cross-entropy's clipping epsilon (0: none) */
    FusedLoss(Loss loss, float clip, Stage output) {
        this.loss = loss;
        this.clip = clip;
        this.output = output;
        this.outputWidth = output.nOut();
    }

    /** The summed loss of the outputs against y (DL4J's score array summed, before dividing by rows). */
    double score(float[] o, float[] y, int rows) {
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
                boolean softmax = output.act() == Act.SOFTMAX && clip > 0;
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
     * Writes dL/dz of the output layer ({@code o} its outputs), already divided by the mini-batch size, into
     * {@code d}; returns the mean loss.
     */
    double delta(float[] o, float[] d, float[] y, int rows) {
        Stage st = output;
        int len = rows * outputWidth;
        double score = score(o, y, rows) / rows;
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
            Activations.derivative(st.act(), (float) st.alpha(), o, d, rows, outputWidth);
        }
        for (int i = 0; i < len; i++) {
            d[i] *= scale;
        }
        return score;
    }
}
