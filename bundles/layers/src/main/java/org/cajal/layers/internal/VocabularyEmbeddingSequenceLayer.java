package org.cajal.layers.internal;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;

/**
 * DL4J's embedding-sequence layer whose vocabulary size survives {@code setInputType}: DL4J would overwrite nIn,
 * which for an embedding is the vocabulary size, with the input's width (1 token id per step). Public with a
 * no-arg constructor so that DL4J's Jackson can restore it from a saved model by class name.
 */
public class VocabularyEmbeddingSequenceLayer extends EmbeddingSequenceLayer {

    private static final long serialVersionUID = 1L;

    /** For Jackson. */
    public VocabularyEmbeddingSequenceLayer() {
    }

    /** A copy of a layer built by DL4J's builder, so every default the builder sets is kept. */
    VocabularyEmbeddingSequenceLayer(EmbeddingSequenceLayer built) {
        layerName = built.getLayerName();
        iDropout = built.getIDropout();
        constraints = built.getConstraints();
        activationFn = built.getActivationFn();
        weightInitFn = built.getWeightInitFn();
        biasInit = built.getBiasInit();
        gainInit = built.getGainInit();
        regularization = built.getRegularization();
        regularizationBias = built.getRegularizationBias();
        iUpdater = built.getIUpdater();
        biasUpdater = built.getBiasUpdater();
        weightNoise = built.getWeightNoise();
        gradientNormalization = built.getGradientNormalization();
        gradientNormalizationThreshold = built.getGradientNormalizationThreshold();
        nIn = built.getNIn();
        nOut = built.getNOut();
        timeDistributedFormat = built.getTimeDistributedFormat();
        setInputLength(built.getInputLength());
        setHasBias(built.isHasBias());
        setInferInputLength(built.isInferInputLength());
        setOutputFormat(built.getOutputFormat());
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        super.setNIn(inputType, nIn <= 0 && override);
    }
}
