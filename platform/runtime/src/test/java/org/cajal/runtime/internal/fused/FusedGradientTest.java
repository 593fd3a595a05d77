package org.cajal.runtime.internal.fused;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * For every activation and loss pair the fused path supports: its analytic gradient equals DL4J's
 * ({@code computeGradientAndScore}) on the same network and batch, and a central finite difference (in double, on
 * the fused path's own loss) agrees with it.
 */
class FusedGradientTest {

    static Stream<Arguments> pairs() {
        List<Arguments> all = new ArrayList<>();
        Activation[] hidden = {Activation.RELU, Activation.LEAKYRELU, Activation.IDENTITY, Activation.SIGMOID,
            Activation.TANH, Activation.SOFTMAX};
        for (Activation h : hidden) {
            all.add(Arguments.of(h, Activation.SOFTMAX, LossFunction.MCXENT, 3));
            all.add(Arguments.of(h, Activation.SIGMOID, LossFunction.XENT, 1));
            all.add(Arguments.of(h, Activation.IDENTITY, LossFunction.MSE, 2));
        }
        Activation[] outputs = {Activation.IDENTITY, Activation.SIGMOID, Activation.TANH, Activation.RELU,
            Activation.LEAKYRELU};
        for (Activation o : outputs) {
            all.add(Arguments.of(Activation.TANH, o, LossFunction.MSE, 2));
            all.add(Arguments.of(Activation.TANH, o, LossFunction.MEAN_ABSOLUTE_ERROR, 2));
        }
        all.add(Arguments.of(Activation.RELU, Activation.SOFTMAX, LossFunction.MSE, 3));
        return all.stream();
    }

    @ParameterizedTest(name = "{0} hidden, {1} output, {2}")
    @MethodSource("pairs")
    void gradientEqualsDl4jsAndFiniteDifferences(Activation hidden, Activation output, LossFunction loss, int outs)
            throws Exception {
        int nIn = 4;
        int rows = 7;
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(11).dataType(DataType.FLOAT)
                .updater(new Sgd(0.1)).weightInit(WeightInit.XAVIER).list()
                .layer(new DenseLayer.Builder().nIn(nIn).nOut(5).activation(hidden).build())
                .layer(new DenseLayer.Builder().nIn(5).nOut(6).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(loss).nIn(6).nOut(outs).activation(output).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        // non-zero biases, so that their gradients are tested from a general point
        Random random = new Random(3);
        INDArray p = net.params();
        for (long i = 0; i < p.length(); i++) {
            p.putScalar(i, p.getFloat(i) + 0.1f * (float) random.nextGaussian());
        }
        float[] x = new float[rows * nIn];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        float[] y = targets(loss, output, rows, outs, random);

        FusedNetwork fused = new FusedNetwork(FusedSupport.plan(conf, List.of()), net.params().toFloatVector(), 1);
        float[] mine = fused.gradient(x, y, rows);

        net.setInput(Nd4j.create(x, new long[] {rows, nIn}, 'c'));
        net.setLabels(Nd4j.create(y, new long[] {rows, outs}, 'c'));
        net.computeGradientAndScore();
        Gradient g = net.gradient();
        float[] theirs = g.gradient().toFloatVector();
        assertEquals(theirs.length, mine.length);
        double scale = 0;
        for (float v : theirs) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < mine.length; i++) {
            assertEquals(theirs[i], mine[i], 1e-4 * Math.max(1, scale), "parameter " + i + " against DL4J");
        }
        assertEquals(net.score(), fused.loss(x, y, rows), 1e-5 * Math.max(1, Math.abs(net.score())), "score");

        // finite differences of the summed loss (rows x mean), in double around float parameters
        float[] params = fused.params();
        int checked = 0;
        for (int i = 0; i < params.length; i += 3) {
            float keep = params[i];
            float h = 1e-2f;
            params[i] = keep + h;
            double up = fused.loss(x, y, rows) * rows;
            params[i] = keep - h;
            double down = fused.loss(x, y, rows) * rows;
            params[i] = keep;
            double numeric = (up - down) / (2 * h);
            // relu-like kinks and MAE's sign make finite differences unreliable where a unit sits near 0
            if (kinked(hidden, output, loss)) {
                continue;
            }
            assertEquals(numeric, mine[i], 2e-2 * Math.max(1, Math.abs(numeric)), "parameter " + i + " numerically");
            checked++;
        }
        assertTrue(checked > 0 || kinked(hidden, output, loss));
    }

    private static boolean kinked(Activation hidden, Activation output, LossFunction loss) {
        return loss == LossFunction.MEAN_ABSOLUTE_ERROR || hidden == Activation.RELU
                || hidden == Activation.LEAKYRELU || output == Activation.RELU || output == Activation.LEAKYRELU;
    }

    private static float[] targets(LossFunction loss, Activation output, int rows, int outs, Random random) {
        float[] y = new float[rows * outs];
        for (int r = 0; r < rows; r++) {
            if (loss == LossFunction.MCXENT) {
                y[r * outs + random.nextInt(outs)] = 1;
            } else if (loss == LossFunction.XENT) {
                for (int j = 0; j < outs; j++) {
                    y[r * outs + j] = random.nextBoolean() ? 1 : 0;
                }
            } else {
                for (int j = 0; j < outs; j++) {
                    y[r * outs + j] = output == Activation.SOFTMAX ? random.nextFloat() : (float) random.nextGaussian();
                }
            }
        }
        return y;
    }
}
