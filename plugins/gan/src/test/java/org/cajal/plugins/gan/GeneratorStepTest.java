package org.cajal.plugins.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.cajal.api.model.ModelContext;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

/** The generator step: its gradient, its direction and that it leaves the discriminator alone. */
class GeneratorStepTest {

    static GanModel model(String loss, String generatorLoss) throws Exception {
        return (GanModel) new GanArchitecture().build(GanModelTest.gan(Map.of("generatorLoss", generatorLoss)),
                new ModelContext(GanModelTest.schema(List.of(2L)), loss, new Sgd(0.05), 42));
    }

    @Test
    void stepRaisesTheDiscriminatorsOutputOnTheSameLatentVectorsAndLeavesDAlone() throws Exception {
        for (String[] setting : new String[][] {{"binary-cross-entropy", "non-saturating"},
                {"binary-cross-entropy", "minimax"}, {"mse", "non-saturating"}}) {
            GanModel model = model(setting[0], setting[1]);
            INDArray z = model.latent(64);
            INDArray dParams = model.discriminator().params().dup();
            double before = model.discriminator().output(model.generate(z), false).meanNumber().doubleValue();
            double lossBefore = model.generatorStep(z);
            double after = model.discriminator().output(model.generate(z), false).meanNumber().doubleValue();
            double lossAfter = model.generatorLoss(model.discriminator().output(model.generate(z), false));
            assertTrue(after > before, setting[0] + "/" + setting[1] + ": D(G(z)) " + before + " -> " + after);
            assertTrue(lossAfter < lossBefore, setting[0] + "/" + setting[1] + ": generator loss " + lossBefore
                    + " -> " + lossAfter);
            assertEquals(dParams, model.discriminator().params(), "the generator step changed D");
        }
    }

    @Test
    void backPropagatedGradientMatchesFiniteDifferences() throws Exception {
        // tanh is smooth, so central differences are accurate even in single precision
        GanModel model = (GanModel) new GanArchitecture().build(GanModelTest.gan(Map.of("activation", "tanh")),
                new ModelContext(GanModelTest.schema(List.of(2L)), "binary-cross-entropy", new Sgd(0.05), 42));
        var g = model.generator();
        INDArray z = model.latent(16);
        g.setInput(z);
        List<INDArray> activations = g.feedForward(true, false);
        INDArray fake = activations.get(activations.size() - 1);
        Pair<Gradient, INDArray> d = model.discriminator().calculateGradients(fake, Nd4j.ones(16, 1), null, null);
        INDArray analytic = g.backpropGradient(d.getSecond().dup(), LayerWorkspaceMgr.noWorkspaces())
                .getFirst().gradient().dup();
        g.clear();
        INDArray p = g.params();
        int checked = 0;
        for (int i = 0; i < p.length(); i += 97) {
            double old = p.getDouble(i);
            double h = 1e-2;
            p.putScalar(i, old + h);
            double up = model.generatorLoss(model.discriminator().output(model.generate(z), false));
            p.putScalar(i, old - h);
            double down = model.generatorLoss(model.discriminator().output(model.generate(z), false));
            p.putScalar(i, old);
            // DL4J's gradients are sums over the batch; the loss is the mean
            double numeric = (up - down) / (2 * h) * 16;
            double a = analytic.getDouble(i);
            assertEquals(numeric, a, 0.02 * Math.abs(numeric) + 1e-3, "parameter " + i);
            checked++;
        }
        assertTrue(checked > 40);
    }
}
