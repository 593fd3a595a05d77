package org.cajal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A saved model predicts on raw input: `cajal predict` applies the preprocessing fitted during training (stored in
 * model.zip) before the network, so raw CSV rows give good predictions.
 */
@ExtendWith(CajalRuntime.class)
class PredictTest {

    @Test
    void aSavedModelPredictsOnRawCsvRowsThroughItsFittedPreprocessing(CajalRuntime cajal) throws Exception {
        Path dir = cajal.newFolder("predict");
        Path csv = Files.copy(CajalRuntime.distribution().resolve("examples/house-prices.csv"),
                dir.resolve("house-prices.csv"));
        Path pipeline = Files.writeString(dir.resolve("p.json"), """
                {
                  "schema": 1, "name": "predict",
                  "dataset": { "type": "csv", "params": { "file": "house-prices.csv", "target": "price" } },
                  "preprocessing": [ { "type": "standardise" } ],
                  "model": { "layers": [ { "type": "dense", "params": { "units": 8, "activation": "tanh" } },
                                         { "type": "output" } ] },
                  "training": { "loss": "mse", "optimizer": { "type": "adam", "params": { "learningRate": 0.02 } },
                                "epochs": 150, "batchSize": 16 }
                }
                """);
        CajalRuntime.Outcome trained = cajal.run(pipeline.toString(), "--out", dir.resolve("runs").toString());
        assertEquals(0, trained.status(), trained::toString);
        Path run = CajalRuntime.runFolder(trained);

        Path predictions = dir.resolve("predictions.csv");
        CajalRuntime.Outcome o = cajal.command("predict", run.toString(), csv.toString(), "--out", predictions.toString());
        assertEquals(0, o.status(), o::toString);
        List<String> predicted = Files.readAllLines(predictions);
        List<String> actual = Files.readAllLines(csv);
        // the row id (the input's data row number), then the prediction
        assertEquals("row,price", predicted.get(0));
        assertEquals(actual.size(), predicted.size());
        double squared = 0;
        for (int i = 1; i < actual.size(); i++) {
            double truth = Double.parseDouble(actual.get(i).split(",")[2]);
            String[] cells = predicted.get(i).split(",");
            assertEquals(String.valueOf(i), cells[0]);
            squared += Math.pow(Double.parseDouble(cells[1]) - truth, 2);
        }
        double mse = squared / (actual.size() - 1);
        assertTrue(mse < 0.02, "MSE of predictions on the raw rows: " + mse);
    }

    @Test
    void predictNamesAMissingFeatureColumn(CajalRuntime cajal) throws Exception {
        Path dir = cajal.newFolder("predict-bad");
        Path run = WorkedExamplesTest.runFolder(cajal, "house-prices", p -> { });
        Path input = Files.writeString(dir.resolve("in.csv"), "area,price\n1.0,2.0\n");
        CajalRuntime.Outcome o = cajal.command("predict", run.toString(), input.toString());
        assertEquals(1, o.status(), o::toString);
        assertTrue(o.err().contains("has no column 'distance'"), o::toString);
    }
}
