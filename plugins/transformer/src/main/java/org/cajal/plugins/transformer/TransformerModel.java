package org.cajal.plugins.transformer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.cajal.api.model.TrainableModel;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * A transformer encoder for classifying token sequences, as one SameDiff graph: token embeddings plus learned
 * position embeddings, {@code layers} encoder blocks (multi-head scaled dot-product self-attention that ignores
 * padding, then a position-wise feed-forward network, each followed by a residual connection and layer
 * normalisation), the mean over the non-padding positions and a softmax classifier.
 *
 * <p>Input: token ids {@code [n, length]} (0 = padding). Output: class probabilities {@code [n, classes]}. The
 * attention weights of every block and head are named graph outputs ({@link #attention}).
 *
 * <p>Dropout masks are drawn in Java from the model's seed and fed to the graph as placeholders, so training is
 * reproducible and prediction never drops anything.
 *
 * <p>The model learns its vocabulary from the examples it is trained on: a token id that occurs in no {@link #fit}
 * batch is read as {@link Vocabulary#UNKNOWN} everywhere else (loss, prediction, attention), so a token found only in
 * validation or test rows never has an embedding of its own. The ids seen in training are saved with the model (the
 * graph's constant {@value #TRAINING_TOKENS}: 1 per id seen, else 0).
 */
public final class TransformerModel implements TrainableModel {

    /** File written next to the saved model: tokens and attention weights of the last predicted examples. */
    public static final String ATTENTION_FILE = "attention.json";
    /** How many of the last predicted examples {@link #save} writes to {@value #ATTENTION_FILE}. */
    public static final int ATTENTION_EXAMPLES = 20;

    private static final String IDS = "ids";
    private static final String MASK = "mask";
    private static final String MASK_BIAS = "mask_bias";
    private static final String LABELS = "labels";
    private static final String PROBABILITIES = "probabilities";
    private static final String LOSS = "loss";
    /** The graph constant that holds, per token id, 1 if the id occurred in the training examples, else 0. */
    public static final String TRAINING_TOKENS = "training_tokens";

    /** The shape of the network. */
    public record Config(int vocabulary, int length, int classes, int modelSize, int heads, int layers,
                         int feedForward, double dropout) {

        public Config {
            if (modelSize % heads != 0) {
                throw new IllegalArgumentException("heads (" + heads + ") must divide modelSize (" + modelSize + ")");
            }
        }
    }

    private final Config config;
    private final List<String> tokens;
    private final SameDiff sd;
    private final Random random;
    /** Per token id: whether it occurred in an example given to {@link #fit}. */
    private final boolean[] trained;
    private final List<String> dropoutSites = new ArrayList<>();
    private INDArray lastPredicted;

    /**
     * Builds an untrained model.
     *
     * @param tokens the vocabulary in id order, for {@value #ATTENTION_FILE}; may be empty (ids are then shown)
     * @param updater the optimizer
     * @param seed seeds the weight initialisation and the dropout masks
     */
    public TransformerModel(Config config, List<String> tokens, IUpdater updater, long seed) {
        this.config = config;
        this.tokens = List.copyOf(tokens);
        this.random = new Random(seed);
        this.trained = new boolean[config.vocabulary()];
        trained[Vocabulary.PADDING] = true;
        this.sd = SameDiff.create();
        build(new Random(seed ^ 0x5DEECE66DL));
        sd.setTrainingConfig(TrainingConfig.builder()
                .updater(updater)
                .dataSetFeatureMapping(featureNames())
                .dataSetLabelMapping(LABELS)
                .build());
    }

    private List<String> featureNames() {
        List<String> names = new ArrayList<>();
        names.add(IDS);
        names.add(MASK);
        names.add(MASK_BIAS);
        names.addAll(dropoutSites);
        return names;
    }

    private void build(Random init) {
        int t = config.length();
        int d = config.modelSize();
        int h = config.heads();
        int dk = d / h;
        SDVariable ids = sd.placeHolder(IDS, DataType.FLOAT, -1, t);
        SDVariable labels = sd.placeHolder(LABELS, DataType.FLOAT, -1, config.classes());
        // computed from the ids in Java (padding masks derived inside the graph trip SameDiff M2.1's array
        // release during training): 1 for a token, 0 for padding; and 0 / -1e9 added to the attention scores
        SDVariable mask = sd.placeHolder(MASK, DataType.FLOAT, -1, t);                  // [n, t]
        SDVariable maskBias = sd.placeHolder(MASK_BIAS, DataType.FLOAT, -1, 1, 1, t);   // [n, 1, 1, t]

        SDVariable embedding = weight("embedding", init, 1.0, config.vocabulary(), d);
        SDVariable position = weight("position", init, 1.0, t, d);
        // a one-hot matrix product rather than gather: SameDiff M2.1 differentiates gather with a slow loop
        SDVariable oneHot = sd.oneHot(sd.reshape(ids, -1).castTo(DataType.INT), config.vocabulary())
                .castTo(DataType.FLOAT);                                                 // [n*t, vocabulary]
        SDVariable x = sd.reshape(oneHot.mmul(embedding), -1, t, d).add(position);      // [n, t, d]
        x = sd.reshape(x, -1, d);                                                       // [n*t, d]

        for (int l = 0; l < config.layers(); l++) {
            String p = "block" + l + "_";
            SDVariable q = heads(x, weight(p + "wq", init, d, d, d), bias(p + "bq", d), t, h, dk);
            SDVariable k = heads(x, weight(p + "wk", init, d, d, d), bias(p + "bk", d), t, h, dk);
            SDVariable v = heads(x, weight(p + "wv", init, d, d, d), bias(p + "bv", d), t, h, dk);
            SDVariable scores = sd.mmul(q, k, false, true, false).div(Math.sqrt(dk)).add(maskBias); // [n, h, t, t]
            SDVariable attention = sd.nn().softmax(attentionName(l), scores);
            SDVariable context = sd.permute(sd.mmul(attention, v), 0, 2, 1, 3);        // [n, t, h, dk]
            SDVariable projected = sd.reshape(context, -1, d).mmul(weight(p + "wo", init, d, d, d))
                    .add(bias(p + "bo", d));
            x = sd.nn().layerNorm(x.add(dropout(projected, p + "drop_attention", d)),
                    ones(p + "norm1_gain", d), bias(p + "norm1_bias", d), false, 1);
            SDVariable hidden = sd.nn().relu(x.mmul(weight(p + "ff1", init, d, d, config.feedForward()))
                    .add(bias(p + "ff1_bias", config.feedForward())), 0.0);
            SDVariable ff = hidden.mmul(weight(p + "ff2", init, config.feedForward(), config.feedForward(), d))
                    .add(bias(p + "ff2_bias", d));
            x = sd.nn().layerNorm(x.add(dropout(ff, p + "drop_feed_forward", d)),
                    ones(p + "norm2_gain", d), bias(p + "norm2_bias", d), false, 1);
        }

        SDVariable sequence = sd.reshape(x, -1, t, d);
        SDVariable summed = sequence.mul(sd.reshape(mask, -1, t, 1)).sum(1);            // [n, d]
        SDVariable count = mask.sum(true, 1).add(1e-6);                                 // [n, 1]
        SDVariable pooled = summed.div(count);
        SDVariable logits = pooled.mmul(weight("classifier", init, d, d, config.classes()))
                .add(bias("classifier_bias", config.classes()));
        sd.nn().softmax(PROBABILITIES, logits);
        SDVariable logProbabilities = sd.nn().logSoftmax(logits);
        labels.mul(logProbabilities).sum(1).mean().neg().rename(LOSS);
        sd.setLossVariables(LOSS);
        sd.constant(TRAINING_TOKENS, Nd4j.zeros(DataType.FLOAT, config.vocabulary()));
    }

    /** {@code [n*t, d]} projected and split into heads: {@code [n, h, t, dk]}. */
    private SDVariable heads(SDVariable x, SDVariable w, SDVariable b, int t, int h, int dk) {
        return sd.permute(sd.reshape(x.mmul(w).add(b), -1, t, h, dk), 0, 2, 1, 3);
    }

    /** Multiplies by a dropout mask placeholder (already scaled by 1/keep), or passes through without dropout. */
    private SDVariable dropout(SDVariable x, String name, int width) {
        if (config.dropout() <= 0) {
            return x;
        }
        dropoutSites.add(name);
        return x.mul(sd.placeHolder(name, DataType.FLOAT, -1, width));
    }

    /** A weight matrix drawn from a normal distribution with variance 1/fanIn (Glorot-like for square matrices). */
    private SDVariable weight(String name, Random init, double fanIn, long rows, long columns) {
        float[] values = new float[(int) (rows * columns)];
        double std = fanIn == 1.0 ? 0.1 : Math.sqrt(1.0 / fanIn);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (init.nextGaussian() * std);
        }
        return sd.var(name, Nd4j.create(values, new long[] {rows, columns}, DataType.FLOAT));
    }

    private SDVariable bias(String name, long width) {
        return sd.var(name, Nd4j.zeros(DataType.FLOAT, width));
    }

    private SDVariable ones(String name, long width) {
        return sd.var(name, Nd4j.ones(DataType.FLOAT, width));
    }

    private static String attentionName(int layer) {
        return "attention" + layer;
    }

    /** The network's shape. */
    public Config config() {
        return config;
    }

    /** The SameDiff graph (for tests and gradient checks). */
    SameDiff sameDiff() {
        return sd;
    }

    @Override
    public long parameterCount() {
        return sd.variables().stream()
                .filter(v -> v.getVariableType() == VariableType.VARIABLE)
                .mapToLong(v -> v.getArr().length())
                .sum();
    }

    @Override
    public double fit(DataSet batch) {
        INDArray features = batch.getFeatures().castTo(DataType.FLOAT);
        learnTokens(features);
        List<INDArray> inputs = new ArrayList<>();
        inputs.add(features);
        INDArray[] masks = masks(features);
        inputs.add(masks[0]);
        inputs.add(masks[1]);
        long rows = features.size(0) * config.length();
        double keep = 1.0 - config.dropout();
        for (int i = 0; i < dropoutSites.size(); i++) {
            float[] m = new float[(int) (rows * config.modelSize())];
            for (int j = 0; j < m.length; j++) {
                m[j] = random.nextDouble() < keep ? (float) (1.0 / keep) : 0f;
            }
            inputs.add(Nd4j.create(m, new long[] {rows, config.modelSize()}, DataType.FLOAT));
        }
        MultiDataSet data = new MultiDataSet(inputs.toArray(INDArray[]::new),
                new INDArray[] {batch.getLabels().castTo(DataType.FLOAT)});
        // SameDiff's training pass does not evaluate the loss itself (only its gradient), so it is computed first,
        // with the same dropout masks
        Map<String, INDArray> in = new HashMap<>();
        List<String> names = featureNames();
        for (int i = 0; i < names.size(); i++) {
            in.put(names.get(i), inputs.get(i));
        }
        in.put(LABELS, data.getLabels(0));
        double loss = sd.output(in, LOSS).get(LOSS).getDouble(0);
        sd.fit(data);
        return loss;
    }

    @Override
    public void endEpoch() {
        sd.getTrainingConfig().incrementEpochCount();
    }

    @Override
    public double loss(DataSet examples) {
        return sd.output(inputs(examples.getFeatures(), examples.getLabels()), LOSS).get(LOSS).getDouble(0);
    }

    @Override
    public INDArray predict(INDArray features) {
        INDArray f = trainingTokens(features);
        INDArray out = probabilities(f);
        lastPredicted = f.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0,
                Math.min(ATTENTION_EXAMPLES, f.size(0))), org.nd4j.linalg.indexing.NDArrayIndex.all()).dup();
        return out;
    }

    /** The class probabilities {@code [n, classes]} for token ids, without remembering the examples. */
    INDArray probabilities(INDArray features) {
        return sd.output(placeholders(features), PROBABILITIES).get(PROBABILITIES);
    }

    /**
     * The attention weights of one block for a batch of token ids: {@code [n, heads, length, length]}, where row
     * {@code i} of a head says how much position {@code i} attends to each position (each row sums to 1; padding
     * positions get weight 0).
     */
    public INDArray attention(INDArray features, int layer) {
        if (layer < 0 || layer >= config.layers()) {
            throw new IllegalArgumentException("layer " + layer + " does not exist; the model has "
                    + config.layers() + " block(s), numbered from 0");
        }
        return sd.output(placeholders(features.castTo(DataType.FLOAT)), attentionName(layer))
                .get(attentionName(layer));
    }

    /** The graph's inputs for examples and their one-hot labels, without dropout (for loss and gradient checks). */
    Map<String, INDArray> inputs(INDArray features, INDArray labels) {
        Map<String, INDArray> in = placeholders(features);
        in.put(LABELS, labels.castTo(DataType.FLOAT));
        return in;
    }

    private Map<String, INDArray> placeholders(INDArray examples) {
        INDArray features = trainingTokens(examples);
        Map<String, INDArray> in = new HashMap<>();
        in.put(IDS, features);
        INDArray[] masks = masks(features);
        in.put(MASK, masks[0]);
        in.put(MASK_BIAS, masks[1]);
        long rows = features.size(0) * config.length();
        for (String site : dropoutSites) {
            in.put(site, Nd4j.ones(DataType.FLOAT, rows, config.modelSize()));
        }
        return in;
    }

    /** Marks the token ids of training examples as part of the model's vocabulary. */
    private void learnTokens(INDArray features) {
        for (float id : features.reshape(features.length()).toFloatVector()) {
            if (id < 0 || id >= trained.length || id != Math.rint(id)) {
                throw new IllegalArgumentException("token id " + id + " is outside the model's vocabulary of "
                        + trained.length + " ids");
            }
            trained[(int) id] = true;
        }
    }

    /** Whether a token id occurred in the training examples (padding counts as seen). */
    boolean trained(int id) {
        return id >= 0 && id < trained.length && trained[id];
    }

    /** Token ids {@code [n, length]} as the model reads them: an id not seen in training becomes unknown. */
    INDArray trainingTokens(INDArray features) {
        INDArray f = features.castTo(DataType.FLOAT);
        float[] ids = f.dup('c').reshape(f.length()).toFloatVector();
        for (int i = 0; i < ids.length; i++) {
            ids[i] = trained((int) ids[i]) && ids[i] == Math.rint(ids[i]) ? ids[i] : Vocabulary.UNKNOWN;
        }
        return Nd4j.create(ids, f.shape(), 'c');
    }

    /** The padding mask {@code [n, t]} (1 for a token, 0 for padding) and the attention bias {@code [n, 1, 1, t]}. */
    private INDArray[] masks(INDArray features) {
        int n = (int) features.size(0);
        int t = config.length();
        float[] ids = features.castTo(DataType.FLOAT).reshape(n * (long) t).toFloatVector();
        float[] mask = new float[ids.length];
        float[] bias = new float[ids.length];
        for (int i = 0; i < ids.length; i++) {
            boolean token = ids[i] != Vocabulary.PADDING;
            mask[i] = token ? 1f : 0f;
            bias[i] = token ? 0f : -1e9f;
        }
        return new INDArray[] {Nd4j.create(mask, new long[] {n, t}, DataType.FLOAT),
                Nd4j.create(bias, new long[] {n, 1, 1, t}, DataType.FLOAT)};
    }

    @Override
    public Optional<Object> snapshot() {
        Map<String, INDArray> copy = new LinkedHashMap<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                copy.put(v.name(), v.getArr().dup());
            }
        }
        return Optional.of(copy);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        if (!(snapshot instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("not a snapshot of a transformer model: " + snapshot);
        }
        for (Map.Entry<String, INDArray> e : ((Map<String, INDArray>) map).entrySet()) {
            sd.getVariable(e.getKey()).getArr().assign(e.getValue());
        }
    }

    /**
     * Writes the SameDiff graph with its weights and the token ids seen in training (SameDiff's FlatBuffers format,
     * without updater state) and, next
     * to it, {@value #ATTENTION_FILE}: the tokens and every block's and head's attention weights for up to
     * {@value #ATTENTION_EXAMPLES} of the examples last given to {@link #predict} (in a Cajal run: the evaluated
     * split, the first of them when it fits one evaluation batch).
     */
    @Override
    public void save(Path file) throws IOException {
        float[] seen = new float[trained.length];
        for (int i = 0; i < seen.length; i++) {
            seen[i] = trained[i] ? 1f : 0f;
        }
        sd.getVariable(TRAINING_TOKENS).getArr().assign(Nd4j.create(seen));
        sd.save(file.toFile(), false);
        if (lastPredicted != null && file.toAbsolutePath().getParent() != null) {
            AttentionFile.write(this, tokens, lastPredicted, file.toAbsolutePath().getParent().resolve(ATTENTION_FILE));
        }
    }
}
