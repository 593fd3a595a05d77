package org.cajal.runtime.internal.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.cajal.api.data.DataSchema;
import org.cajal.api.model.LayerBuild;
import org.cajal.api.model.LayerException;
import org.cajal.api.model.TrainableModel;
import org.cajal.api.pipeline.Regularisation;
import org.cajal.api.pipeline.TrainingEngine;
import org.cajal.runtime.internal.fused.FusedNetwork;
import org.cajal.runtime.internal.fused.FusedSupport;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.regularization.Regularization;

/**
 * The built-in architecture: the pipeline's layers as one DL4J {@link MultiLayerNetwork}, trained by DL4J or — for
 * a stack of dense, output and dropout layers — on the fused path ({@link FusedNetwork}), which starts from the
 * network's own initial weights and writes its weights back into the network whenever anything reads it (saving,
 * diagnostics, weights.json), so everything downstream sees an ordinary DL4J network.
 */
final class LayerStackModel implements TrainableModel {

    /**
     * Largest training step (multiply-adds per example, forward and backward) that {@code auto} puts on the fused
     * path when OpenBLAS is not available to it (another backend): above it DL4J's native matrix products beat the
     * fused path's single-threaded Java loops (measured in docs/performance.md).
     */
    static final long AUTO_FUSED_LIMIT = 150_000;

    private final MultiLayerNetwork network;
    /** The fused path's network, or null when DL4J trains. */
    private final FusedNetwork fused;
    /** What trains, in words, for the console and provenance. */
    private final String engine;
    /** The fused parameters changed since they were last written into {@link #network}. */
    private boolean dirty;
    private float[] xBuffer;
    private float[] yBuffer;

    private LayerStackModel(MultiLayerNetwork network, FusedNetwork fused, String engine) {
        this.network = network;
        this.fused = fused;
        this.engine = engine;
    }

    /** Which engine trains ({@code fused} or {@code dl4j}). */
    String engineId() {
        return fused != null ? TrainingEngine.FUSED.id() : TrainingEngine.DL4J.id();
    }

    /** The fused path's network (the live view's forward pass), or null when DL4J trains. */
    FusedNetwork fusedNetwork() {
        return fused;
    }

    /** What trains, in words: "fused dense path", or "DL4J" and why the fused path was not taken. */
    String engineDescription() {
        return engine;
    }

    /**
     * Builds and initialises the network.
     *
     * @param regularisation the pipeline's penalties: L1/L2 on every layer's weights; dropout on the input of
     *                       every layer after the first that sets none itself; Gaussian noise on the network's
     *                       input (layer 0) during training
     * @param extra weight penalties that come with the optimizer (AdamW's decoupled weight decay)
     * @param engine which loop trains: {@code dl4j}, {@code fused} (else a {@link LayerException} naming what
     *               prevents it), or {@code auto}
     * @param names each layer as messages name it ({@code "layer 2 (lstm)"})
     */
    static LayerStackModel build(List<LayerBuild> layers, DataSchema schema, IUpdater updater, long seed,
                                 Regularisation regularisation, List<Regularization> extra, TrainingEngine engine,
                                 List<String> names) throws LayerException {
        MultiLayerNetwork net = StackConfiguration.network(layers, schema, updater, seed, regularisation, extra);
        if (engine == TrainingEngine.DL4J) {
            return new LayerStackModel(net, null, "DL4J, as training.engine asks");
        }
        try {
            FusedSupport.Plan plan = FusedSupport.plan(net.getLayerWiseConfigurations(), names);
            FusedNetwork fused = new FusedNetwork(plan, net.params().toFloatVector(), seed);
            if (engine == TrainingEngine.AUTO && fused.macsPerExample() > AUTO_FUSED_LIMIT
                    && !FusedNetwork.nativeProducts()) {
                return new LayerStackModel(net, null, "DL4J: " + fused.macsPerExample()
                        + " multiply-adds per example, more than the fused path's " + AUTO_FUSED_LIMIT
                        + " without OpenBLAS");
            }
            return new LayerStackModel(net, fused, "fused dense path");
        } catch (FusedSupport.Unsupported e) {
            if (engine == TrainingEngine.FUSED) {
                throw new LayerException("training.engine is \"fused\" but " + e.getMessage()
                        + "; use \"auto\" or \"dl4j\" for this stack");
            }
            return new LayerStackModel(net, null, "DL4J: " + e.getMessage());
        }
    }

