package org.cajal.layers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.ParameterSpec;
import org.cajal.api.model.LayerType;
import org.junit.jupiter.api.Test;

/** Every layer type describes itself fully: unique id, category, help, and help on every parameter. */
class LayerDescriptorsTest {

    static final List<LayerType> ALL = List.of(new DenseLayerType(), new OutputLayerType(),
            new SequenceOutputLayerType(), new Conv1dLayerType(), new Conv2dLayerType(), new MaxPool1dLayerType(),
            new MeanPool1dLayerType(), new MaxPool2dLayerType(), new MeanPool2dLayerType(),
            new Subsampling1dLayerType(), new Subsampling2dLayerType(), new Upsampling1dLayerType(),
            new Upsampling2dLayerType(), new DropoutLayerType(), new BatchNormLayerType(), new LstmLayerType(),
            new GruLayerType(), new EmbeddingLayerType(), new GlobalPoolingLayerType());

    @Test
    void idsAreUniqueAndAsDocumented() {
        List<String> ids = ALL.stream().map(t -> t.descriptor().id()).toList();
        assertEquals(List.of("dense", "output", "sequence-output", "conv1d", "conv2d", "max-pool-1d", "mean-pool-1d",
                "max-pool-2d", "mean-pool-2d", "subsampling-1d", "subsampling-2d", "upsampling-1d", "upsampling-2d",
                "dropout", "batch-norm", "lstm", "gru", "embedding", "global-pooling"), ids);
    }

    @Test
    void everyDescriptorAndParameterHasHelp() {
        for (LayerType type : ALL) {
            ComponentDescriptor d = type.descriptor();
            assertFalse(d.help().isBlank(), d.id());
            assertFalse(d.category().equals("Other"), d.id());
            for (ParameterSpec p : d.parameters()) {
                assertFalse(p.help().isBlank(), d.id() + "." + p.key());
                assertTrue(p.required() || p.defaultValue() != null || p.min() != null, d.id() + "." + p.key());
            }
        }
    }

    @Test
    void everyLayerWithWeightsOffersTheInitialisers() {
        for (LayerType type : List.of(new DenseLayerType(), new OutputLayerType(), new SequenceOutputLayerType(),
                new Conv1dLayerType(), new Conv2dLayerType(), new LstmLayerType(), new GruLayerType(),
                new EmbeddingLayerType())) {
            ParameterSpec init = type.descriptor().parameter(WeightInitChoice.KEY).orElseThrow();
            assertTrue(init.choices().containsAll(List.of("he", "xavier", "normal", "uniform")), type.descriptor().id());
        }
    }

    @Test
    void hiddenLayersOfferLeakyRelu() {
        for (LayerType type : List.of(new DenseLayerType(), new Conv1dLayerType(), new Conv2dLayerType(),
                new LstmLayerType())) {
            ParameterSpec activation = type.descriptor().parameter(ActivationChoice.KEY).orElseThrow();
            assertTrue(activation.choices().containsAll(List.of("identity", "relu", "leaky-relu", "sigmoid", "tanh")),
                    type.descriptor().id());
        }
    }
}
