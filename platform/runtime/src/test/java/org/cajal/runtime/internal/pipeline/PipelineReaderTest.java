package org.cajal.runtime.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

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
        assertClear(e, ": invalid JSON: ");
        assertTrue(e.getMessage().contains("(in $.seed); check for a missing comma"), e.getMessage());
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

    @Test
    void nanSaysJsonHasNoNanWithLineColumnAndPath() {
        for (String bad : new String[] {"NaN", "Infinity", "-Infinity"}) {
            PipelineException e = assertThrows(PipelineException.class,
                    () -> parse(VALID.replace("\"noise\": 0.1", "\"noise\": " + bad)));
            assertClear(e, "test.json: line 5, column 67: $.dataset.params.noise: " + bad
                    + " is not a number in JSON (JSON has no NaN or Infinity); write a number");
        }
    }

    @Test
    void aByteOrderMarkIsAccepted(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bom.json");
        Files.write(file, ("\uFEFF" + VALID).getBytes(StandardCharsets.UTF_8));
        assertEquals(VALID, reader.read(file).text());
    }

    @Test
    void aLatin1FileSaysItIsNotUtf8AndWhere(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("latin1.json");
        Files.write(file, VALID.replace("\"xor\",", "\"café\",").getBytes(StandardCharsets.ISO_8859_1));
        PipelineException e = assertThrows(PipelineException.class, () -> reader.read(file));
        assertClear(e, file + ": line 3, byte 15 of the line (byte 32 of the file): the file is not UTF-8 text"
                + " (byte 0xE9 is not valid UTF-8");
        assertTrue(e.getMessage().contains("re-save it as UTF-8"), e.getMessage());
    }

    @Test
    void contentAfterThePipelineIsAnErrorNamingWhereItStarts() {
        PipelineException e = assertThrows(PipelineException.class, () -> parse(VALID + "\n  " + VALID));
        assertClear(e, "test.json: line 10, column 3: unexpected content after the pipeline's closing '}'");
        assertTrue(e.getMessage().contains("delete everything after it"), e.getMessage());
        PipelineException junk = assertThrows(PipelineException.class, () -> parse(VALID.strip() + " ,x"));
        assertClear(junk, "test.json: line 8, column 3: unexpected content");
    }

    @Test
    void aHugeWholeNumberGivesTheAllowedRange() {
        PipelineException e = assertThrows(PipelineException.class,
                () -> parse(VALID.replace("\"epochs\": 3", "\"epochs\": 99999999999")));
        assertClear(e, "test.json: $.training.epochs: value 99999999999 is out of range; allowed: 1 .. 1000000");
        PipelineException seed = assertThrows(PipelineException.class,
                () -> parse(VALID.replace("\"seed\": 7", "\"seed\": 99999999999999999999")));
        assertClear(seed, "$.seed: value 99999999999999999999 is out of range; allowed: " + Long.MIN_VALUE);
        PipelineException fraction = assertThrows(PipelineException.class,
                () -> parse(VALID.replace("\"epochs\": 3", "\"epochs\": 2.5")));
        assertClear(fraction, "$.training.epochs: expected a whole number but got number 2.5; allowed: 1 .. 1000000");
    }

    @Test
    void aFolderSaysItIsAFolder(@TempDir Path dir) {
        PipelineException e = assertThrows(PipelineException.class, () -> reader.read(dir));
        assertClear(e, dir + ": file: is a folder, not a pipeline file; give the path of a .json file");
    }

    @Test
    void anUnreadableFileSaysPermissionDenied(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("secret.json");
        Files.writeString(file, VALID);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(file), "running as a user who can read any file (root)");
        PipelineException e = assertThrows(PipelineException.class, () -> reader.read(file));
        assertClear(e, file + ": file: cannot be read: permission denied; give yourself read access");
    }

    @Test
    void labelNoiseIsReadAndRefusedWithFoldsOrOutOfRange() throws Exception {
        String noisy = VALID.replace("\"seed\": 7,", "\"seed\": 7, \"split\": { \"test\": 0.3, \"labelNoise\": 0.2 },");
        assertEquals(0.2, parse(noisy).pipeline().split().labelNoise());
        assertEquals(0.0, parse(VALID).pipeline().split().labelNoise());
        PipelineException folds = assertThrows(PipelineException.class,
                () -> parse(noisy.replace("\"test\": 0.3,", "\"test\": 0.3, \"folds\": 3,")));
        assertClear(folds, "$.split.labelNoise: label noise needs a hold-out split");
        PipelineException range = assertThrows(PipelineException.class,
                () -> parse(noisy.replace("0.2 }", "1.5 }")));
        assertClear(range, "$.split.labelNoise: value 1.5 is out of range; allowed: 0.0 .. 1.0");
    }

    /** The message starts with (or holds) the expected text and names no Java exception class. */
    private static void assertClear(PipelineException e, String expected) {
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().matches("(?s).*\\b[A-Z]\\w*(Exception|Error)\\b.*"), e.getMessage());
        assertFalse(e.getMessage().contains("JsonReadFeature") || e.getMessage().contains("Input length"),
                e.getMessage());
    }

    private PipelineDocument parse(String text) throws PipelineException {
        return reader.parse(text, "test.json", Path.of("."));
    }
}
