package org.cajal.runtime.internal.fused;

import java.util.List;

import org.cajal.runtime.internal.fused.FusedSupport.Stage;
import org.nd4j.linalg.learning.regularization.L1Regularization;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.learning.regularization.WeightDecay;

/**
 * The dense layers' L1, L2 and weight-decay penalties on the fused path: their score, and their terms added to the
 * gradient before or after the updater, as DL4J M2.1 does.
 */
final class Penalties {

    private final Stage[] stages;
    private final int[] wOff;
    private final int[] bOff;
    private final float[] params;
    private final float[] grad;

    /** @param wOff each stage's weights' offset in {@code params} (and {@code grad}); bOff its biases' */
    Penalties(Stage[] stages, int[] wOff, int[] bOff, float[] params, float[] grad) {
        this.stages = stages;
        this.wOff = wOff;
        this.bOff = bOff;
        this.params = params;
        this.grad = grad;
    }

    /** Every penalty's score at the given step. */
    double score(int iteration, int epoch) {
        double score = 0;
        for (int s = 0; s < stages.length; s++) {
            Stage st = stages[s];
            if (!st.dense()) {
                continue;
            }
            score += score(st.weightPenalties(), wOff[s], st.nIn() * st.nOut(), iteration, epoch);
            score += score(st.biasPenalties(), bOff[s], st.nOut(), iteration, epoch);
        }
        return score;
    }

    private double score(List<Regularization> list, int from, int length, int iteration, int epoch) {
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

    /** Adds the penalties applied at {@code step} to the gradient (weight decay scaled by {@code lr} if it asks). */
    void apply(Regularization.ApplyStep step, double lr, int iteration, int epoch) {
        for (int s = 0; s < stages.length; s++) {
            Stage st = stages[s];
            if (st.dense()) {
                apply(st.weightPenalties(), step, lr, wOff[s], st.nIn() * st.nOut(), iteration, epoch);
                apply(st.biasPenalties(), step, lr, bOff[s], st.nOut(), iteration, epoch);
            }
        }
    }

    private void apply(List<Regularization> list, Regularization.ApplyStep step, double lr, int from, int length,
                       int iteration, int epoch) {
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
