package org.cajal.runtime.internal.train;

import java.util.ArrayList;
import java.util.List;

import org.cajal.api.data.DataSchema;
import org.cajal.api.model.LayerBuild;
import org.cajal.api.pipeline.Regularisation;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.GaussianNoise;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.regularization.L1Regularization;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;

/**
 * A layer stack's DL4J configuration: the built layers in order, L1/L2 and the optimizer's penalties on every
 * weighted layer, dropout and input noise, and the input type from the data's feature shape.
 */
final class StackConfiguration {

    private StackConfiguration() {
    }

    /** The layers as one initialised DL4J network, with the regularisation {@link LayerStackModel#build} describes. */
    static MultiLayerNetwork network(List<LayerBuild> layers, DataSchema schema, IUpdater updater, long seed,
                                             Regularisation regularisation, List<Regularization> extra) {
        List<Regularization> penalties = new ArrayList<>(extra);
        if (regularisation.l1() > 0) {
            penalties.add(new L1Regularization(regularisation.l1()));
        }
        if (regularisation.l2() > 0) {
            penalties.add(new L2Regularization(regularisation.l2()));
        }
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(updater)
                .list();
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i).layer().clone();
            if (layer.getIDropout() == null) {
                layer.setIDropout(inputNoise(i, regularisation));
            }
            if (layer instanceof BaseLayer weighted && !penalties.isEmpty()) {
                // per layer, not on the builder: DL4J M2.1 applies builder-level weight decay twice
                List<Regularization> all = new ArrayList<>(weighted.getRegularization() == null ? List.of()
                        : weighted.getRegularization());
                all.addAll(penalties);
                weighted.setRegularization(all);
            }
            list.layer(i, layer);
        }
        list.setInputType(inputType(schema));
        MultiLayerConfiguration conf = list.build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private static IDropout inputNoise(int index, Regularisation r) {
        if (index == 0) {
            return r.inputNoise() > 0 ? new GaussianNoise(r.inputNoise()) : null;
        }
        // DL4J's Dropout takes the probability of KEEPING an activation
        return r.dropout() > 0 ? new Dropout(1 - r.dropout()) : null;
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
}
