package org.cajal.plugins.gan;

import java.util.ArrayList;
import java.util.List;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.cajal.api.data.DataSchema;
import org.cajal.api.model.ArchitectureProvider;
import org.cajal.api.model.LayerException;
import org.cajal.api.model.ModelContext;
import org.cajal.api.model.TrainableModel;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code gan} architecture: a generative adversarial network of two dense networks ({@link GanModel}) that
 * learns to generate examples like the dataset's features; targets are ignored.
 */
@Component(service = ArchitectureProvider.class)
public final class GanArchitecture implements ArchitectureProvider {

    /** The id of this architecture. */
    public static final String ID = "gan";

    static final String LATENT_SIZE = "latentSize";
    static final String GENERATOR_LAYERS = "generatorLayers";
    static final String DISCRIMINATOR_LAYERS = "discriminatorLayers";
    static final String ACTIVATION = "activation";
    static final String GENERATOR_OUTPUT = "generatorOutput";
    static final String DISCRIMINATOR_STEPS = "discriminatorSteps";
    static final String GENERATOR_LOSS = "generatorLoss";
    static final String SAMPLES = "samples";

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "Generative adversarial network",
            "Generative models",
            "Learns to generate new examples like the dataset's (Goodfellow et al. 2014): a generator turns random "
                    + "latent vectors z ~ N(0, I) into examples, a discriminator learns to tell them from real ones, "
                    + "and the generator learns from the discriminator's gradient to fool it. Both are dense "
                    + "networks (images are flattened). training.loss picks the game: binary-cross-entropy is the "
                    + "standard GAN (sigmoid discriminator), mse the least-squares GAN (Mao et al. 2017, linear "
                    + "discriminator). Each mini-batch trains the discriminator once on the real examples and as "
                    + "many generated ones; every discriminatorSteps batches the generator takes a step. Both use "
                    + "their own copy of the pipeline's optimizer (Adam with learningRate 0.0002 to 0.001 and "
                    + "beta1 0.5 is the usual choice). Quality per epoch: the energy distance between generated and "
                    + "held-out examples (lower is better, 0 when the distributions match). Class labels are "
                    + "ignored. The gan-samples chart shows generated samples over the epochs, gan-losses the "
                    + "two losses against their equilibrium values.",
            List.of(ParameterSpec.integer(LATENT_SIZE, 8).range(1, 4096)
                            .help("Width of the latent vector z the generator starts from."),
                    ParameterSpec.string(GENERATOR_LAYERS, "64,64")
                            .help("Hidden layer widths of the generator, comma separated (e.g. 128,256); its output "
                                    + "layer has one unit per feature (or pixel)."),
                    ParameterSpec.string(DISCRIMINATOR_LAYERS, "64,64")
                            .help("Hidden layer widths of the discriminator, comma separated (e.g. 256,128); its "
                                    + "output is one unit."),
                    ParameterSpec.choice(ACTIVATION, List.of("leaky-relu", "relu", "tanh"))
                            .help("Activation of the hidden layers of both networks; leaky-relu has slope 0.2 below 0, "
                                    + "the usual choice for image GANs; tanh is much steadier on low-dimensional data such as "
                                    + "gaussian-mixture, where piecewise-linear networks let the generator overshoot."),
                    ParameterSpec.choice(GENERATOR_OUTPUT, List.of("identity", "tanh", "sigmoid"))
                            .help("Activation of the generator's output; match it to the range of the "
                                    + "(preprocessed) data: sigmoid for values in [0, 1] (image-scale'd pixels), tanh "
                                    + "for values in [-1, 1], identity for unbounded data (raw or standardised "
                                    + "coordinates such as gaussian-mixture's)."),
                    ParameterSpec.integer(DISCRIMINATOR_STEPS, 1).range(1, 100)
                            .help("k of Goodfellow et al.'s Algorithm 1: discriminator updates (one per mini-batch) "
                                    + "per generator update."),
                    ParameterSpec.choice(GENERATOR_LOSS, List.of("non-saturating", "minimax"))
                            .help("With binary-cross-entropy: non-saturating makes the generator minimise "
                                    + "-log D(G(z)) (strong gradients early in training); minimax the game's own "
                                    + "log(1 - D(G(z))), which barely learns while D rejects the samples. The "
                                    + "least-squares GAN (mse) always uses (D(G(z)) - 1)^2, so leave it at "
                                    + "non-saturating there."),
                    ParameterSpec.integer(SAMPLES, 64).range(1, 1024).unit("samples")
                            .help("Fixed latent vectors whose generated examples are recorded after every epoch "
                                    + "(gan-samples.json beside the model, drawn by gan-samples).")));

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public boolean usesTargets() {
        return false;
    }

    @Override
    public TrainableModel build(Parameters parameters, ModelContext context) throws LayerException {
        return new GanModel(config(parameters, context.schema(), context.loss()), context.updater(), context.seed());
    }

    /** The networks' shape for a dataset and loss, checked. */
    static GanConfig config(Parameters parameters, DataSchema schema, String loss) throws LayerException {
        GanConfig.Loss gameLoss = GanConfig.Loss.byId(loss).orElseThrow(() -> new LayerException(
                "the gan architecture trains with training.loss binary-cross-entropy (standard GAN) or mse "
                        + "(least-squares GAN), but the pipeline's loss is " + loss + "; set training.loss to one "
                        + "of those two"));
        GanConfig.GeneratorLoss generatorLoss = GanConfig.GeneratorLoss.byId(parameters.getString(GENERATOR_LOSS));
        if (gameLoss == GanConfig.Loss.MSE && generatorLoss == GanConfig.GeneratorLoss.MINIMAX) {
            throw new LayerException("generatorLoss minimax is a term of the cross-entropy game; with training.loss "
                    + "mse (least-squares GAN) the generator minimises (D(G(z)) - 1)^2, so set generatorLoss to "
                    + "non-saturating or training.loss to binary-cross-entropy");
        }
        List<Long> shape = schema.featureShape();
        if (shape.isEmpty() || (shape.size() != 1 && shape.size() != 3)) {
            throw new LayerException("the gan architecture generates feature vectors [n] or images [channels, "
                    + "height, width], but the data's feature shape is " + shape + "; use a tabular or image dataset");
        }
        long count = schema.featureCount();
        if (count < 1 || count > 1_000_000) {
            throw new LayerException("the data's examples have " + count + " values (shape " + shape + "); the "
                    + "gan architecture's dense networks take 1 to 1,000,000");
        }
        int samples = parameters.getInt(SAMPLES);
        if (samples * count > GanModel.MAX_SAMPLE_VALUES) {
            throw new LayerException(SAMPLES + " = " + samples + " examples of " + count + " values each are too "
                    + "many to record after every epoch (at most " + GanModel.MAX_SAMPLE_VALUES + " values); use "
                    + SAMPLES + " ≤ " + Math.max(1, GanModel.MAX_SAMPLE_VALUES / count) + " for this data");
        }
        return new GanConfig(shape, parameters.getInt(LATENT_SIZE),
                widths(GENERATOR_LAYERS, parameters.getString(GENERATOR_LAYERS)),
                widths(DISCRIMINATOR_LAYERS, parameters.getString(DISCRIMINATOR_LAYERS)),
                parameters.getString(ACTIVATION), parameters.getString(GENERATOR_OUTPUT),
                parameters.getInt(DISCRIMINATOR_STEPS), gameLoss, generatorLoss, parameters.getInt(SAMPLES));
    }

    /** Parses comma-separated layer widths; an empty text means no hidden layer. */
    static int[] widths(String key, String text) throws LayerException {
        List<Integer> out = new ArrayList<>();
        if (text.isBlank()) {
            return new int[0];
        }
        for (String part : text.split(",")) {
            String p = part.trim();
            int width;
            try {
                width = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                throw new LayerException(ID + "." + key + ": '" + p + "' in \"" + text + "\" is not a whole number; "
                        + "give hidden layer widths separated by commas, e.g. 64,64");
            }
            if (width < 1 || width > 65_536) {
                throw new LayerException(ID + "." + key + ": width " + width + " in \"" + text + "\" is out of "
                        + "range; each hidden layer needs 1 to 65536 units");
            }
            out.add(width);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
