package org.cajal.plugins.transformer;

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
 * The {@code transformer} architecture: a transformer-encoder text classifier ({@link TransformerModel}) for
 * datasets whose examples are token-id sequences, such as {@code text-csv}.
 */
@Component(service = ArchitectureProvider.class)
public final class TransformerArchitecture implements ArchitectureProvider {

    /** The id of this architecture. */
    public static final String ID = "transformer";

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "Transformer encoder",
            "Sequence models",
            "Classifies token sequences (e.g. the text-csv dataset) with self-attention: each token's embedding plus "
                    + "a learned position embedding passes through encoder blocks, in which every token looks at "
                    + "every other (multi-head scaled dot-product attention, padding ignored) and then through a "
                    + "small feed-forward network, each step with a residual connection and layer normalisation. "
                    + "The mean over the text's tokens feeds a softmax classifier. Trained with cross-entropy and "
                    + "the pipeline's optimizer; the attention-map visualiser shows which token attends to which.",
            List.of(ParameterSpec.integer("modelSize", 32).range(2, 1024)
                            .help("Width of every token's vector (d_model): embeddings, attention and block outputs."),
                    ParameterSpec.integer("heads", 2).range(1, 64)
                            .help("Attention heads per block; each looks at the tokens with modelSize/heads "
                                    + "dimensions, so heads must divide modelSize."),
                    ParameterSpec.integer("layers", 1).range(1, 24).unit("blocks")
                            .help("Number of encoder blocks stacked on each other."),
                    ParameterSpec.integer("feedForward", 64).range(1, 8192).unit("units")
                            .help("Hidden units of the position-wise feed-forward network in each block."),
                    ParameterSpec.number("dropout", 0.0).range(0, 0.9)
                            .help("Share of the attention and feed-forward outputs set to zero during training "
                                    + "(0: no dropout). Never applied when predicting.")));

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public TrainableModel build(Parameters parameters, ModelContext context) throws LayerException {
        return new TransformerModel(config(parameters, context.schema(), context.loss()), vocabulary(context.schema()),
                context.updater(), context.seed());
    }

    /** The network's shape for a dataset, checked. */
    static TransformerModel.Config config(Parameters parameters, DataSchema schema, String loss)
            throws LayerException {
        if (!schema.targetKind().isClassification()) {
            throw new LayerException("the transformer classifies texts, but the dataset's target is "
                    + schema.targetKind().name().toLowerCase(java.util.Locale.ROOT)
                    + "; use a dataset with class labels (such as text-csv)");
        }
        if (!loss.endsWith("cross-entropy")) {
            throw new LayerException("the transformer is trained with cross-entropy; set training.loss to "
                    + "categorical-cross-entropy (it was " + loss + ")");
        }
        if (schema.featureShape().size() != 1) {
            throw new LayerException("the transformer reads one sequence of token ids per example (feature shape "
                    + "[length]) but the data's feature shape is " + schema.featureShape()
                    + "; use a text dataset such as text-csv, without preprocessing steps that change its shape");
        }
        List<String> tokens = vocabulary(schema);
        if (tokens.isEmpty()) {
            throw new LayerException("the dataset does not say its vocabulary (categories of the feature '"
                    + TextCsvDatasetProvider.TOKEN_FEATURE + "'), so the embedding cannot be sized; use a text "
                    + "dataset such as text-csv");
        }
        int modelSize = parameters.getInt("modelSize");
        int heads = parameters.getInt("heads");
        if (modelSize % heads != 0) {
            throw new LayerException("heads (" + heads + ") must divide modelSize (" + modelSize + "); e.g. "
                    + "heads " + largestDivisor(modelSize, heads) + " or modelSize " + (modelSize / heads + 1) * heads);
        }
        long length = schema.featureShape().get(0);
        return new TransformerModel.Config(tokens.size(), (int) length, schema.classCount(), modelSize, heads,
                parameters.getInt("layers"), parameters.getInt("feedForward"), parameters.getDouble("dropout"));
    }

    private static int largestDivisor(int n, int atMost) {
        for (int d = Math.min(n, atMost); d > 1; d--) {
            if (n % d == 0) {
                return d;
            }
        }
        return 1;
    }

    private static List<String> vocabulary(DataSchema schema) {
        return schema.featureCategories().getOrDefault(TextCsvDatasetProvider.TOKEN_FEATURE, List.of());
    }
}
