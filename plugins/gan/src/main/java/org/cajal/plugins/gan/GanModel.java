package org.cajal.plugins.gan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.cajal.api.model.GenerativeModel;
import org.deeplearning4j.nn.api.OptimizationAlgorithm;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A generative adversarial network (Goodfellow et al. 2014) of two dense DL4J networks: a generator G that maps
 * latent vectors z ~ N(0, I) to examples, and a discriminator D that tells real examples from generated ones.
 *
 * <p>Training follows Algorithm 1 of Goodfellow et al.: every {@link #fit} is one discriminator step on the real
 * mini-batch plus as many generated examples (labels 1 and 0); after every {@code discriminatorSteps}-th of them
 * one generator step on as many fresh latent vectors. The generator step takes the gradient of the generator loss
 * with respect to D's input ({@link MultiLayerNetwork#calculateGradients}, D's weights untouched), back-propagates
 * it through G ({@link MultiLayerNetwork#backpropGradient}) and applies it with G's own copy of the pipeline's
 * optimizer.
 *
 * <p>Two loss families: {@link Loss#BINARY_CROSS_ENTROPY} (standard GAN: D ends in a sigmoid, D's loss is binary
 * cross-entropy; the generator minimises {@code -log D(G(z))}, the non-saturating loss, or {@code log(1 - D(G(z)))},
 * the original minimax loss) and {@link Loss#MSE} (least-squares GAN, Mao et al. 2017, with labels a = 0, b = c = 1:
 * D is linear and minimises {@code (D(x) - 1)^2} on real and {@code D(G(z))^2} on generated examples, G minimises
 * {@code (D(G(z)) - 1)^2}). All losses are means over the examples.
 *
 * <p>Features of any shape are flattened for the dense networks; generated samples are reshaped back. Everything
 * runs on the calling thread; nothing is shared between models.
 */
public final class GanModel implements GenerativeModel {

    /** File written beside the saved model: the generated samples after every epoch and real examples. */
    public static final String SAMPLES_FILE = "gan-samples.json";
    /** Most real training examples kept for {@value #SAMPLES_FILE}. */
    public static final int REAL_EXAMPLES = 500;
    /** Most examples on each side of the energy distance (it costs O(n^2)). */
    public static final int ENERGY_EXAMPLES = 1000;

    /** Zip entries of the saved model. */
    static final String GENERATOR_ENTRY = "generator.zip";
    static final String DISCRIMINATOR_ENTRY = "discriminator.zip";
    static final String CONFIG_ENTRY = "gan.json";

    /** The training losses this model supports (the pipeline's {@code training.loss}). */
    public enum Loss {
        /** Standard GAN: sigmoid discriminator, binary cross-entropy. */
        BINARY_CROSS_ENTROPY("binary-cross-entropy"),
        /** Least-squares GAN: linear discriminator, squared error. */
        MSE("mse");

        private final String id;

        Loss(String id) {
            this.id = id;
        }

        /** The pipeline id. */
        public String id() {
            return id;
        }

        /** The loss with this pipeline id, if supported. */
        public static Optional<Loss> byId(String id) {
            return Arrays.stream(values()).filter(l -> l.id.equals(id)).findFirst();
        }
    }

    /** What the generator minimises with {@link Loss#BINARY_CROSS_ENTROPY}. */
    public enum GeneratorLoss {
        /** {@code -log D(G(z))}: strong gradients while D rejects the samples (Goodfellow et al.'s advice). */
        NON_SATURATING("non-saturating"),
        /** {@code log(1 - D(G(z)))}: the minimax game's own term, which saturates early in training. */
        MINIMAX("minimax");

        private final String id;

        GeneratorLoss(String id) {
            this.id = id;
        }

        /** The parameter value. */
        public String id() {
            return id;
        }

        /** The generator loss with this parameter value. */
        public static GeneratorLoss byId(String id) {
            return Arrays.stream(values()).filter(l -> l.id.equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("generatorLoss '" + id
                            + "' is unknown; use non-saturating or minimax"));
        }
    }

    /**
     * The shape of the networks.
     *
     * @param featureShape one example's shape, e.g. {@code [2]} or {@code [1, 28, 28]}
     * @param latentSize width of z
     * @param generatorLayers widths of G's hidden layers
     * @param discriminatorLayers widths of D's hidden layers
     * @param activation hidden activation: leaky-relu (slope 0.2), relu or tanh
     * @param generatorOutput G's output activation: identity, tanh or sigmoid
     * @param discriminatorSteps D steps per G step (k)
     * @param loss standard or least-squares GAN
     * @param generatorLoss the generator's loss with binary cross-entropy
     * @param samples number of fixed latent vectors whose outputs are recorded after every epoch
     */
    public record Config(List<Long> featureShape, int latentSize, int[] generatorLayers, int[] discriminatorLayers,
                         String activation, String generatorOutput, int discriminatorSteps, Loss loss,
                         GeneratorLoss generatorLoss, int samples) {

        public Config {
            featureShape = List.copyOf(featureShape);
            generatorLayers = generatorLayers.clone();
            discriminatorLayers = discriminatorLayers.clone();
        }

        /** Number of scalars in one example. */
        public int featureCount() {
            return (int) featureShape.stream().mapToLong(Long::longValue).reduce(1L, (a, b) -> a * b);
        }
    }

    /** One epoch's generated samples from the fixed latent vectors ({@code [samples, featureCount]}). */
    record EpochSamples(int epoch, float[][] samples) {
    }

    private final Config config;
    private final long seed;
    private final MultiLayerNetwork generator;
    private final MultiLayerNetwork discriminator;
    private final Random noise;
    private final INDArray fixedLatent;
    private final INDArray evaluationLatent;
    /** Most values (samples × features) recorded per epoch: 1 MiB of floats, e.g. 334 Fashion-MNIST images. */
    static final long MAX_SAMPLE_VALUES = 262_144;
    /**
     * Most epochs kept in the sample history: beyond it every other recorded epoch is dropped (the untrained one
     * and the newest stay), so a long run keeps an evenly thinned history in bounded memory.
     */
    static final int MAX_HISTORY = 51;
    private final List<EpochSamples> history = new ArrayList<>();
    private final List<float[]> real = new ArrayList<>();
    private int discriminatorUpdates;
    private int generatorUpdates;
    private int epoch;
    private double dLossSum;
    private int dLossCount;
    private double gLossSum;
    private int gLossCount;
    private double lastDLoss = Double.NaN;
    private double lastGLoss = Double.NaN;

    /**
     * Builds an untrained GAN.
     *
     * @param updater the optimizer; G and D each get their own clone
     * @param seed seeds the weight initialisation and every latent vector drawn
     */
    public GanModel(Config config, IUpdater updater, long seed) {
        this.config = config;
        this.seed = seed;
        this.generator = new MultiLayerNetwork(generatorConfiguration(config, updater.clone(), seed + 1));
        this.generator.init();
        this.discriminator = new MultiLayerNetwork(discriminatorConfiguration(config, updater.clone(), seed));
        this.discriminator.init();
        this.noise = new Random(seed ^ 0x6A09E667F3BCC908L);
        this.fixedLatent = gaussian(new Random(seed ^ 0xBB67AE8584CAA73BL), config.samples());
        this.evaluationLatent = gaussian(new Random(seed ^ 0x3C6EF372FE94F82BL), ENERGY_EXAMPLES);
        history.add(new EpochSamples(0, rows(generate(fixedLatent))));
    }

    private static IActivation activation(String id) {
        return switch (id) {
            case "leaky-relu" -> new ActivationLReLU(0.2);
            case "relu" -> Activation.RELU.getActivationFunction();
            case "tanh" -> Activation.TANH.getActivationFunction();
            case "identity" -> Activation.IDENTITY.getActivationFunction();
            case "sigmoid" -> Activation.SIGMOID.getActivationFunction();
            default -> throw new IllegalArgumentException("activation '" + id + "' is unknown");
        };
    }

    private static NeuralNetConfiguration.ListBuilder base(IUpdater updater, long seed) {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .optimizationAlgo(OptimizationAlgorithm.STOCHASTIC_GRADIENT_DESCENT)
                .updater(updater)
                .weightInit(WeightInit.XAVIER)
                .trainingWorkspaceMode(WorkspaceMode.NONE)
                .inferenceWorkspaceMode(WorkspaceMode.NONE)
                .list();
    }

    /** G: latent vector to a flattened example, dense layers only (no output layer: its loss comes from D). */
    static MultiLayerConfiguration generatorConfiguration(Config config, IUpdater updater, long seed) {
        NeuralNetConfiguration.ListBuilder list = base(updater, seed);
        int in = config.latentSize();
        int i = 0;
        for (int width : config.generatorLayers()) {
            list.layer(i++, new DenseLayer.Builder().nIn(in).nOut(width).activation(activation(config.activation()))
                    .build());
            in = width;
        }
        list.layer(i, new DenseLayer.Builder().nIn(in).nOut(config.featureCount())
                .activation(activation(config.generatorOutput())).build());
        return list.build();
    }

    /** D: flattened example to one output, sigmoid + cross-entropy or linear + squared error. */
    static MultiLayerConfiguration discriminatorConfiguration(Config config, IUpdater updater, long seed) {
        NeuralNetConfiguration.ListBuilder list = base(updater, seed);
        int in = config.featureCount();
        int i = 0;
        for (int width : config.discriminatorLayers()) {
            list.layer(i++, new DenseLayer.Builder().nIn(in).nOut(width).activation(activation(config.activation()))
                    .build());
            in = width;
        }
        boolean bce = config.loss() == Loss.BINARY_CROSS_ENTROPY;
        list.layer(i, new OutputLayer.Builder(bce ? LossFunctions.LossFunction.XENT : LossFunctions.LossFunction.MSE)
                .nIn(in).nOut(1).activation(bce ? Activation.SIGMOID : Activation.IDENTITY).build());
        return list.build();
    }

    private INDArray gaussian(Random random, int rows) {
        float[] z = new float[rows * config.latentSize()];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) random.nextGaussian();
        }
        return Nd4j.create(z, new long[] {rows, config.latentSize()}, DataType.FLOAT);
    }

    /** The network's shape. */
    public Config config() {
        return config;
    }

    /** The generator (for tests). */
    MultiLayerNetwork generator() {
        return generator;
    }

    /** The discriminator (for tests). */
    MultiLayerNetwork discriminator() {
        return discriminator;
    }

    /** Generated examples for latent vectors {@code [n, latentSize]}, flattened: {@code [n, featureCount]}. */
    INDArray generate(INDArray latent) {
        return generator.output(latent, false);
    }

    /** Generated examples for latent vectors, in the data's shape {@code [n, ...featureShape]}. */
    public INDArray sample(INDArray latent) {
        long[] shape = new long[config.featureShape().size() + 1];
        shape[0] = latent.size(0);
        for (int i = 1; i < shape.length; i++) {
            shape[i] = config.featureShape().get(i - 1);
        }
        return generate(latent).reshape('c', shape);
    }

    /** {@code n} latent vectors drawn from the model's training noise. */
    INDArray latent(int n) {
        return gaussian(noise, n);
    }

    private INDArray flatten(INDArray features) {
        INDArray f = features.castTo(DataType.FLOAT);
        return f.rank() == 2 ? f : f.reshape('c', f.size(0), config.featureCount());
    }

    private static INDArray column(float value, long rows) {
        return Nd4j.valueArrayOf(new long[] {rows, 1}, value, DataType.FLOAT);
    }

    @Override
    public long parameterCount() {
        return generator.numParams() + discriminator.numParams();
    }

    @Override
    public double fit(DataSet batch) {
        INDArray x = flatten(batch.getFeatures());
        int m = (int) x.size(0);
        keepReal(x);
        INDArray fake = generate(latent(m));
        INDArray features = Nd4j.vstack(x, fake);
        INDArray labels = Nd4j.vstack(column(1f, m), column(0f, m));
        discriminator.fit(features, labels);
        double dLoss = discriminator.score();
        discriminatorUpdates++;
        dLossSum += dLoss;
        dLossCount++;
        if (discriminatorUpdates % config.discriminatorSteps() == 0) {
            double gLoss = generatorStep(latent(m));
            gLossSum += gLoss;
            gLossCount++;
        }
        return dLoss;
    }

    /**
     * One generator step on the given latent vectors: the generator loss's gradient with respect to D's input,
     * back-propagated through G and applied with G's optimizer; D is not changed.
     *
     * @return the generator loss before the step
     */
    double generatorStep(INDArray latent) {
        int m = (int) latent.size(0);
        generator.setInput(latent);
        List<INDArray> activations = generator.feedForward(true, false);   // keeps the layers' inputs for backprop
        INDArray fake = activations.get(activations.size() - 1);
        INDArray dOut = discriminator.output(fake, false);
        double loss = generatorLoss(dOut);
        // DL4J's loss gradients are summed over the batch; the updater divides by the batch size
        INDArray target = column(config.loss() == Loss.BINARY_CROSS_ENTROPY
                && config.generatorLoss() == GeneratorLoss.MINIMAX ? 0f : 1f, m);
        Pair<Gradient, INDArray> dGradient = discriminator.calculateGradients(fake, target, null, null);
        INDArray epsilon = dGradient.getSecond().dup();
        if (config.loss() == Loss.BINARY_CROSS_ENTROPY && config.generatorLoss() == GeneratorLoss.MINIMAX) {
            // log(1 - D) = -BCE(D, 0): ascend the cross-entropy with label 0
            epsilon.negi();
        }
        Pair<Gradient, INDArray> gGradient = generator.backpropGradient(epsilon, LayerWorkspaceMgr.noWorkspaces());
        Gradient gradient = gGradient.getFirst();
        generator.getUpdater().update(generator, gradient, generatorUpdates, epoch, m,
                LayerWorkspaceMgr.noWorkspaces());
        generator.params().subi(gradient.gradient());
        generatorUpdates++;
        generator.setIterationCount(generatorUpdates);
        generator.clear();
        return loss;
    }

    /** The generator loss (mean over the rows) for D's outputs on generated examples. */
    double generatorLoss(INDArray dOut) {
        double[] d = dOut.castTo(DataType.DOUBLE).data().asDouble();
        double sum = 0;
        for (double v : d) {
            if (config.loss() == Loss.MSE) {
                sum += (v - 1) * (v - 1);
            } else if (config.generatorLoss() == GeneratorLoss.MINIMAX) {
                sum += Math.log(Math.max(1e-12, 1 - v));
            } else {
                sum -= Math.log(Math.max(1e-12, v));
            }
        }
        return sum / d.length;
    }

    /** Keeps real examples of the first epoch (each example once), up to {@value #REAL_EXAMPLES}. */
    private void keepReal(INDArray x) {
        if (epoch > 0) {
            return;
        }
        for (int i = 0; i < x.size(0) && real.size() < REAL_EXAMPLES; i++) {
            real.add(x.getRow(i).toFloatVector());
        }
    }

    @Override
    public void endEpoch() {
        epoch++;
        generator.incrementEpochCount();
        discriminator.incrementEpochCount();
        lastDLoss = dLossCount == 0 ? Double.NaN : dLossSum / dLossCount;
        lastGLoss = gLossCount == 0 ? Double.NaN : gLossSum / gLossCount;
        dLossSum = 0;
        dLossCount = 0;
        gLossSum = 0;
        gLossCount = 0;
        history.add(new EpochSamples(epoch, rows(generate(fixedLatent))));
        if (history.size() > MAX_HISTORY) {
            // keep the untrained epoch 0, every other one after it, and the newest
            EpochSamples newest = history.remove(history.size() - 1);
            for (int i = history.size() - 1; i >= 1; i--) {
                if (i % 2 == 1) {
                    history.remove(i);
                }
            }
            history.add(newest);
        }
    }

    private static float[][] rows(INDArray a) {
        float[][] out = new float[(int) a.size(0)][];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.getRow(i).toFloatVector();
        }
        return out;
    }

    /** {@code generator_loss} and {@code discriminator_loss}: the means over the last epoch's steps. */
    @Override
    public Map<String, Double> epochValues() {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("generator_loss", lastGLoss);
        values.put("discriminator_loss", lastDLoss);
        return values;
    }

    /**
     * D's loss on the real examples plus as many generated ones (from fixed latent vectors, so the value depends
     * on the weights only).
     */
    @Override
    public double loss(DataSet examples) {
        INDArray x = flatten(examples.getFeatures());
        long n = x.size(0);
        INDArray fake = generate(latentRows(n));
        return discriminator.score(new org.nd4j.linalg.dataset.DataSet(Nd4j.vstack(x, fake),
                Nd4j.vstack(column(1f, n), column(0f, n))), false);
    }

    /** {@code n} deterministic latent vectors: the evaluation set, repeated when more are needed. */
    private INDArray latentRows(long n) {
        if (n <= ENERGY_EXAMPLES) {
            return evaluationLatent.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, n),
                    org.nd4j.linalg.indexing.NDArrayIndex.all()).dup();
        }
        int[] rows = new int[(int) n];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i % ENERGY_EXAMPLES;
        }
        return evaluationLatent.getRows(rows);
    }

    /**
     * D's output for examples {@code [n, 1]}: with binary cross-entropy the probability that they are real; with
     * mse D's least-squares score (trained towards 1 for real, 0 for generated) clipped to [0, 1].
     */
    @Override
    public INDArray predict(INDArray features) {
        INDArray out = discriminator.output(flatten(features), false);
        if (config.loss() == Loss.MSE) {
            out = org.nd4j.linalg.ops.transforms.Transforms.min(
                    org.nd4j.linalg.ops.transforms.Transforms.max(out, 0.0, true), 1.0, false);
        }
        return out;
    }

    @Override
    public String metricName() {
        return "energy_distance";
    }

    @Override
    public boolean higherIsBetter() {
        return false;
    }

    /**
     * The energy distance between up to {@value #ENERGY_EXAMPLES} generated examples (fixed latent vectors) and up
     * to {@value #ENERGY_EXAMPLES} of the given ones (a fixed random subset of a larger set).
     */
    @Override
    public double metric(INDArray features) {
        INDArray x = subsample(flatten(features));
        return EnergyDistance.between(generate(latentRows(Math.min(ENERGY_EXAMPLES, x.size(0)))), x);
    }

    private INDArray subsample(INDArray x) {
        int n = (int) x.size(0);
        if (n <= ENERGY_EXAMPLES) {
            return x;
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = 0; i < ENERGY_EXAMPLES; i++) {
            int j = i + random.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return x.getRows(Arrays.copyOf(order, ENERGY_EXAMPLES));
    }

    /**
     * {@code energy_distance} (as {@link #metric}); D's mean output on the real and on as many generated examples
     * ({@code discriminator_real_mean}, {@code discriminator_generated_mean}: both near 1/2 when D cannot tell them
     * apart) and the share D classifies right at the threshold 1/2 ({@code discriminator_accuracy}, 0.5 = guessing);
     * the loss settings.
     */
    @Override
    public Map<String, Object> evaluate(INDArray features) {
        INDArray x = subsample(flatten(features));
        INDArray fake = generate(latentRows(x.size(0)));
        INDArray realOut = discriminator.output(x, false);
        INDArray fakeOut = discriminator.output(fake, false);
        long correct = realOut.gt(0.5).castTo(DataType.INT).sumNumber().longValue()
                + fakeOut.lte(0.5).castTo(DataType.INT).sumNumber().longValue();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("energy_distance", EnergyDistance.between(fake, x));
        out.put("energy_distance_examples", x.size(0));
        out.put("discriminator_real_mean", realOut.meanNumber().doubleValue());
        out.put("discriminator_generated_mean", fakeOut.meanNumber().doubleValue());
        out.put("discriminator_accuracy", correct / (2.0 * x.size(0)));
        out.put("loss", config.loss().id());
        if (config.loss() == Loss.BINARY_CROSS_ENTROPY) {
            out.put("generator_loss", config.generatorLoss().id());
        }
        out.put("generator_updates", generatorUpdates);
        out.put("discriminator_updates", discriminatorUpdates);
        return out;
    }

    @Override
    public Optional<Object> snapshot() {
        return Optional.of(new INDArray[] {generator.params().dup(), discriminator.params().dup()});
    }

    @Override
    public void restore(Object snapshot) {
        if (!(snapshot instanceof INDArray[] arrays) || arrays.length != 2) {
            throw new IllegalArgumentException("not a snapshot of a GAN model: " + snapshot);
        }
        generator.setParams(arrays[0]);
        discriminator.setParams(arrays[1]);
    }

    /**
     * The losses at the equilibrium where D cannot tell real from generated examples (D = 1/2 everywhere):
     * {@code discriminator_loss} and {@code generator_loss} as this model defines them.
     */
    public Map<String, Double> equilibrium() {
        Map<String, Double> out = new LinkedHashMap<>();
        if (config.loss() == Loss.MSE) {
            out.put("discriminator_loss", 0.25);     // mean of (1/2 - 1)^2 and (1/2 - 0)^2
            out.put("generator_loss", 0.25);         // (1/2 - 1)^2
        } else {
            out.put("discriminator_loss", Math.log(2));   // -log 1/2 on both halves
            out.put("generator_loss", config.generatorLoss() == GeneratorLoss.MINIMAX ? -Math.log(2) : Math.log(2));
        }
        return out;
    }

    /**
     * Writes a zip with both networks (entries {@value #GENERATOR_ENTRY} and {@value #DISCRIMINATOR_ENTRY}, each
     * DL4J's ModelSerializer format without updater state) and the configuration ({@value #CONFIG_ENTRY}); the
     * runtime may append further entries. Beside it writes {@value #SAMPLES_FILE}.
     */
    @Override
    public void save(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, GENERATOR_ENTRY, serialised(generator));
            entry(zip, DISCRIMINATOR_ENTRY, serialised(discriminator));
            entry(zip, CONFIG_ENTRY, GanSamples.MAPPER.writeValueAsBytes(configDocument()));
        }
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null) {
            GanSamples.write(samplesDocument(), folder.resolve(SAMPLES_FILE));
        }
    }

    private static byte[] serialised(MultiLayerNetwork network) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(network, bytes, false);
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    /** Reads the generator and the discriminator back from a saved model file. */
    static MultiLayerNetwork[] readNetworks(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            MultiLayerNetwork[] out = new MultiLayerNetwork[2];
            String[] names = {GENERATOR_ENTRY, DISCRIMINATOR_ENTRY};
            for (int i = 0; i < 2; i++) {
                ZipEntry entry = zip.getEntry(names[i]);
                if (entry == null) {
                    throw new IOException(file + " is not a saved GAN: it has no entry " + names[i]);
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    out[i] = ModelSerializer.restoreMultiLayerNetwork(in, false);
                }
            }
            return out;
        }
    }

    private Map<String, Object> configDocument() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("featureShape", config.featureShape());
        doc.put("latentSize", config.latentSize());
        doc.put("generatorLayers", config.generatorLayers());
        doc.put("discriminatorLayers", config.discriminatorLayers());
        doc.put("activation", config.activation());
        doc.put("generatorOutput", config.generatorOutput());
        doc.put("discriminatorSteps", config.discriminatorSteps());
        doc.put("loss", config.loss().id());
        doc.put("generatorLoss", config.generatorLoss().id());
        doc.put("latentDistribution", "standard normal");
        return doc;
    }

    /** The content of {@value #SAMPLES_FILE}. */
    GanSamples samplesDocument() {
        return new GanSamples(config.featureShape(), config.loss().id(),
                config.loss() == Loss.MSE ? "least-squares" : config.generatorLoss().id(), equilibrium(),
                List.copyOf(real), List.copyOf(history));
    }
}
