package org.cajal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The course's worked examples, shipped in examples/, run headless and show what they are meant to show. Large
 * ones run on a subset here (the test says which); docs/examples.md gives their full-data results.
 */
@ExtendWith(CajalRuntime.class)
class WorkedExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aLinearModelCannotSolveXor(CajalRuntime cajal) throws Exception {
        JsonNode e = run(cajal, "xor-linear", p -> { });
        assertTrue(e.get("accuracy").asDouble() <= 0.8, e::toString);
    }

    @Test
    void gradientDescentRecoversSlopeAndIntercept(CajalRuntime cajal) throws Exception {
        Path run = runFolder(cajal, "linreg-1d-gd", p -> { });
        JsonNode weights = JSON.readTree(run.resolve("weights.json").toFile());
        double slope = weights.at("/0_W/0").isArray() ? weights.at("/0_W/0/0").asDouble() : weights.at("/0_W/0").asDouble();
        double intercept = weights.at("/0_b/0").asDouble();
        assertEquals(2.0, slope, 0.05, weights::toString);
        assertEquals(1.0, intercept, 0.05, weights::toString);
    }

    @Test
    void aShallowReluNetworkFitsASine(CajalRuntime cajal) throws Exception {
        JsonNode e = run(cajal, "shallow-1d", p -> { });
        assertTrue(e.get("r2").asDouble() > 0.9, e::toString);
    }

    @Test
    void aDeepNarrowNetworkBeatsAShallowOneOfEqualSizeOnSpirals(CajalRuntime cajal) throws Exception {
        JsonNode deep = run(cajal, "spirals-deep", p -> { });
        JsonNode shallow = run(cajal, "spirals-shallow", p -> { });
        assertTrue(deep.get("accuracy").asDouble() > shallow.get("accuracy").asDouble() + 0.05,
                () -> "deep " + deep + "\nshallow " + shallow);
    }

    /** Subset: 3,000 training images, 2 epochs (full data: docs/examples.md). */
    @Test
    void fashionMlpLearnsOnASubset(CajalRuntime cajal) throws Exception {
        JsonNode e = run(cajal, "fashion-mlp", p -> subset(p, 3000, 2));
        assertTrue(e.get("accuracy").asDouble() > 0.7, e::toString);
    }

    /** Subset: 1,000 training images, 2 epochs (full data: docs/examples.md). */
    @Test
    void fashionCnnLearnsOnASubset(CajalRuntime cajal) throws Exception {
        JsonNode e = run(cajal, "fashion-cnn", p -> subset(p, 1000, 2));
        assertTrue(e.get("accuracy").asDouble() > 0.5, e::toString);
    }

    /** Subset: 300 windows, 6 epochs. */
    @Test
    void anLstmForecastsTheNextValueOfASine(CajalRuntime cajal) throws Exception {
        JsonNode e = run(cajal, "lstm-sine", p -> {
            ((ObjectNode) p.at("/dataset/params")).put("samples", 300);
            ((ObjectNode) p.get("training")).put("epochs", 6);
        });
        assertTrue(e.get("r2").asDouble() > 0.8, e::toString);
    }

    private static void subset(ObjectNode pipeline, int limit, int epochs) {
        ((ObjectNode) pipeline.at("/dataset/params")).put("limit", limit);
        ((ObjectNode) pipeline.get("training")).put("epochs", epochs);
    }

    static JsonNode run(CajalRuntime cajal, String example, Consumer<ObjectNode> change) throws Exception {
        return JSON.readTree(runFolder(cajal, example, change).resolve("evaluation.json").toFile());
    }

    static Path runFolder(CajalRuntime cajal, String example, Consumer<ObjectNode> change) throws Exception {
        Path source = CajalRuntime.distribution().resolve("examples").resolve(example + ".json");
        ObjectNode pipeline = (ObjectNode) JSON.readTree(source.toFile());
        change.accept(pipeline);
        Path dir = cajal.newFolder(example);
        Path file = dir.resolve(example + ".json");
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(pipeline));
        // relative files (house-prices.csv) resolve against the pipeline's folder: copy the example's neighbours
        try (var neighbours = Files.list(source.getParent())) {
            for (Path n : (Iterable<Path>) neighbours::iterator) {
                if (n.toString().endsWith(".csv")) {
                    Files.copy(n, dir.resolve(n.getFileName()));
                }
            }
        }
        CajalRuntime.Outcome o = cajal.run(file.toString(), "--out", dir.resolve("runs").toString());
        assertEquals(0, o.status(), o::toString);
        return CajalRuntime.runFolder(o);
    }
}
