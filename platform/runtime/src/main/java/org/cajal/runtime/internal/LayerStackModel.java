package org.cajal.runtime.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cajal.api.data.DataSchema;
import org.cajal.api.model.LayerBuild;
import org.cajal.api.model.TrainableModel;
import org.cajal.api.pipeline.Regularisation;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.GaussianNoise;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.regularization.L1Regularization;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;

/** The built-in architecture: the pipeline's layers as one DL4J {@link MultiLayerNetwork}. */
final class LayerStackModel implements TrainableModel {

    private final MultiLayerNetwork network;

    private LayerStackModel(MultiLayerNetwork network) {
        this.network = network;
    }

    /**
     * Builds and initialises the network.
     *
     * @param regularisation the pipeline's penalties: L1/L2 on every layer's weights; dropout on the input of
     *                       every layer after the first that sets none itself; Gaussian noise on the network's
     *                       input (layer 0) during training
     * @param extra weight penalties that come with the optimizer (AdamW's decoupled weight decay)
     */
    static LayerStackModel build(List<LayerBuild> layers, DataSchema schema, IUpdater updater, long seed,
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
        return new LayerStackModel(net);
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
    public void endEpoch() {
        // network.fit(DataSet) never advances DL4J's epoch counter, which epoch-based schedules read
        network.incrementEpochCount();
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

    /**
     * Every layer's parameters as nested lists ({@code {"0_W": [[...]], "0_b": [[...]]}}, DL4J's parameter
     * names), so a small model's weights can be read without DL4J — e.g. the slope and intercept that 1D linear
     * regression recovered.
     */
    java.util.Map<String, Object> weights() {
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
        network.paramTable().forEach((name, values) -> out.put(name, nested(values)));
        return out;
    }

    private static Object nested(INDArray a) {
        if (a.rank() <= 1 || (a.rank() == 2 && a.rows() == 1)) {
            return java.util.Arrays.stream(a.toDoubleVector()).boxed().toList();
        }
        java.util.List<Object> rows = new ArrayList<>();
        for (long i = 0; i < a.size(0); i++) {
            rows.add(nested(a.slice(i)));
        }
        return rows;
    }

    /** What a layer's activation lets the probe measure: dead units (ReLU), saturation (tanh, sigmoid), or nothing. */
    enum Activity { RELU, TANH, SIGMOID, OTHER }

    /** Each layer's activation kind, by index. */
    java.util.Map<Integer, Activity> activities() {
        java.util.Map<Integer, Activity> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < network.getnLayers(); i++) {
            Object fn = network.getLayer(i).conf().getLayer() instanceof BaseLayer b ? b.getActivationFn() : null;
            out.put(i, fn instanceof org.nd4j.linalg.activations.impl.ActivationReLU ? Activity.RELU
                    : fn instanceof org.nd4j.linalg.activations.impl.ActivationTanH ? Activity.TANH
                    : fn instanceof org.nd4j.linalg.activations.impl.ActivationSigmoid ? Activity.SIGMOID
                    : Activity.OTHER);
        }
        return out;
    }

    /**
     * One inference pass over {@code features} (no dropout, no noise; the model is not changed), measured per
     * layer: {@code [deadShare, saturatedShare]} ({@link LayerProbe#deadShare} for ReLU layers,
     * {@link LayerProbe#saturatedShare} for tanh and sigmoid layers, NaN where it does not apply).
     */
    java.util.Map<Integer, double[]> activationShares(INDArray features) {
        java.util.Map<Integer, Activity> kinds = activities();
        java.util.Map<Integer, double[]> out = new java.util.LinkedHashMap<>();
        if (kinds.values().stream().allMatch(k -> k == Activity.OTHER)) {
            return out;
        }
        List<INDArray> activations = network.feedForward(features, false);
        // activations.get(0) is the input; layer i's output is at i + 1
        kinds.forEach((i, kind) -> {
            INDArray a = activations.get(i + 1);
            switch (kind) {
                case RELU -> out.put(i, new double[] {LayerProbe.deadShare(a), Double.NaN});
                case TANH -> out.put(i, new double[] {Double.NaN, LayerProbe.saturatedShare(a, -0.99, 0.99)});
                case SIGMOID -> out.put(i, new double[] {Double.NaN, LayerProbe.saturatedShare(a, 0.01, 0.99)});
                default -> { }
            }
        });
        return out;
    }

    /** A copy of every layer's weight matrix (DL4J's parameter {@code W}), by layer index. */
    java.util.Map<Integer, INDArray> weightMatrices() {
        java.util.Map<Integer, INDArray> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < network.getnLayers(); i++) {
            INDArray w = network.getLayer(i).paramTable().get("W");
            if (w != null) {
                out.put(i, w.dup());
            }
        }
        return out;
    }

    /** Each layer's update ratio ({@link LayerProbe#updateRatio}) since {@code before} was taken. */
    java.util.Map<Integer, Double> updateRatios(java.util.Map<Integer, INDArray> before) {
        java.util.Map<Integer, Double> out = new java.util.LinkedHashMap<>();
        before.forEach((i, w) -> out.put(i, LayerProbe.updateRatio(w, network.getLayer(i).paramTable().get("W"))));
        return out;
    }

    @Override
    public java.util.Optional<Object> snapshot() {
        return java.util.Optional.of(network.params().dup());
    }

    @Override
    public void restore(Object snapshot) {
        network.setParams((INDArray) snapshot);
    }

    @Override
    public void save(Path file) throws IOException {
        ModelSerializer.writeModel(network, file.toFile(), true);
    }
}
