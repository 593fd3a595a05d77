package org.cajal.plugins.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.cajal.api.Parameters;
import org.cajal.api.data.Dataset;
import org.cajal.api.data.Examples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;

/** A token that only test rows hold (a planted leak) never becomes a token of the trained model. */
class TrainingVocabularyTest {

    @TempDir
    Path dir;

    @Test
    void aTokenOnlyTestRowsHoldIsReadAsUnknownAndNeverTrained() throws Exception {
        // rows 0-5 train; row 6 is the test row, the only one with "zebra"
        Files.writeString(dir.resolve("t.csv"), "text,label\ngood film,pos\nbad film,neg\nvery good,pos\n"
                + "very bad,neg\ngood,pos\nbad,neg\ngood zebra,pos\n");
        TextCsvDatasetProvider provider = new TextCsvDatasetProvider();
        try (Dataset data = provider.open(Parameters.resolve(provider.descriptor(),
                Map.of("file", "t.csv", "maxLength", 3), dir), 1)) {
            List<String> tokens = data.schema().featureCategories().get(TextCsvDatasetProvider.TOKEN_FEATURE);
            int zebra = tokens.indexOf("zebra");
            assertTrue(zebra > Vocabulary.UNKNOWN, "the dataset's whole-file index holds the token: " + tokens);
            TransformerModel model = new TransformerModel(
                    new TransformerModel.Config(tokens.size(), 3, 2, 8, 2, 1, 8, 0.0), tokens, new Adam(0.05), 7);
            INDArray embedding = model.sameDiff().getVariable("embedding").getArr().dup();

            Examples train = data.read(TransformerModelTest.range(0, 6));
            DataSet batch = new DataSet(train.features(), TransformerModelTest.oneHot(train.targets(), 2));
            for (int epoch = 0; epoch < 5; epoch++) {
                model.fit(batch);
                model.endEpoch();
            }

            // the model's vocabulary is the training rows' tokens: as large as if the test row were not there
            long trainedTokens = java.util.stream.IntStream.range(0, tokens.size()).filter(model::trained).count();
            assertEquals(List.of("<pad>", "good", "bad", "film", "very"), java.util.stream.IntStream
                    .range(0, tokens.size()).filter(model::trained).mapToObj(tokens::get).toList());
            assertEquals(5, trainedTokens);
            assertFalse(model.trained(zebra));
            assertFalse(model.trained(Vocabulary.UNKNOWN), "no training row has an unknown token");

            // the test row reads "good <unk>": its prediction is that of the unknown token in its place
            INDArray test = data.read(new int[] {6}).features();
            assertEquals(zebra, test.getInt(0, 1));
            INDArray asUnknown = test.dup();
            asUnknown.putScalar(0, 1, Vocabulary.UNKNOWN);
            assertEquals(asUnknown, model.trainingTokens(test));
            assertEquals(model.predict(asUnknown), model.predict(test));

            // training never moved the test-only token's embedding row
            INDArray after = model.sameDiff().getVariable("embedding").getArr();
            assertEquals(embedding.getRow(zebra), after.getRow(zebra));
            assertFalse(embedding.getRow(tokens.indexOf("good")).equals(after.getRow(tokens.indexOf("good"))));

            // the ids seen in training are saved with the model
            Path file = dir.resolve("model.zip");
            model.save(file);
            float[] saved = SameDiff.load(file.toFile(), false).getVariable(TransformerModel.TRAINING_TOKENS)
                    .getArr().toFloatVector();
            assertEquals(0f, saved[zebra]);
            assertEquals(1f, saved[tokens.indexOf("very")]);
            assertEquals(5.0, java.util.stream.IntStream.range(0, saved.length).mapToDouble(i -> saved[i]).sum());
        }
    }
}
