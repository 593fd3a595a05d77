package org.cajal.plugins.gan;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.deeplearning4j.nn.api.OptimizationAlgorithm;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A GAN's settings: the shape of its networks and its losses; and the DL4J configurations of the generator
 * and the discriminator they give.
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
public record GanConfig(List<Long> featureShape, int latentSize, int[] generatorLayers, int[] discriminatorLayers,
                        String activation, String generatorOutput, int discriminatorSteps, Loss loss,
                        GeneratorLoss generatorLoss, int samples) {

    public GanConfig {
        featureShape = List.copyOf(featureShape);
        generatorLayers = generatorLayers.clone();
        discriminatorLayers = discriminatorLayers.clone();
    }

    /** Number of scalars in one example. */
    public int featureCount() {
        return (int) featureShape.stream().mapToLong(Long::longValue).reduce(1L, (a, b) -> a * b);
    }

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
    MultiLayerConfiguration generatorConfiguration(IUpdater updater, long seed) {
        NeuralNetConfiguration.ListBuilder list = base(updater, seed);
        int in = latentSize();
        int i = 0;
        for (int width : generatorLayers()) {
            list.layer(i++, new DenseLayer.Builder().nIn(in).nOut(width).activation(activation(activation()))
                    .build());
            in = width;
        }
        list.layer(i, new DenseLayer.Builder().nIn(in).nOut(featureCount())
                .activation(activation(generatorOutput())).build());
        return list.build();
    }

    /** D: flattened example to one output, sigmoid + cross-entropy or linear + squared error. */
    MultiLayerConfiguration discriminatorConfiguration(IUpdater updater, long seed) {
        NeuralNetConfiguration.ListBuilder list = base(updater, seed);
        int in = featureCount();
        int i = 0;
        for (int width : discriminatorLayers()) {
            list.layer(i++, new DenseLayer.Builder().nIn(in).nOut(width).activation(activation(activation()))
                    .build());
            in = width;
        }
        boolean bce = loss() == Loss.BINARY_CROSS_ENTROPY;
        list.layer(i, new OutputLayer.Builder(bce ? LossFunctions.LossFunction.XENT : LossFunctions.LossFunction.MSE)
                .nIn(in).nOut(1).activation(bce ? Activation.SIGMOID : Activation.IDENTITY).build());
        return list.build();
    }

    /** The settings as written into a saved model. */
    Map<String, Object> document() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("featureShape", featureShape());
        doc.put("latentSize", latentSize());
        doc.put("generatorLayers", generatorLayers());
        doc.put("discriminatorLayers", discriminatorLayers());
        doc.put("activation", activation());
        doc.put("generatorOutput", generatorOutput());
        doc.put("discriminatorSteps", discriminatorSteps());
        doc.put("loss", loss().id());
        doc.put("generatorLoss", generatorLoss().id());
        doc.put("latentDistribution", "standard normal");
        return doc;
    }

    /**
     * The losses at the equilibrium where D cannot tell real from generated examples (D = 1/2 everywhere):
     * {@code discriminator_loss} and {@code generator_loss} as these losses define them.
     */
    public Map<String, Double> equilibrium() {
        Map<String, Double> out = new LinkedHashMap<>();
        if (loss() == Loss.MSE) {
            out.put("discriminator_loss", 0.25);     // mean of (1/2 - 1)^2 and (1/2 - 0)^2
            out.put("generator_loss", 0.25);         // (1/2 - 1)^2
        } else {
            out.put("discriminator_loss", Math.log(2));   // -log 1/2 on both halves
            out.put("generator_loss", generatorLoss() == GeneratorLoss.MINIMAX ? -Math.log(2) : Math.log(2));
        }
        return out;
    }
}
