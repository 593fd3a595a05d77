package org.cajal.layers.internal;

import java.util.List;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.cajal.api.model.LayerBuild;
import org.cajal.api.model.LayerContext;
import org.cajal.api.model.LayerException;
import org.cajal.api.model.LayerType;
import org.cajal.api.model.Shape;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.osgi.service.component.annotations.Component;

/** Turns token ids into learned vectors, the entry point of every text or symbol-sequence model. */
@Component(service = LayerType.class)
public final class EmbeddingLayerType implements LayerType {

    static final String ID = "embedding";
    static final String VOCABULARY_SIZE = "vocabularySize";
    static final String UNITS = "units";

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "Embedding", "Recurrent",
            "Looks up a learned vector of units numbers for each token id of a sequence [1, time] (one id "
                    + "0 .. vocabularySize - 1 per step), giving [units, time]; equivalent to a dense layer on "
                    + "one-hot tokens, but without building them. It has vocabularySize * units parameters.",
            List.of(ParameterSpec.integer(VOCABULARY_SIZE, null).range(1, 10_000_000).unit("tokens")
                            .requiredParameter()
                            .help("Number of distinct token ids; every id in the data must be below it."),
                    ParameterSpec.integer(UNITS, 32).range(1, 65536).unit("units")
                            .help("Length of each token's vector, i.e. features per time step of the output."),
                    WeightInitChoice.spec()));

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public LayerBuild build(Parameters parameters, LayerContext context) throws LayerException {
        Shape input = InputShapes.sequence(context, ID);
        if (input.dim(0) != 1) {
            throw new LayerException(InputShapes.name(context, ID) + " needs one token id per time step, a "
                    + "sequence [1, time], but " + InputShapes.arriving(context) + " with " + input.dim(0)
                    + " features per step; use a dataset that delivers token ids, or a dense or conv1d layer "
                    + "instead for real-valued features");
        }
        int vocabulary = parameters.getInt(VOCABULARY_SIZE);
        int units = parameters.getInt(UNITS);
        WeightInit init = WeightInitChoice.toDl4j(parameters.getString(WeightInitChoice.KEY),
                ActivationChoice.IDENTITY);
        EmbeddingSequenceLayer built = new EmbeddingSequenceLayer.Builder()
                .nIn(vocabulary)
                .nOut(units)
                .hasBias(false)
                .activation(Activation.IDENTITY)
                .weightInit(init)
                .build();
        return new LayerBuild(new VocabularyEmbeddingSequenceLayer(built), Shape.of(units, input.dim(1)),
                (long) vocabulary * units);
    }
}
