package org.cajal.optimizers.internal;

import static org.cajal.optimizers.internal.Steps.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

import org.cajal.api.Parameters;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** The optimizers inside a DL4J network, as the runtime uses them. */
class NetworkTrainingTest {

    /**
     * y = w x + b with w = 2, b = 1, trained on x = 0, y = 1: the loss gradient is exactly 0, so Adam moves nothing
     * and only AdamW's decoupled decay acts: w <- w - lr * lambda * w; biases are not decayed.
     */
    @Test
    void adamWDecaysTheWeightsWhenTheGradientIsZero() {
        AdamWOptimizer adamw = new AdamWOptimizer();
        Parameters p = params(adamw, Map.of("learningRate", 0.1, "weightDecay", 0.5));
        MultiLayerNetwork net = zeroGradientStep(Networks.linear(adamw.updater(p), adamw.regularization(p), false));
        assertEquals(2.0 - 0.1 * 0.5 * 2.0, net.getParam("0_W").getDouble(0), 1e-9);
        assertEquals(1.0, net.getParam("0_b").getDouble(0), 1e-9);
    }

    @Test
    void plainAdamLeavesTheSameNetworkUnchanged() {
        AdamOptimizer adam = new AdamOptimizer();
        MultiLayerNetwork net = zeroGradientStep(Networks.linear(
                adam.updater(params(adam, Map.of("learningRate", 0.1))), List.of(), false));
        assertEquals(2.0, net.getParam("0_W").getDouble(0), 1e-12);
    }

    /**
     * Pins a DL4J 1.0.0-M2.1 defect the runtime must work around: weight decay given to the NETWORK builder ends up
     * twice on every layer and decays twice as fast. If this starts failing, DL4J fixed it.
     */
    @Test
    void dl4jAppliesWeightDecayFromTheNetworkBuilderTwice() {
        AdamWOptimizer adamw = new AdamWOptimizer();
        Parameters p = params(adamw, Map.of("learningRate", 0.1, "weightDecay", 0.5));
        MultiLayerNetwork net = zeroGradientStep(Networks.linear(adamw.updater(p), adamw.regularization(p), true));
        assertEquals(2, ((BaseLayer) net.getLayerWiseConfigurations().getConf(0).getLayer()).getRegularization().size());
        assertEquals(2.0 - 2 * 0.1 * 0.5 * 2.0, net.getParam("0_W").getDouble(0), 1e-9);
    }

    /** w = 2, b = 1, one step on x = 0, y = 1, where the loss gradient is exactly 0. */
    private static MultiLayerNetwork zeroGradientStep(MultiLayerNetwork net) {
        net.setParam("0_W", Nd4j.scalar(DataType.DOUBLE, 2.0).reshape(1, 1));
        net.setParam("0_b", Nd4j.scalar(DataType.DOUBLE, 1.0).reshape(1, 1));
        net.fit(new DataSet(Nd4j.zeros(DataType.DOUBLE, 1, 1), Nd4j.ones(DataType.DOUBLE, 1, 1)));
        return net;
    }

    /** The l2 mode normalises over the whole network's gradient: one step of a two-layer net has length lr. */
    @Test
    void l2NormalisedStepOfAWholeNetworkHasLengthLearningRate() {
        SignOptimizer sign = new SignOptimizer();
        MultiLayerNetwork net = new MultiLayerNetwork(Networks.twoLayers(
                sign.updater(params(sign, Map.of("learningRate", 0.05, "normalise", "l2"))), List.of()));
        net.init();
        INDArray before = net.params().dup();
        net.fit(xorLike());
        double stepLength = net.params().sub(before).norm2Number().doubleValue();
        assertEquals(0.05, stepLength, 1e-9);
    }

    @Test
    void everyOptimizerWithDefaultsLowersTheLossOfASmallRegression() {
        for (var optimizer : LearningRateSchedulesTest.ALL) {
            Parameters p = params(optimizer, Map.of());
            MultiLayerNetwork net = new MultiLayerNetwork(Networks.twoLayers(optimizer.updater(p),
                    optimizer.regularization(p)));
            net.init();
            DataSet data = xorLike();
            double initial = net.score(data);
            for (int i = 0; i < 20; i++) {
                net.fit(data);
            }
            assertTrue(net.score(data) < 0.99 * initial, optimizer.id() + ": loss " + initial + " -> " + net.score(data));
        }
    }

    /**
     * A network trained with classical momentum is written with ModelSerializer and read back with its velocity,
     * so that training continues exactly as it would have without the round trip.
     */
    @Test
    void momentumNetworkRestoresWithItsVelocity() throws Exception {
        MomentumOptimizer momentum = new MomentumOptimizer();
        MultiLayerNetwork net = new MultiLayerNetwork(Networks.twoLayers(
                momentum.updater(params(momentum, Map.of("learningRate", 0.05))), List.of()));
        net.init();
        DataSet data = xorLike();
        for (int i = 0; i < 5; i++) {
            net.fit(data);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(net, bytes, true);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(
                new ByteArrayInputStream(bytes.toByteArray()), true);

        assertInstanceOf(ClassicalMomentum.class, ((BaseLayer) restored.getLayerWiseConfigurations().getConf(0)
                .getLayer()).getIUpdater());
        assertEquals(net.getUpdater().getStateViewArray(), restored.getUpdater().getStateViewArray());
        net.fit(data);
        restored.fit(data);
        assertEquals(net.params(), restored.params());
    }

    /** Four points of a smooth target, enough for a loss to fall. */
    private static DataSet xorLike() {
        INDArray x = Nd4j.create(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
        INDArray y = Nd4j.create(new double[][] {{0.1}, {0.9}, {0.9}, {0.1}});
        return new DataSet(x, y);
    }
}
