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

/**
 * The fused dense path inside the real framework: the same pipeline trained with {@code "engine": "dl4j"} and
 * {@code "engine": "fused"} gives the same training losses epoch by epoch (float tolerance) and the same
 * evaluation; provenance.json and the console say which engine ran; the fused run's model.zip predicts through
 * {@code cajal predict}; OpenBLAS's binding reaches the runtime from the CPU backend fragment (a stack with large
 * layers, 460,000 multiply-adds per example, trains fused under {@code auto}); and {@code "fused"} on a stack it cannot train fails naming the layer.
 */
@ExtendWith(CajalRuntime.class)
class FusedEngineTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String pipeline(String engine, String optimizer, String extra) {
        return """
                {
                  "schema": 1, "name": "engine-%s", "seed": 7,
                  "dataset": { "type": "spirals", "params": { "samples": 300 } },
                  "split": { "validation": 0.2, "test": 0.2, "stratify": true },
                  "model": { "layers": [ { "type": "dense", "params": { "units": 16, "activation": "tanh" } },
                                         { "type": "dense", "params": { "units": 12, "activation": "relu" } },
                                         { "type": "output" } ] },
                  "training": { "loss": "categorical-cross-entropy", "optimizer": %s,
                                "epochs": 25, "batchSize": 16, "engine": "%s"%s }
                }
                """.formatted(engine, optimizer, engine, extra);
    }

    @Test
    void fusedAndDl4jTrainTheSameAndTheFusedModelPredicts(CajalRuntime cajal) throws Exception {
        String[][] optimizers = {
            {"adam", "{ \"type\": \"adam\", \"params\": { \"learningRate\": 0.02 } }", ""},
            {"momentum", "{ \"type\": \"momentum\", \"params\": { \"learningRate\": 0.05, \"momentum\": 0.9 } }",
                ", \"regularisation\": { \"l1\": 0.0001, \"l2\": 0.001 }"},
            {"rmsprop", "{ \"type\": \"rmsprop\", \"params\": { \"learningRate\": 0.005 } }", ""},
        };
        for (String[] o : optimizers) {
            Path dl4j = run(cajal, pipeline("dl4j", o[1], o[2]), o[0] + "-dl4j");
            Path fused = run(cajal, pipeline("fused", o[1], o[2]), o[0] + "-fused");
            assertEquals("dl4j", provenance(dl4j).at("/engine/id").asText());
            assertEquals("fused", provenance(fused).at("/engine/id").asText());
            List<String> a = Files.readAllLines(dl4j.resolve("metrics.csv"));
            List<String> b = Files.readAllLines(fused.resolve("metrics.csv"));
            assertEquals(a.size(), b.size(), o[0]);
            for (int i = 1; i < a.size(); i++) {
                double la = Double.parseDouble(a.get(i).split(",")[1]);
                double lb = Double.parseDouble(b.get(i).split(",")[1]);
                assertEquals(la, lb, 2e-3 * Math.max(1, Math.abs(la)), o[0] + ": train_loss of epoch " + i);
            }
            JsonNode ea = JSON.readTree(dl4j.resolve("evaluation.json").toFile());
            JsonNode eb = JSON.readTree(fused.resolve("evaluation.json").toFile());
            assertEquals(ea.get("logLoss").asDouble(), eb.get("logLoss").asDouble(), 1e-2, o[0]);
        }
        Path fused = run(cajal, pipeline("fused", optimizers[0][1], ""), "predict");
        Path rows = Files.writeString(cajal.newFolder("engine-predict").resolve("rows.csv"), "x1,x2\n0.5,0.25\n-1,0.3\n");
        CajalRuntime.Outcome p = cajal.command("predict", fused.toString(), rows.toString());
        assertEquals(0, p.status(), p::toString);
        assertTrue(p.out().lines().count() >= 3, p::toString);
    }

    @Test
    void autoTrainsALargeStackFusedThroughOpenBlas(CajalRuntime cajal) throws Exception {
        String large = """
                {
                  "schema": 1, "name": "engine-large", "seed": 3,
                  "dataset": { "type": "blobs", "params": { "samples": 256, "features": 64, "classes": 3 } },
                  "split": { "validation": 0.25, "test": 0.0 },
                  "model": { "layers": [ { "type": "dense", "params": { "units": 512, "activation": "relu" } },
                                         { "type": "dense", "params": { "units": 256, "activation": "relu" } },
                                         { "type": "output" } ] },
                  "training": { "loss": "categorical-cross-entropy",
                                "optimizer": { "type": "adam", "params": { "learningRate": 0.001 } },
                                "epochs": 3, "batchSize": 64 }
                }
                """;
        Path run = run(cajal, large, "large");
        JsonNode engine = provenance(run).get("engine");
        assertEquals("fused", engine.get("id").asText(), engine::toString);
        assertEquals("auto", engine.get("requested").asText());
        assertTrue(engine.get("openblas").asBoolean(), "OpenBLAS reaches the runtime from the CPU fragment: " + engine);
    }

    @Test
    void fusedOnALayerItCannotTrainNamesIt(CajalRuntime cajal) throws Exception {
        String lstm = """
                {
                  "schema": 1, "name": "engine-lstm",
                  "dataset": { "type": "sine-sequence", "params": { "samples": 40 } },
                  "model": { "layers": [ { "type": "lstm", "params": { "units": 4 } },
                                         { "type": "global-pooling" }, { "type": "output" } ] },
                  "training": { "loss": "mse", "optimizer": { "type": "adam" }, "epochs": 1, "batchSize": 8,
                                "engine": "fused" }
                }
                """;
        Path dir = cajal.newFolder("engine-lstm");
        Path file = Files.writeString(dir.resolve("p.json"), lstm);
        CajalRuntime.Outcome o = cajal.run(file.toString(), "--out", dir.resolve("runs").toString());
        assertTrue(o.status() != 0, o::toString);
        String all = o.out() + o.err();
        assertTrue(all.contains("layer 1 (lstm)") && all.contains("fused"), all);
    }

    private static Path run(CajalRuntime cajal, String pipeline, String name) throws Exception {
        Path dir = cajal.newFolder("engine-" + name);
        Path file = Files.writeString(dir.resolve("p.json"), pipeline);
        CajalRuntime.Outcome o = cajal.run(file.toString(), "--out", dir.resolve("runs").toString());
        assertEquals(0, o.status(), o::toString);
        assertTrue(o.out().contains(pipeline.contains("\"engine\": \"dl4j\"") ? "(DL4J" : "(fused dense path)"),
                o::toString);
        return CajalRuntime.runFolder(o);
    }

    private static JsonNode provenance(Path run) throws Exception {
        return JSON.readTree(run.resolve("provenance.json").toFile());
    }
}
