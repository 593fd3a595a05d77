package org.cajal.itests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The shipped examples run headless and reach their outcome; the run folder holds everything it should. */
@ExtendWith(CajalRuntime.class)
class ExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void xorIsSolvedAndTheRunFolderIsComplete(CajalRuntime cajal) throws Exception {
        Path example = CajalRuntime.distribution().resolve("examples/xor.json");
        CajalRuntime.Outcome o = cajal.run(example.toString(), "--out", cajal.newFolder("xor").toString());
        assertEquals(0, o.status(), o::toString);
        Path run = CajalRuntime.runFolder(o);

        JsonNode evaluation = JSON.readTree(run.resolve("evaluation.json").toFile());
        assertEquals(1.0, evaluation.get("accuracy").asDouble(), o::toString);
        assertTrue(evaluation.has("f1"));
        assertEquals("test", evaluation.get("split").asText());

        assertArrayEquals(Files.readAllBytes(example), Files.readAllBytes(run.resolve("pipeline.json")));

        JsonNode provenance = JSON.readTree(run.resolve("provenance.json").toFile());
        assertEquals(42, provenance.get("seed").asLong());
        assertEquals("finished", provenance.get("status").asText());
        assertTrue(provenance.get("end").isTextual() && provenance.get("start").isTextual());
        assertEquals("org.nd4j.linalg.cpu.nativecpu.CpuBackend", provenance.at("/backend/class").asText());
        assertTrue(provenance.get("bundles").toString().contains("\"org.cajal.engine\""));
        assertTrue(provenance.at("/jvm/version").isTextual() && provenance.at("/os/name").isTextual());

        List<String> metrics = Files.readAllLines(run.resolve("metrics.csv"));
        assertEquals("epoch,train_loss,validation_loss,validation_accuracy,train_accuracy", metrics.get(0));
        int epochs = JSON.readTree(example.toFile()).at("/training/epochs").asInt();
        assertEquals(epochs + 1, metrics.size());
        double first = Double.parseDouble(metrics.get(1).split(",")[1]);
        double last = Double.parseDouble(metrics.get(epochs).split(",")[1]);
        assertTrue(last < first / 4, "training loss should fall: " + first + " -> " + last);

        try (ZipFile model = new ZipFile(run.resolve("model.zip").toFile())) {
            assertTrue(model.getEntry("configuration.json") != null, "DL4J model zip has its configuration");
            assertTrue(model.getEntry("coefficients.bin") != null, "DL4J model zip has its weights");
        }
        try (var files = Files.list(run)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary files left");
        }
    }

    /**
     * house-prices.csv is price = 0.5 + 1.2 area - 0.3 distance + N(0, 0.05²): the irreducible test MSE is the
     * noise variance 0.0025, and always predicting the mean would give about the price variance, 0.55. A bound
     * of 0.01 (four times the noise, R² above 0.98) says the 2-sigmoid network learned the relation.
     */
    @Test
    void housePricesRegressionGetsCloseToTheNoiseFloor(CajalRuntime cajal) throws Exception {
        Path example = CajalRuntime.distribution().resolve("examples/house-prices.json");
        CajalRuntime.Outcome o = cajal.run(example.toString(), "--out", cajal.newFolder("houses").toString());
        assertEquals(0, o.status(), o::toString);
        JsonNode evaluation = JSON.readTree(CajalRuntime.runFolder(o).resolve("evaluation.json").toFile());
        assertTrue(evaluation.get("mse").asDouble() < 0.01, evaluation::toString);
        assertTrue(evaluation.has("mae") && evaluation.has("r2"), evaluation::toString);
        assertTrue(evaluation.get("r2").asDouble() > 0.98, evaluation::toString);
    }

    @Test
    void samePipelineAndSeedGiveTheSameMetrics(CajalRuntime cajal) throws Exception {
        Path example = CajalRuntime.distribution().resolve("examples/xor.json");
        String a = metrics(cajal, example, "7");
        String b = metrics(cajal, example, "7");
        String c = metrics(cajal, example, "8");
        assertEquals(a, b);
        assertNotEquals(a, c, "another seed should give other numbers");
    }

    private static String metrics(CajalRuntime cajal, Path example, String seed) throws Exception {
        CajalRuntime.Outcome o = cajal.run(example.toString(), "--seed", seed, "--out",
                cajal.newFolder("seed" + seed).toString());
        assertEquals(0, o.status(), o::toString);
        Path run = CajalRuntime.runFolder(o);
        assertEquals(Long.parseLong(seed), JSON.readTree(run.resolve("provenance.json").toFile()).get("seed").asLong());
        return Files.readString(run.resolve("metrics.csv"));
    }
}
