package org.cajal.layers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;

import org.cajal.api.model.LayerBuild;
import org.cajal.api.model.LayerException;
import org.cajal.api.model.Shape;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The recurrent layer types: LSTM, the SameDiff GRU, embeddings, and what they refuse. */
class RecurrentLayerTypesTest {

    @Test
    void lstmAfterAVectorSaysItNeedsASequence() {
        LayerException e = assertThrows(LayerException.class, () -> Networks.build(new LstmLayerType(), Map.of(),
                Shape.of(8), 1, "layer 0 (dense)", false));
        assertTrue(e.getMessage().startsWith("layer 1 (lstm) needs a sequence [features, time] but layer 0 (dense) "
                + "produces a feature vector [8]"), e.getMessage());
        assertTrue(e.getMessage().contains("use a sequence dataset"), e.getMessage());
    }

    @Test
    void gruAfterAnImageSaysItNeedsASequence() {
        LayerException e = assertThrows(LayerException.class, () -> Networks.build(new GruLayerType(), Map.of(),
                Shape.of(3, 8, 8), 2, "layer 1 (conv2d)", false));
        assertTrue(e.getMessage().startsWith("layer 2 (gru) needs a sequence [features, time] but layer 1 (conv2d) "
                + "produces an image [3, 8, 8]"), e.getMessage());
    }

    @Test
    void gruGradientReachesTheLayerBelow() throws LayerException {
        Shape input = Shape.of(2, 4);
        LayerBuild dense = Networks.build(new DenseLayerType(), Map.of("units", 3, "activation", "tanh"), input);
        LayerBuild gru = Networks.build(new GruLayerType(), Map.of("units", 2), dense.output(), 1, "layer 0", false);
        Networks.assertGradientsCheck(input, dense, gru);
    }

    @Test
    void gruConfigurationAndWeightsSurviveSaving() throws LayerException, IOException {
        Shape input = Shape.of(2, 5);
        LayerBuild gru = Networks.build(new GruLayerType(), Map.of("units", 3), input);
        LayerBuild out = Networks.build(new SequenceOutputLayerType(), Map.of(), gru.output(), 1, "layer 0 (gru)", true);
        MultiLayerNetwork network = Networks.network(input, gru.layer(), out.layer());
        INDArray batch = Networks.randomInput(input, 2);
        INDArray before = network.output(batch);

        MultiLayerConfiguration json = MultiLayerConfiguration.fromJson(network.getLayerWiseConfigurations().toJson());
        GruLayer restoredLayer = assertInstanceOf(GruLayer.class, json.getConf(0).getLayer());
        assertEquals(gru.layer(), restoredLayer);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(network, bytes, false);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals(before, restored.output(batch));
    }

    @Test
    void embeddingKeepsItsVocabularyWhenDl4jSetsTheInputType() throws LayerException {
        Shape input = Shape.of(1, 6);
        LayerBuild embedding = Networks.build(new EmbeddingLayerType(), Map.of("vocabularySize", 7, "units", 3), input);
        assertEquals(Shape.of(3, 6), embedding.output());
        assertEquals(21, embedding.parameterCount());
        Networks.assertDl4jAgrees(embedding, input, Networks.randomTokens(6, 7, Networks.BATCH));
        Networks.assertGradientsCheck(input, Networks.randomTokens(6, 7, Networks.BATCH), embedding);
    }

    @Test
    void embeddingConfigurationSurvivesJson() throws LayerException {
        Shape input = Shape.of(1, 4);
        LayerBuild embedding = Networks.build(new EmbeddingLayerType(), Map.of("vocabularySize", 9, "units", 2), input);
        MultiLayerNetwork network = Networks.network(input, embedding.layer());
        MultiLayerConfiguration json = MultiLayerConfiguration.fromJson(network.getLayerWiseConfigurations().toJson());
        VocabularyEmbeddingSequenceLayer layer = assertInstanceOf(VocabularyEmbeddingSequenceLayer.class,
                json.getConf(0).getLayer());
        assertEquals(9, layer.getNIn());
        assertEquals(2, layer.getNOut());
    }

    @Test
    void embeddingRejectsRealValuedFeatures() {
        LayerException e = assertThrows(LayerException.class, () -> Networks.build(new EmbeddingLayerType(),
                Map.of("vocabularySize", 10), Shape.of(3, 6)));
        assertTrue(e.getMessage().startsWith("layer 0 (embedding) needs one token id per time step, a sequence "
                + "[1, time], but the dataset produces a sequence [3, 6]"), e.getMessage());
    }

    @Test
    void sequenceOutputAfterAVectorPointsToOutput() {
        LayerException e = assertThrows(LayerException.class, () -> Networks.build(new SequenceOutputLayerType(),
                Map.of(), Shape.of(8), 3, "layer 2 (global-pooling)", true));
        assertTrue(e.getMessage().startsWith("layer 3 (sequence-output) predicts at every time step"), e.getMessage());
        assertTrue(e.getMessage().endsWith("use output for one prediction per example"), e.getMessage());
    }
}
