package org.cajal.layers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.cajal.api.Parameters;
import org.cajal.api.data.DataSchema;
import org.cajal.api.model.LayerBuild;
import org.cajal.api.model.LayerContext;
import org.cajal.api.model.LayerException;
import org.cajal.api.model.Shape;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/** End to end: the layers this bundle builds form a DL4J network that learns XOR. */
class XorTrainingTest {

    private static final String LOSS = "categorical-cross-entropy";
    private static final DataSchema XOR = DataSchema.classification(List.of("x1", "x2"), "xor", List.of("0", "1"));

    @Test
    void denseTanhPlusSoftmaxOutputLearnsXor() throws LayerException {
        DenseLayerType dense = new DenseLayerType();
        OutputLayerType output = new OutputLayerType();
        LayerBuild hidden = dense.build(Parameters.resolve(dense.descriptor(),
                Map.of("units", 8, "activation", "tanh"), Path.of(".")),
                new LayerContext(0, Shape.of(2), "the dataset", false, LOSS, XOR));
        LayerBuild out = output.build(Parameters.defaults(output.descriptor()),
                new LayerContext(1, hidden.output(), "layer 0 (dense)", true, LOSS, XOR));

        MultiLayerNetwork network = network(hidden, out);
        assertEquals(hidden.parameterCount() + out.parameterCount(), network.numParams());

        INDArray features = Nd4j.create(new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
        INDArray oneHot = Nd4j.create(new float[][] {{1, 0}, {0, 1}, {0, 1}, {1, 0}});
        DataSet truthTable = new DataSet(features, oneHot);
        for (int epoch = 0; epoch < 300; epoch++) {
            network.fit(truthTable);
        }
        INDArray predicted = network.output(features).argMax(1);
        INDArray expected = oneHot.argMax(1);
        assertEquals(expected, predicted, "predicted classes " + predicted + " for the truth table");
    }

    private static MultiLayerNetwork network(LayerBuild hidden, LayerBuild out) {
        MultiLayerConfiguration configuration = new NeuralNetConfiguration.Builder()
                .seed(42)
                .updater(new Adam(0.05))
                .list()
                .layer(hidden.layer())
                .layer(out.layer())
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        network.init();
        return network;
    }
}