    @Override
    public long parameterCount() {
        return network.numParams();
    }

    @Override
    public double fit(DataSet batch) {
        if (fused != null) {
            int rows = (int) batch.getFeatures().size(0);
            xBuffer = FloatRows.of(batch.getFeatures(), fused.inputWidth(), xBuffer);
            yBuffer = FloatRows.of(batch.getLabels(), fused.outputWidth(), yBuffer);
            dirty = true;
            return fused.fit(xBuffer, yBuffer, rows);
        }
        network.fit(batch);
        return network.score();
    }

    @Override
    public void endEpoch() {
        // network.fit(DataSet) never advances DL4J's epoch counter, which epoch-based schedules read
        network.incrementEpochCount();
        if (fused != null) {
            fused.endEpoch();
        }
    }

    @Override
    public double loss(DataSet examples) {
        if (fused != null) {
            int rows = (int) examples.getFeatures().size(0);
            return fused.loss(FloatRows.of(examples.getFeatures(), fused.inputWidth(), null),
                    FloatRows.of(examples.getLabels(), fused.outputWidth(), null), rows);
        }
        // DL4J's score adds the L1/L2/weight-decay penalties; the contract (and the fused path) is the data loss
        return network.score(new org.nd4j.linalg.dataset.DataSet(examples.getFeatures(), examples.getLabels()),
                false) - network.calcRegularizationScore(true);
    }

    @Override
    public INDArray predict(INDArray features) {
        if (fused != null) {
            int rows = (int) features.size(0);
            float[] out = fused.predict(FloatRows.of(features, fused.inputWidth(), null), rows);
            return Nd4j.create(out, new long[] {rows, fused.outputWidth()}, 'c');
        }
        return network.output(features, false);
    }


    /** Largest training split (features and targets, bytes) the fused path keeps in memory as rows. */
    static final long HELD_ROWS_LIMIT = 256L << 20;

    /** The training split as rows (row-major), when {@link #hold} took it; null otherwise. */
    private float[] heldX;
    private float[] heldY;
    /** Row of {@link #heldX} per dataset index (-1: not in the split). */
    private int[] heldRow;

    /** Whether the fused path would keep {@code examples} training examples in memory ({@link #hold}). */
    boolean canHold(long examples) {
        return fused != null
                && examples * (fused.inputWidth() + fused.outputWidth()) * Float.BYTES <= HELD_ROWS_LIMIT;
    }

    /**
     * Keeps the training examples in memory, preprocessed and encoded, so that each mini-batch is gathered from
     * them ({@link #fitHeld}) instead of read, preprocessed, encoded and converted again every epoch.
     *
     * @param indices the dataset indices of the examples, in the order of {@code examples}' rows
     */
    void hold(int[] indices, DataSet examples) {
        heldX = FloatRows.of(examples.getFeatures(), fused.inputWidth(), null);
        heldY = FloatRows.of(examples.getLabels(), fused.outputWidth(), null);
        int max = java.util.Arrays.stream(indices).max().orElse(-1);
        heldRow = new int[max + 1];
        java.util.Arrays.fill(heldRow, -1);
        for (int r = 0; r < indices.length; r++) {
            heldRow[indices[r]] = r;
        }
    }

    /** One step on the held examples {@code order[from..to)} (dataset indices); as {@link #fit} for that batch. */
    double fitHeld(int[] order, int from, int to) {
        int in = fused.inputWidth();
        int out = fused.outputWidth();
        int rows = to - from;
        if (xBuffer == null || xBuffer.length < rows * in) {
            xBuffer = new float[rows * in];
        }
        if (yBuffer == null || yBuffer.length < rows * out) {
            yBuffer = new float[rows * out];
        }
        for (int k = 0; k < rows; k++) {
            int r = heldRow[order[from + k]];
            System.arraycopy(heldX, r * in, xBuffer, k * in, in);
            System.arraycopy(heldY, r * out, yBuffer, k * out, out);
        }
        dirty = true;
        return fused.fit(xBuffer, yBuffer, rows);
    }

    /** Whether the training examples are held ({@link #hold}). */
    boolean holds() {
        return heldX != null;
    }

