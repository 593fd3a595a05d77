package org.cajal.plugins.gan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.cajal.api.model.GenerativeModel;
import org.cajal.plugins.gan.GanConfig.GeneratorLoss;
import org.cajal.plugins.gan.GanConfig.Loss;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;

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

    /** One epoch's generated samples from the fixed latent vectors ({@code [samples, featureCount]}). */
    record EpochSamples(int epoch, float[][] samples) {
    }

    private final GanConfig config;
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
    private final SampleHistory history = new SampleHistory();
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
    public GanModel(GanConfig config, IUpdater updater, long seed) {
        this.config = config;
        this.seed = seed;
        this.generator = new MultiLayerNetwork(config.generatorConfiguration(updater.clone(), seed + 1));
        this.generator.init();
        this.discriminator = new MultiLayerNetwork(config.discriminatorConfiguration(updater.clone(), seed));
        this.discriminator.init();
        this.noise = new Random(seed ^ 0x6A09E667F3BCC908L);
        this.fixedLatent = gaussian(new Random(seed ^ 0xBB67AE8584CAA73BL), config.samples());
        this.evaluationLatent = gaussian(new Random(seed ^ 0x3C6EF372FE94F82BL), ENERGY_EXAMPLES);
        history.add(0, generate(fixedLatent));
    }

    private INDArray gaussian(Random random, int rows) {
        float[] z = new float[rows * config.latentSize()];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) random.nextGaussian();
        }
        return Nd4j.create(z, new long[] {rows, config.latentSize()}, DataType.FLOAT);
    }

    /** The network's shape. */
    public GanConfig config() {
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
        if (epoch == 0) {
            history.keepReal(x);
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
        history.add(epoch, generate(fixedLatent));
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

    /** Writes the model file as {@link GanFiles} describes it, and beside it {@value #SAMPLES_FILE}. */
    @Override
    public void save(Path file) throws IOException {
        GanFiles.save(file, generator, discriminator, config, samplesDocument());
    }

    /** The content of {@value #SAMPLES_FILE}. */
    GanSamples samplesDocument() {
        return new GanSamples(config.featureShape(), config.loss().id(),
                config.loss() == Loss.MSE ? "least-squares" : config.generatorLoss().id(), config.equilibrium(),
                history.real(), history.epochs());
    }
}
