package org.cajal.runtime.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.cajal.api.pipeline.PipelineDocument;
import org.cajal.api.pipeline.PipelineException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineReaderTest {

    static final String VALID = """
            {
              "schema": 1,
              "name": "xor",
              "seed": 7,
              "dataset": { "type": "xor", "params": { "samples": 40, "noise": 0.1 } },
              "model": { "layers": [ { "type": "dense", "params": { "units": 4 } }, { "type": "output" } ] },
              "training": { "loss": "mse", "optimizer": { "type": "sgd" }, "epochs": 3 }
            }
            """;

    private final PipelineReader reader = new PipelineReader();

    @Test
    void readsAValidPipelineWithDefaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("p.json");
        Files.writeString(file, VALID);
        PipelineDocument doc = reader.read(file);
        assertEquals("xor", doc.pipeline().name());
        assertEquals(7, doc.pipeline().seed());
        assertEquals(40, doc.pipeline().dataset().params().get("samples"));
        assertEquals(0.1, doc.pipeline().dataset().params().get("noise"));
        assertEquals(2, doc.pipeline().model().layers().size());
        assertEquals(32, doc.pipeline().training().batchSize());
        assertEquals(0.2, doc.pipeline().split().test());
        assertEquals(VALID, doc.text());
        assertEquals(dir.toAbsolutePath(), doc.baseDirectory());
    }

    @Test
    void missingFileSaysWhereItLooked(@TempDir Path dir) {
        PipelineException e = assertThrows(PipelineException.class, () -> reader.read(dir.resolve("nope.json")));
        assertTrue(e.getMessage().contains("nope.json"), e.getMessage());
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
    }

    @Test
    void invalidJsonNamesLineAndColumn() {
        String broken = VALID.replace("\"seed\": 7,", "\"seed\": 7");
        PipelineException e = assertThrows(PipelineException.class, () -> parse(broken));
        assertTrue(e.getMessage().startsWith("test.json: line 5, column "), e.getMessage());
        assertTrue(e.getMessage().contains("invalid JSON"), e.getMessage());
    }

    @Test
    void unknownKeyIsNamedWithItsPathAndASuggestion() {
        String typo = VALID.replace("\"epochs\": 3", "\"epochs\": 3, \"epoch\": 4");
        PipelineException e = assertThrows(PipelineException.class, () -> parse(typo));
        assertTrue(e.getMessage().contains("$.training.epoch: unknown key 'epoch' (did you mean 'epochs'?)"),
                e.getMessage());
    }

    @Test
    void wrongTypeIsNamedWithItsPath() {
        String wrong = VALID.replace("\"epochs\": 3", "\"epochs\": \"three\"");
        PipelineException e = assertThrows(PipelineException.class, () -> parse(wrong));
        assertTrue(e.getMessage().contains("$.training.epochs: expected a whole number but got text \"three\""),
                e.getMessage());
    }

    @Test
    void outOfRangeStructuralValueGivesTheAllowedRange() {
        String bad = VALID.replace("\"epochs\": 3", "\"epochs\": 0");
        PipelineException e = assertThrows(PipelineException.class, () -> parse(bad));
        assertTrue(e.getMessage().contains("$.training.epochs: value 0 is out of range; allowed: 1 .. 1000000"),
                e.getMessage());
    }

    @Test
    void missingSectionIsReported() {
        String bad = VALID.replace("\"training\": { \"loss\": \"mse\", \"optimizer\": { \"type\": \"sgd\" }, \"epochs\": 3 }",
                "\"comment\": 1");
        PipelineException e = assertThrows(PipelineException.class, () -> parse(bad));
        assertTrue(e.getMessage().contains("$.training: is missing"), e.getMessage());
        assertTrue(e.getMessage().contains("$.comment: unknown key"), e.getMessage());
    }

    @Test
    void nonScalarParameterIsReported() {
        String bad = VALID.replace("\"units\": 4", "\"units\": [4]");
        PipelineException e = assertThrows(PipelineException.class, () -> parse(bad));
        assertTrue(e.getMessage().contains("$.model.layers[0].params.units: expected a number, text or true/false"),
                e.getMessage());
    }

    @Test
    void duplicateKeysAreRejected() {
        String bad = VALID.replace("\"seed\": 7,", "\"seed\": 7, \"seed\": 8,");
        PipelineException e = assertThrows(PipelineException.class, () -> parse(bad));
        assertTrue(e.getMessage().contains("seed"), e.getMessage());
    }

    private PipelineDocument parse(String text) throws PipelineException {
        return reader.parse(text, "test.json", Path.of("."));
    }
}
