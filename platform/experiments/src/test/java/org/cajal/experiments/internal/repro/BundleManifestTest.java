package org.cajal.experiments.internal.repro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** bundle.json checked field by field: each damage is named by its JSON path, in Cajal's words. */
class BundleManifestTest {

    private static final Pattern JAVA_NAMES = Pattern.compile("\\b[A-Z]\\w*(Exception|Error)\\b|\\bjava\\.|\\borg\\.");

    static final String VALID = """
            {"format": 1, "kind": "run", "created": "2026-01-01T00:00:00Z", "source": "/runs/r",
             "runs": [{"id": "r", "folder": "runs/r/", "seed": 42, "pipeline": "p",
                       "dataFiles": [{"param": "file", "value": "d.csv", "path": "/data/d.csv", "bytes": 3,
                                      "sha256": "%s", "entry": "data/abc-d.csv"}]}]}
            """.formatted("a".repeat(64));

    @TempDir
    Path dir;

    private BundleManifest read(String json) throws IOException {
        Path file = dir.resolve("bundle.json");
        Files.writeString(file, json);
        return BundleManifest.read(file, "b.zip!bundle.json");
    }

    @Test
    void theValidManifestReadsEveryField() throws Exception {
        BundleManifest m = read(VALID);
        assertEquals(1, m.format());
        assertEquals("run", m.kind());
        assertEquals(42, m.runs().get(0).seed());
        assertEquals("runs/r/", m.runs().get(0).folder());
        assertEquals("data/abc-d.csv", m.runs().get(0).dataFiles().get(0).entry());
    }

    static Stream<Arguments> damage() {
        String sha = "\"" + "a".repeat(64) + "\"";
        return Stream.of(
                Arguments.of("\"seed\": 42", "\"seed\": \"abc\"", "$.runs[0].seed: expected a whole number but got text \"abc\""),
                Arguments.of("\"seed\": 42", "\"seed\": 4.5", "$.runs[0].seed: expected a whole number but got the number 4.5"),
                Arguments.of("\"seed\": 42", "\"seed\": null", "$.runs[0].seed: missing"),
                Arguments.of("\"seed\": 42, ", "", "$.runs[0].seed: missing"),
                Arguments.of("\"seed\": 42", "\"seed\": 99999999999999999999", "$.runs[0].seed: expected a whole number from"),
                Arguments.of("\"seed\": 42", "\"seed\": true", "$.runs[0].seed: expected a whole number but got true"),
                Arguments.of("\"format\": 1", "\"format\": 2", "$.format: format 2 is not one this version"),
                Arguments.of("\"format\": 1", "\"format\": \"1\"", "$.format: expected a whole number but got text \"1\""),
                Arguments.of("\"format\": 1, ", "", "$.format: missing"),
                Arguments.of("\"kind\": \"run\"", "\"kind\": \"runs\"", "$.kind: 'runs' is not a kind of bundle"),
                Arguments.of("\"kind\": \"run\"", "\"kind\": 3", "$.kind: expected text but got the number 3"),
                Arguments.of("\"id\": \"r\"", "\"id\": [\"r\"]", "$.runs[0].id: expected text but got a list"),
                Arguments.of("\"id\": \"r\", ", "", "$.runs[0].id: missing"),
                Arguments.of("\"folder\": \"runs/r/\"", "\"folder\": {}", "$.runs[0].folder: expected text but got an object"),
                Arguments.of("\"folder\": \"runs/r/\"", "\"folder\": \"../../etc/\"", "$.runs[0].folder: '../../etc/' is not a folder inside the bundle"),
                Arguments.of("\"folder\": \"runs/r/\"", "\"folder\": \"\"", "$.runs[0].folder: expected text but got text \"\""),
                Arguments.of("\"runs\": [", "\"runs\": \"none\", \"x\": [", "$.runs: expected a list [...] but got text \"none\""),
                Arguments.of("\"dataFiles\": [", "\"dataFiles\": 3, \"x\": [", "$.runs[0].dataFiles: expected a list [...] but got the number 3"),
                Arguments.of("\"sha256\": " + sha, "\"sha256\": \"xyz\"", "$.runs[0].dataFiles[0].sha256: 'xyz' is not a SHA-256"),
                Arguments.of("\"sha256\": " + sha, "\"sha256\": 5", "$.runs[0].dataFiles[0].sha256: expected text"),
                Arguments.of("\"param\": \"file\"", "\"param\": null", "$.runs[0].dataFiles[0].param: missing"),
                Arguments.of("\"entry\": \"data/abc-d.csv\"", "\"entry\": 7", "$.runs[0].dataFiles[0].entry: expected text"),
                Arguments.of("\"path\": \"/data/d.csv\", ", "", null) // a bundled file needs no original path
        );
    }

    @ParameterizedTest
    @MethodSource("damage")
    void eachDamageIsNamedByItsPath(String from, String to, String expected) throws Exception {
        assertTrue(VALID.contains(from), from);
        String json = VALID.replace(from, to);
        if (expected == null) {
            read(json);
            return;
        }
        String text = json;
        IOException e = assertThrows(IOException.class, () -> read(text));
        assertTrue(e.getMessage().startsWith("b.zip!bundle.json: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), () -> "expected «" + expected + "» in " + e.getMessage());
        assertFalse(JAVA_NAMES.matcher(e.getMessage()).find(), e.getMessage());
    }

    @Test
    void notJsonNamesLineAndColumn() {
        IOException e = assertThrows(IOException.class, () -> read("{\"format\": 1,\n \"kind\": }"));
        assertTrue(e.getMessage().startsWith("b.zip!bundle.json: line 2, column "), e.getMessage());
        assertTrue(e.getMessage().contains("not valid JSON; the bundle is damaged"), e.getMessage());
        IOException array = assertThrows(IOException.class, () -> read("[1, 2]"));
        assertTrue(array.getMessage().contains("$: expected a JSON object {...} but got a list"), array.getMessage());
        IOException runs = assertThrows(IOException.class, () -> read("{\"format\": 1, \"kind\": \"run\", \"runs\": []}"));
        assertTrue(runs.getMessage().contains("$.runs: lists no runs"), runs.getMessage());
        IOException entry = assertThrows(IOException.class,
                () -> read("{\"format\": 1, \"kind\": \"run\", \"runs\": [3]}"));
        assertTrue(entry.getMessage().contains("$.runs[0]: expected a JSON object {...} but got the number 3"),
                entry.getMessage());
    }
}
