package org.cajal.optimizers.internal;

import static org.cajal.optimizers.internal.Steps.assertClose;
import static org.cajal.optimizers.internal.Steps.params;
import static org.cajal.optimizers.internal.Steps.updates;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.cajal.api.Parameters;
import org.junit.jupiter.api.Test;

/**
 * Each optimizer's update on a tiny problem, computed by hand from the rule in its help text, against what the
 * DL4J updater it returns produces. "Update" is what DL4J subtracts from the parameters: theta <- theta - update.
 */
class UpdateRulesTest {

    private static final double[] G1 = {1.0, -2.0};
    private static final double[] G2 = {0.5, 0.5};

    @Test
    void sgdMovesAgainstTheGradientScaledByTheLearningRate() {
        SgdOptimizer sgd = new SgdOptimizer();
        List<double[]> u = updates(sgd.updater(params(sgd, Map.of("learningRate", 0.1))), G1, G2);
        assertClose(new double[] {0.1, -0.2}, u.get(0));
        assertClose(new double[] {0.05, 0.05}, u.get(1));
        assertEquals(java.util.OptionalInt.empty(), sgd.batchSize(Parameters.defaults(sgd.descriptor())));
    }

    @Test
    void gdTakesTheSameStepOnTheWholeSplit() {
        GdOptimizer gd = new GdOptimizer();
        assertClose(new double[] {0.3, -0.6}, updates(gd.updater(params(gd, Map.of("learningRate", 0.3))), G1).get(0));
        assertEquals(0, gd.batchSize(Parameters.defaults(gd.descriptor())).getAsInt(), "0 = whole training split");
    }

    /** v1 = g1, v2 = beta v1 + g2, update = eta v. */
    @Test
    void classicalMomentumAccumulatesAVelocity() {
        MomentumOptimizer momentum = new MomentumOptimizer();
        double eta = 0.1;
        double beta = 0.9;
        List<double[]> u = updates(momentum.updater(params(momentum, Map.of("learningRate", eta, "momentum", beta))),
                G1, G2);
        assertClose(new double[] {eta * 1.0, eta * -2.0}, u.get(0));
        assertClose(new double[] {eta * (beta * 1.0 + 0.5), eta * (beta * -2.0 + 0.5)}, u.get(1)); // 0.14, -0.13
    }

    /** v_new = mu v - eta g; update = mu v - (1 + mu) v_new. */
    @Test
    void nesterovMatchesTheLookAheadRule() {
        NesterovOptimizer nesterov = new NesterovOptimizer();
        double eta = 0.1;
        double mu = 0.9;
        List<double[]> u = updates(nesterov.updater(params(nesterov, Map.of("learningRate", eta, "momentum", mu))),
                G1, G2);
        double[] v1 = {-eta * 1.0, -eta * -2.0};
        assertClose(new double[] {-(1 + mu) * v1[0], -(1 + mu) * v1[1]}, u.get(0)); // 0.19, -0.38
        double[] v2 = {mu * v1[0] - eta * 0.5, mu * v1[1] - eta * 0.5};
        assertClose(new double[] {mu * v1[0] - (1 + mu) * v2[0], mu * v1[1] - (1 + mu) * v2[1]}, u.get(1)); // 0.176, -0.067
    }

    /** s = rho s + (1 - rho) g^2; update = eta g / (sqrt(s) + eps). */
    @Test
    void rmsPropDividesByTheRootOfARunningMeanOfSquares() {
        RmsPropOptimizer rmsprop = new RmsPropOptimizer();
        double eta = 0.01;
        double rho = 0.9;
        List<double[]> u = updates(rmsprop.updater(params(rmsprop, Map.of("learningRate", eta, "rho", rho))),
                new double[] {2.0, -0.5}, new double[] {1.0, 1.0});
        double[] s1 = {(1 - rho) * 4.0, (1 - rho) * 0.25};
        assertClose(new double[] {eta * 2.0 / Math.sqrt(s1[0]), eta * -0.5 / Math.sqrt(s1[1])}, u.get(0));
        double[] s2 = {rho * s1[0] + (1 - rho), rho * s1[1] + (1 - rho)};
        assertClose(new double[] {eta / Math.sqrt(s2[0]), eta / Math.sqrt(s2[1])}, u.get(1)); // 0.0147, 0.0286
    }

    /** G starts at eps (DL4J), G = G + g^2; update = eta g / (sqrt(G) + eps). */
    @Test
    void adaGradDividesByTheRootOfAllSquaresSoFar() {
        AdaGradOptimizer adagrad = new AdaGradOptimizer();
        double eta = 0.1;
        double eps = 1e-6;
        List<double[]> u = updates(adagrad.updater(params(adagrad, Map.of("learningRate", eta, "epsilon", eps))),
                new double[] {2.0, -0.5}, new double[] {1.0, 1.0});
        double[] sum1 = {eps + 4.0, eps + 0.25};
        assertClose(new double[] {eta * 2 / (Math.sqrt(sum1[0]) + eps), eta * -0.5 / (Math.sqrt(sum1[1]) + eps)}, u.get(0));
        double[] sum2 = {sum1[0] + 1, sum1[1] + 1};
        assertClose(new double[] {eta / (Math.sqrt(sum2[0]) + eps), eta / (Math.sqrt(sum2[1]) + eps)}, u.get(1)); // 0.0447, 0.0894
    }

    /** One parameter, two steps, with Adam's bias-corrected moments written out. */
    @Test
    void adamUsesBiasCorrectedMoments() {
        AdamOptimizer adam = new AdamOptimizer();
        double eta = 0.001;
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-8;
        List<double[]> u = updates(adam.updater(Parameters.defaults(adam.descriptor())),
                new double[] {0.5}, new double[] {-1.0});
        double m = 0;
        double v = 0;
        double[] g = {0.5, -1.0};
        for (int t = 1; t <= 2; t++) {
            m = b1 * m + (1 - b1) * g[t - 1];
            v = b2 * v + (1 - b2) * g[t - 1] * g[t - 1];
            double mHat = m / (1 - Math.pow(b1, t));
            double vHat = v / (1 - Math.pow(b2, t));
            assertClose(new double[] {eta * mHat / (Math.sqrt(vHat) + eps)}, u.get(t - 1));
        }
        assertEquals(-3.661e-4, u.get(1)[0], 1e-7, "second step by hand: -0.289474 / 0.790688 * 0.001");
    }

    @Test
    void signModeMovesEveryWeightByExactlyTheLearningRate() {
        SignOptimizer sign = new SignOptimizer();
        double[] update = updates(sign.updater(params(sign, Map.of("learningRate", 0.1, "normalise", "sign"))),
                new double[] {3.0, -0.2, 0.0}).get(0);
        assertClose(new double[] {0.1, -0.1, 0.0}, update);
    }

    @Test
    void l2ModeTakesAStepOfLengthLearningRateAlongTheGradient() {
        SignOptimizer sign = new SignOptimizer();
        double eta = 0.1;
        double norm = Math.sqrt(9 + 0.04);
        List<double[]> u = updates(sign.updater(params(sign, Map.of("learningRate", eta, "normalise", "l2"))),
                new double[] {3.0, -0.2, 0.0}, new double[] {0.0, 0.0, 0.0});
        assertClose(new double[] {eta * 3 / norm, eta * -0.2 / norm, 0.0}, u.get(0));
        assertClose(new double[] {0.0, 0.0, 0.0}, u.get(1)); // a zero gradient gives no step, not NaN
    }
}
