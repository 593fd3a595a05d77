package org.cajal.plugins.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.cajal.api.Parameters;
import org.cajal.api.data.DataSchema;
import org.cajal.api.data.TargetKind;
import org.cajal.api.model.LayerException;
import org.cajal.api.model.ModelContext;
import org.cajal.api.model.TrainableModel;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Adam;

class TransformerArchitectureTest {

    private final TransformerArchitecture architecture = new TransformerArchitecture();

    private static DataSchema text(int length, List<String> vocabulary) {
        return new DataSchema(List.of(), List.of((long) length), TargetKind.MULTICLASS, List.of("label"),
                List.of("a", "b", "c"), Map.of(TextCsvDatasetProvider.TOKEN_FEATURE, vocabulary));
    }

    private Parameters params(Map<String, Object> raw) {
        return Parameters.resolve(architecture.descriptor(), raw, Path.of("."));
    }

    private ModelContext context(DataSchema schema) {
        return new ModelContext(schema, "categorical-cross-entropy", new Adam(0.01), 7);
    }

    @Test
    void buildsAModelSizedByTheSchemaWithTheRightParameterCount() throws Exception {
        TrainableModel model = architecture.build(params(Map.of("modelSize", 8, "heads", 2, "feedForward", 16)),
                context(text(5, List.of("<pad>", "<unk>", "x", "y"))));
        int d = 8;
        long expected = 4 * d + 5 * d                           // embeddings
                + 4 * (d * d + d)                               // q, k, v, output projections
                + 2 * 2 * d                                     // two layer norms
                + (d * 16 + 16) + (16 * d + d)                  // feed-forward
                + (d * 3 + 3);                                  // classifier
        assertEquals(expected, model.parameterCount());
        long[] shape = model.predict(org.nd4j.linalg.factory.Nd4j.createFromArray(
                new float[][] {{2, 3, 0, 0, 0}, {1, 1, 1, 1, 1}})).shape();
        assertEquals(2L, shape[0]);
        assertEquals(3L, shape[1]);
    }

    @Test
    void dropoutActsOnlyInTraining() throws Exception {
        TrainableModel model = architecture.build(params(Map.of("modelSize", 8, "heads", 2, "dropout", 0.5)),
                context(text(4, List.of("<pad>", "<unk>", "x", "y"))));
        org.nd4j.linalg.api.ndarray.INDArray ids = org.nd4j.linalg.factory.Nd4j.createFromArray(
                new float[][] {{2, 3, 0, 0}, {3, 3, 2, 1}});
        org.nd4j.linalg.api.ndarray.INDArray labels = org.nd4j.linalg.factory.Nd4j.createFromArray(
                new float[][] {{1, 0, 0}, {0, 0, 1}});
        assertEquals(model.predict(ids), model.predict(ids));
        double first = model.fit(new org.nd4j.linalg.dataset.DataSet(ids, labels));
        assertTrue(Double.isFinite(first) && first > 0, "loss " + first);
        double exact = model.loss(new org.nd4j.linalg.dataset.DataSet(ids, labels));
        assertTrue(Double.isFinite(exact) && exact > 0, "loss " + exact);
    }

    @Test
    void explainsWhatDoesNotFit() {
        LayerException heads = assertThrows(LayerException.class, () -> architecture.build(
                params(Map.of("modelSize", 10, "heads", 4)), context(text(5, List.of("<pad>", "<unk>")))));
        assertTrue(heads.getMessage().contains("heads (4) must divide modelSize (10)"), heads.getMessage());
        DataSchema regression = DataSchema.regression(List.of("x"), List.of("y"));
        LayerException target = assertThrows(LayerException.class,
                () -> architecture.build(params(Map.of()), context(regression)));
        assertTrue(target.getMessage().contains("regression"), target.getMessage());
        DataSchema noVocabulary = new DataSchema(List.of(), List.of(5L), TargetKind.BINARY, List.of("label"),
                List.of("a", "b"));
        LayerException vocabulary = assertThrows(LayerException.class,
                () -> architecture.build(params(Map.of()), context(noVocabulary)));
        assertTrue(vocabulary.getMessage().contains("vocabulary"), vocabulary.getMessage());
        LayerException loss = assertThrows(LayerException.class, () -> architecture.build(params(Map.of()),
                new ModelContext(text(5, List.of("<pad>", "<unk>")), "mse", new Adam(0.01), 1)));
        assertTrue(loss.getMessage().contains("cross-entropy"), loss.getMessage());
    }
}