    /**
     * Adds the outputs for the held examples (inference: no dropout, no noise) to the metric, {@code chunk} rows
     * per forward pass; no reading, no conversion.
     */
    void scoreHeld(Evaluator.Metric metric, int chunk) {
        int in = fused.inputWidth();
        int out = fused.outputWidth();
        int rows = heldX.length / in;
        for (int from = 0; from < rows; from += chunk) {
            int n = Math.min(chunk, rows - from);
            float[] p = fused.predict(java.util.Arrays.copyOfRange(heldX, from * in, (from + n) * in), n);
            metric.add(java.util.Arrays.copyOfRange(heldY, from * out, (from + n) * out), p, n, out);
        }
    }

    /** Writes the fused path's parameters, updater state and counters into the DL4J network. */
    private void sync() {
        if (fused == null || !dirty) {
            return;
        }
        network.setParams(Nd4j.createFromArray(fused.params()).reshape(1, fused.params().length));
        float[] state = fused.updaterState();
        if (state.length > 0 && network.getUpdater() != null) {
            INDArray view = network.getUpdater().getStateViewArray();
            if (view != null && view.length() == state.length) {
                view.assign(Nd4j.createFromArray(state).reshape(view.shape()));
            }
        }
        network.setIterationCount(fused.iteration());
        network.setEpochCount(fused.epoch());
        dirty = false;
    }

    /** The fused path's network, or null (a checkpoint reads and restores its state: {@link StackState}). */
    FusedNetwork fused() {
        return fused;
    }

    /** The fused path's parameters were changed from outside (a resumed checkpoint). */
    void changed() {
        dirty = true;
    }

    /** Training is over: the fused path gives back what it holds (its share of OpenBLAS's threads). */
    void close() {
        if (fused != null) {
            fused.close();
        }
    }

    /** The DL4J network with the current weights (the fused path's written in first). */
    MultiLayerNetwork network() {
        sync();
        return network;
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
        if (fused != null) {
            // the same measurements in Java on the fused path's own forward pass: no native call in the loop
            int rows = (int) features.size(0);
            float[][] layers = fused.activations(FloatRows.of(features, fused.inputWidth(), null), rows);
            kinds.forEach((i, kind) -> {
                float[] a = layers[i];
                int width = rows == 0 ? 0 : a.length / rows;
                switch (kind) {
                    case RELU -> out.put(i, new double[] {LayerProbe.deadShare(a, rows, width), Double.NaN});
                    case TANH -> out.put(i, new double[] {Double.NaN, LayerProbe.saturatedShare(a, -0.99, 0.99)});
                    case SIGMOID -> out.put(i, new double[] {Double.NaN, LayerProbe.saturatedShare(a, 0.01, 0.99)});
                    default -> { }
                }
            });
            return out;
        }
        List<INDArray> activations = network().feedForward(features, false);
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
        if (fused != null) {
            java.util.Map<Integer, INDArray> out = new java.util.LinkedHashMap<>();
            for (int i = 0; i < network.getnLayers(); i++) {
                float[] w = fused.weights(i);
                if (w != null) {
                    out.put(i, Nd4j.createFromArray(w));
                }
            }
            return out;
        }
        sync();
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
        if (fused != null) {
            java.util.Map<Integer, Double> out = new java.util.LinkedHashMap<>();
            before.forEach((i, w) -> {
                float[] was = w.toFloatVector();
                float[] now = fused.weights(i);
                double norm = 0;
                double change = 0;
                for (int k = 0; k < was.length; k++) {
                    norm += (double) was[k] * was[k];
                    double d = (double) now[k] - was[k];
                    change += d * d;
                }
                out.put(i, norm == 0 ? Double.NaN : Math.sqrt(change) / Math.sqrt(norm));
            });
            return out;
        }
        sync();
        java.util.Map<Integer, Double> out = new java.util.LinkedHashMap<>();
        before.forEach((i, w) -> out.put(i, LayerProbe.updateRatio(w, network.getLayer(i).paramTable().get("W"))));
        return out;
    }

    @Override
    public java.util.Optional<Object> snapshot() {
        if (fused != null) {
            return java.util.Optional.of(fused.params().clone());
        }
        return java.util.Optional.of(network.params().dup());
    }

    @Override
    public void restore(Object snapshot) {
        if (fused != null) {
            float[] saved = (float[]) snapshot;
            System.arraycopy(saved, 0, fused.params(), 0, saved.length);
            dirty = true;
            return;
        }
        network.setParams((INDArray) snapshot);
    }

    @Override
    public void save(Path file) throws IOException {
        ModelSerializer.writeModel(network(), file.toFile(), true);
    }
}
