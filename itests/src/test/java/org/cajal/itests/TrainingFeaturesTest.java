package org.cajal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** k-fold cross-validation, early stopping, regularisation and preprocessing through real pipeline files. */
@ExtendWith(CajalRuntime.class)
class TrainingFeaturesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void kFoldCrossValidationWritesEveryFoldAndTheMeanAndSd(CajalRuntime cajal) throws Exception {
        Path run = run(cajal, """
                {
                  "schema": 1, "name": "xor-kfold",
                  "dataset": { "type": "xor", "params": { "samples": 120 } },
                  "split": { "test": 0.0, "folds": 3 },
                  "model": { "layers": [ { "type": "dense", "params": { "units": 8, "activation": "tanh" } },
                                         { "type": "output" } ] },
                  "training": { "loss": "categorical-cross-entropy",
                                "optimizer": { "type": "adam", "params": { "learningRate": 0.05 } },
                                "epochs": 30, "batchSize": 16 }
                }
                """);
        JsonNode e = JSON.readTree(run.resolve("evaluation.json").toFile());
        assertEquals("k-fold", e.get("split").asText());
        assertEquals(3, e.get("folds").size());
        assertTrue(e.get("accuracy").asDouble() > 0.9, e::toString);
        assertTrue(e.at("/sd/accuracy").isNumber(), e::toString);
        for (int f = 1; f <= 3; f++) {
            assertTrue(Files.exists(run.resolve("fold-" + f).resolve("model.zip")));
            assertEquals(31, Files.readAllLines(run.resolve("fold-" + f).resolve("metrics.csv")).size());
            assertEquals(40, e.get("folds").get(f - 1).get("examples").asInt(), "each fold validates a third");
        }
        assertTrue(Files.exists(run.resolve("model.zip")));
    }

    @Test
    void earlyStoppingEndsTrainingWhenValidationLossStopsFalling(CajalRuntime cajal) throws Exception {
        Path run = run(cajal, """
                {
                  "schema": 1, "name": "early",
                  "dataset": { "type": "regression-1d", "params": { "samples": 200, "function": "linear", "noise": 0.3 } },
                  "split": { "validation": 0.3, "test": 0.2 },
                  "model": { "layers": [ { "type": "dense", "params": { "units": 64, "activation": "relu" } },
                                         { "type": "output" } ] },
                  "training": { "loss": "mse", "optimizer": { "type": "adam", "params": { "learningRate": 0.05 } },
                                "epochs": 2000, "batchSize": 16,
                                "earlyStopping": { "patience": 5, "restoreBest": true } }
                }
                """);
        List<String> metrics = Files.readAllLines(run.resolve("metrics.csv"));
        assertTrue(metrics.size() < 2000, "stopped after " + (metrics.size() - 1) + " epochs");
        JsonNode provenance = JSON.readTree(run.resolve("provenance.json").toFile());
        assertEquals(metrics.size() - 1, provenance.get("epochs").asInt());
    }

    @Test
    void regularisationAndPreprocessingRunFromThePipelineFile(CajalRuntime cajal) throws Exception {
        Path run = run(cajal, """
                {
                  "schema": 1, "name": "regularised",
                  "dataset": { "type": "house-prices", "params": { "samples": 300 } },
                  "preprocessing": [ { "type": "standardise" } ],
                  "model": { "layers": [ { "type": "dense", "params": { "units": 16, "activation": "relu" } },
                                         { "type": "dropout", "params": { "rate": 0.1 } },
                                         { "type": "output" } ] },
                  "training": { "loss": "mse", "optimizer": { "type": "adamw", "params": { "learningRate": 0.01 } },
                                "epochs": 60, "batchSize": 16,
                                "regularisation": { "l2": 0.0001, "inputNoise": 0.01 } }
                }
                """);
        JsonNode e = JSON.readTree(run.resolve("evaluation.json").toFile());
        assertTrue(e.get("r2").asDouble() > 0.9, e::toString);
    }

    private static Path run(CajalRuntime cajal, String pipeline) throws Exception {
        Path dir = cajal.newFolder("features");
        Path file = Files.writeString(dir.resolve("p.json"), pipeline);
        CajalRuntime.Outcome o = cajal.run(file.toString(), "--out", dir.resolve("runs").toString());
        assertEquals(0, o.status(), o::toString);
        return CajalRuntime.runFolder(o);
    }
}
