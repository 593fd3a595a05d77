package org.cajal.runtime.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.cajal.api.run.RunFiles;
import org.cajal.runfolder.Json;
import org.cajal.runtime.internal.folder.RunProvenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cajal predict} with a model.zip that is damaged, truncated, not a model, or another run's: one message
 * naming the file and what to do, never the engine's words or a Java exception's name.
 */
class PredictModelFileTest {

    private static final Pattern JAVA_NAMES = Pattern.compile("\\b[A-Z]\\w*(Exception|Error)\\b|\\bjava\\.|\\borg\\.");

    private record Result(int status, String out, String err) {
    }

    private static Result predict(Path run, Path dir) throws IOException {
        Path input = dir.resolve("new.csv");
        Files.writeString(input, "x,colour\n1,blue\n2,red\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new PredictCommand().execute(List.of(run.toString(), input.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A saved run whose provenance.json records its model's SHA-256, as runs now write it. */
    private static Path run(Path folder) throws IOException {
        SavedRunFolder.write(folder, "impute", true, true);
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("file", RunFiles.MODEL);
        identity.put("sha256", RunProvenance.sha256(folder.resolve(RunFiles.MODEL)));
        Json.write(folder.resolve(RunFiles.PROVENANCE), Map.of("run", folder.getFileName().toString(),
                "status", "finished", RunProvenance.MODEL_FILE, identity));
        return folder;
    }

    private static void assertRefused(Result r, String... fragments) {
        assertEquals(1, r.status(), r::toString);
        for (String f : fragments) {
            assertTrue(r.err().contains(f), () -> "expected «" + f + "» in\n" + r.err());
        }
        assertFalse(JAVA_NAMES.matcher(r.err()).find(), () -> "a Java name in\n" + r.err());
        assertEquals("", r.out(), "nothing predicted");
    }

    @Test
    void theRunsOwnModelPredictsWithoutAWarning(@TempDir Path dir) throws Exception {
        Result r = predict(run(dir.resolve("run")), dir);
        assertEquals(0, r.status(), r.err());
        assertFalse(r.err().contains("warning"), r.err());
    }

    @Test
    void anotherRunsModelIsRefusedNamingBothFiles(@TempDir Path dir) throws Exception {
        Path run = run(dir.resolve("run"));
        Path other = SavedRunFolder.write(dir.resolve("other"), "impute", false, true);
        Files.copy(other.resolve(RunFiles.MODEL), run.resolve(RunFiles.MODEL),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertRefused(predict(run, dir), run.resolve(RunFiles.MODEL) + " is not the model this run saved",
                run.resolve(RunFiles.PROVENANCE) + " records ");
    }

    @Test
    void aRunWithoutARecordedHashIsScoredWithOneWarning(@TempDir Path dir) throws Exception {
        Path run = run(dir.resolve("run"));
        Json.write(run.resolve(RunFiles.PROVENANCE), Map.of("run", "run", "status", "finished"));
        Result r = predict(run, dir);
        assertEquals(0, r.status(), r.err());
        assertEquals(1, r.err().split("warning: ", -1).length - 1, r.err());
        assertTrue(r.err().contains("records no SHA-256 of the model"), r.err());
    }

    @Test
    void aTruncatedModelNamesTheFile(@TempDir Path dir) throws Exception {
        Path run = run(dir.resolve("run"));
        Path model = run.resolve(RunFiles.MODEL);
        byte[] bytes = Files.readAllBytes(model);
        Files.write(model, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertRefused(predict(run, dir), model + " is truncated or damaged", "cajal run");
    }

    @Test
    void anEmptyOrTextModelIsNotAModelFile(@TempDir Path dir) throws Exception {
        Path run = run(dir.resolve("run"));
        Path model = run.resolve(RunFiles.MODEL);
        Files.write(model, new byte[0]);
        assertRefused(predict(run, dir), model + " is not a model file");
        Files.writeString(model, "not a model");
        assertRefused(predict(run, dir), model + " is not a model file");
    }

    @Test
    void aFlippedByteInsideAnEntryIsDamage(@TempDir Path dir) throws Exception {
        Path run = run(dir.resolve("run"));
        Path model = run.resolve(RunFiles.MODEL);
        Path plain = dir.resolve("plain.zip");
        // stored entries, so that a changed byte reaches an entry's data rather than the deflate stream's
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(plain))) {
            stored(out, ModelFileCheck.CONFIGURATION, "{\"confs\": []}".getBytes(StandardCharsets.UTF_8));
            stored(out, ModelFileCheck.COEFFICIENTS, new byte[64]);
        }
        byte[] bytes = Files.readAllBytes(plain);
        int at = indexOf(bytes, new byte[64]) + 10;
        bytes[at] = 7;
        Files.write(model, bytes);
        assertRefused(predict(run, dir), model + " is damaged: its entry '" + ModelFileCheck.COEFFICIENTS + "'");
    }

    @Test
    void aZipThatHoldsNoNetworkSaysSo(@TempDir Path dir) throws Exception {
        Path run = run(dir.resolve("run"));
        Path model = run.resolve(RunFiles.MODEL);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(model))) {
            out.putNextEntry(new ZipEntry("notes.txt"));
            out.write("hello".getBytes(StandardCharsets.UTF_8));
        }
        assertRefused(predict(run, dir), model + " holds no trained network (its 'configuration.json' entry is missing)");
    }

    @Test
    void aNetworkConfigurationThatIsNotOneIsRefusedInCajalsWords(@TempDir Path dir) throws Exception {
        Path run = run(dir.resolve("run"));
        Path model = run.resolve(RunFiles.MODEL);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(model))) {
            out.putNextEntry(new ZipEntry(ModelFileCheck.CONFIGURATION));
            out.write("{\"not\": \"a network\"}".getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry(ModelFileCheck.COEFFICIENTS));
            out.write(new byte[16]);
        }
        Json.write(run.resolve(RunFiles.PROVENANCE), Map.of("run", "run", "status", "finished"));
        assertRefused(predict(run, dir), model + " cannot be read back as a trained network");
    }

    @Test
    void aDamagedSchemaNamesIt(@TempDir Path dir) throws Exception {
        Path run = run(dir.resolve("run"));
        Files.writeString(run.resolve(RunFiles.SCHEMA), "{\"featureNames\": 3}");
        assertRefused(predict(run, dir), run.resolve(RunFiles.SCHEMA) + " is damaged");
    }

    @Test
    void aMissingModelOrAFolderInItsPlace(@TempDir Path dir) throws Exception {
        Path run = run(dir.resolve("run"));
        Path model = run.resolve(RunFiles.MODEL);
        Files.delete(model);
        assertRefused(predict(run, dir), model + " not found", "not the folder of a finished run");
        Files.createDirectory(model);
        assertRefused(predict(run, dir), model + " is a folder, not a model file");
    }

    @Test
    void aRunFolderThatIsNotThere(@TempDir Path dir) throws Exception {
        assertRefused(predict(dir.resolve("nope"), dir), dir.resolve("nope") + " not found");
    }

    private static void stored(ZipOutputStream out, String name, byte[] bytes) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(bytes.length);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes);
        e.setCrc(crc.getValue());
        out.putNextEntry(e);
        ((OutputStream) out).write(bytes);
        out.closeEntry();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
