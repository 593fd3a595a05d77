package org.cajal.optimizers.internal;

import java.util.List;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Small networks with the optimizer's updater on the network builder and its regularisation on each layer.
 *
 * <p>Not on the network builder: DL4J 1.0.0-M2.1's {@code LayerValidation.configureBaseLayer} adds every
 * regularisation other than L1/L2 that comes from {@code NeuralNetConfiguration.Builder.regularization(...)} (or
 * {@code .weightDecay(...)}) to each layer TWICE, so weight decay would act double ({@link NetworkTrainingTest}
 * pins that).
 */
final class Networks {

    private Networks() {
    }

    /** Dense 2 -> 3 (tanh), output 3 -> 1 (identity, MSE), double precision. */
    static MultiLayerConfiguration twoLayers(IUpdater updater, List<Regularization> regularization) {
        return new NeuralNetConfiguration.Builder()
                .seed(7)
                .dataType(DataType.DOUBLE)
                .updater(updater)
                .list()
                .layer(new DenseLayer.Builder().nIn(2).nOut(3).activation(Activation.TANH)
                        .regularization(regularization).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(3).nOut(1)
                        .activation(Activation.IDENTITY).regularization(regularization).build())
                .build();
    }

    /** One output layer 1 -> 1 (identity, MSE): y = w x + b; regularisation per layer or on the network builder. */
    static MultiLayerNetwork linear(IUpdater updater, List<Regularization> regularization, boolean onNetworkBuilder) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(7)
                .dataType(DataType.DOUBLE)
                .updater(updater)
                .regularization(onNetworkBuilder ? regularization : List.of())
                .list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(1).nOut(1)
                        .activation(Activation.IDENTITY)
                        .regularization(onNetworkBuilder ? List.of() : regularization).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }
}
