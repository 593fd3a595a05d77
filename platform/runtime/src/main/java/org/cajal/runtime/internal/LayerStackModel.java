package org.cajal.runtime.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.cajal.api.data.DataSchema;
import org.cajal.api.model.LayerBuild;
import org.cajal.api.model.TrainableModel;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.learning.config.IUpdater;

/** The built-in architecture: the pipeline's layers as one DL4J {@link MultiLayerNetwork}. */
final class LayerStackModel implements TrainableModel {

    private final MultiLayerNetwork network;

    private LayerStackModel(MultiLayerNetwork network) {
        this.network = network;
    }

    static LayerStackModel build(List<LayerBuild> layers, DataSchema schema, IUpdater updater, long seed) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(updater)
                .list();
        for (int i = 0; i < layers.size(); i++) {
            list.layer(i, layers.get(i).layer());
        }
        list.setInputType(inputType(schema));
        MultiLayerConfiguration conf = list.build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return new LayerStackModel(net);
    }

    private static InputType inputType(DataSchema schema) {
        List<Long> s = schema.featureShape();
        return switch (s.size()) {
            case 1 -> InputType.feedForward(s.get(0));
            case 2 -> InputType.recurrent(s.get(0), s.get(1));
            case 3 -> InputType.convolutional(s.get(1), s.get(2), s.get(0));
            default -> throw new IllegalArgumentException("unsupported feature shape " + s);
        };
    }

    @Override
    public long parameterCount() {
        return network.numParams();
    }

    @Override
    public double fit(DataSet batch) {
        network.fit(batch);
        return network.score();
    }

    @Override
    public double loss(DataSet examples) {
        return network.score(new org.nd4j.linalg.dataset.DataSet(examples.getFeatures(), examples.getLabels()),
                false);
    }

    @Override
    public INDArray predict(INDArray features) {
        return network.output(features, false);
    }

    @Override
    public void save(Path file) throws IOException {
        ModelSerializer.writeModel(network, file.toFile(), true);
    }
}
