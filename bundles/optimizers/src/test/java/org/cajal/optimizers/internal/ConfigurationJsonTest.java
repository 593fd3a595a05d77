package org.cajal.optimizers.internal;

import static org.cajal.optimizers.internal.Steps.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.cajal.api.train.OptimizerProvider;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.regularization.WeightDecay;

/**
 * Every optimizer's updater (and AdamW's weight decay) survives DL4J's JSON round trip, as it must for a model to
 * be saved and read back. On this class path every class is visible; inside Felix the engine's extension loader
 * makes this bundle's classes visible (tested in the engine module and in Felix).
 */
class ConfigurationJsonTest {

    @Test
    void customUpdatersAndTheCosineScheduleRoundTrip() {
        MomentumOptimizer momentum = new MomentumOptimizer();
        IUpdater heavyBall = momentum.updater(params(momentum, Map.of("learningRate", 0.05, "momentum", 0.8,
                "schedule", "cosine", "cosinePeriod", 20, "minLearningRate", 0.001)));
        String json = Networks.twoLayers(heavyBall, List.of()).toJson();
        assertTrue(json.contains("\"@class\" : \"org.cajal.optimizers.internal.ClassicalMomentum\""), json);
        assertTrue(json.contains("org.cajal.optimizers.internal.CosineSchedule"), json);

        IUpdater back = updaterOfLayer(MultiLayerConfiguration.fromJson(json), 1);
        ClassicalMomentum restored = assertInstanceOf(ClassicalMomentum.class, back);
        assertEquals(heavyBall, restored);
        assertEquals(0.8, restored.getMomentum(), 0.0);
        assertEquals(new CosineSchedule(0.05, 0.001, 20), restored.getLearningRateSchedule());
        assertEquals(heavyBall.getLearningRate(0, 10), restored.getLearningRate(0, 10), 0.0);
    }

    @Test
    void everyOptimizerRoundTripsWithEveryScheduleKind() {
        for (OptimizerProvider optimizer : LearningRateSchedulesTest.ALL) {
            for (String schedule : List.of("none", "step", "exponential", "cosine")) {
                IUpdater updater = optimizer.updater(params(optimizer, Map.of("schedule", schedule)));
                MultiLayerConfiguration conf = Networks.twoLayers(updater, optimizer.regularization(
                        params(optimizer, Map.of())));
                MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(conf.toJson());
                assertEquals(updater, updaterOfLayer(back, 0), optimizer.id() + " with " + schedule);
                assertEquals(conf, back, optimizer.id() + " with " + schedule);
            }
        }
    }

    @Test
    void bothNormalisationsRoundTrip() {
        SignOptimizer sign = new SignOptimizer();
        for (String mode : List.of("sign", "l2")) {
            IUpdater updater = sign.updater(params(sign, Map.of("normalise", mode)));
            IUpdater back = updaterOfLayer(MultiLayerConfiguration.fromJson(
                    Networks.twoLayers(updater, List.of()).toJson()), 0);
            assertEquals(updater, back);
            assertEquals(NormalisedGradient.Normalise.of(mode), ((NormalisedGradient) back).getNormalise());
        }
    }

    @Test
    void adamWsDecayIsStoredWithTheWeights() {
        AdamWOptimizer adamw = new AdamWOptimizer();
        MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(Networks.twoLayers(
                adamw.updater(params(adamw, Map.of())), adamw.regularization(params(adamw, Map.of()))).toJson());
        BaseLayer layer = (BaseLayer) back.getConf(0).getLayer();
        WeightDecay decay = assertInstanceOf(WeightDecay.class, layer.getRegularization().get(0));
        assertTrue(decay.isApplyLR());
        assertEquals(0.01, decay.getCoeff().valueAt(0, 0), 0.0);
    }

    private static IUpdater updaterOfLayer(MultiLayerConfiguration conf, int layer) {
        return ((BaseLayer) conf.getConf(layer).getLayer()).getIUpdater();
    }
}
