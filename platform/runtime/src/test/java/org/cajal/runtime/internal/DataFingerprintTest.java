package org.cajal.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.JsonNode;

import org.cajal.api.data.DataSchema;
import org.cajal.api.pipeline.RunOptions;
import org.cajal.api.pipeline.RunResult;
import org.cajal.api.run.RunFiles;
import org.cajal.runfolder.Json;
import org.cajal.runtime.internal.folder.DataFingerprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** provenance.json's data fingerprint: the examples' hash as documented, and the dataset's files. */
class DataFingerprintTest {

    private static TestComponents.Memory memory(float[][] x, float[][] y) {
        return new TestComponents.Memory(DataSchema.regression(java.util.List.of("a", "b"), java.util.List.of("y")),
                x, y, "memory");
    }

    private static float[][] rows(int n, int width, float offset) {
        float[][] a = new float[n][width];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < width; j++) {
                a[i][j] = i * 0.5f + j + offset;
            }
        }
        return a;
    }

    @Test
    void theHashIsSha256OfEachExamplesFeaturesThenTargetsAsLittleEndianFloats() throws Exception {
        // more examples than one read chunk (1024), so batching cannot show in the hash
        float[][] x = rows(1500, 2, 0);
        float[][] y = rows(1500, 1, 7);
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < x.length; i++) {
            b.clear();
            b.putFloat(x[i][0]).putFloat(x[i][1]).putFloat(y[i][0]);
            expected.update(b.array());
        }
        assertEquals(HexFormat.of().formatHex(expected.digest()), DataFingerprint.examplesSha256(memory(x, y)));
    }

    @Test
    void sameDataSameHashOneChangedValueAnotherHash() throws Exception {
        String a = DataFingerprint.examplesSha256(memory(rows(30, 2, 0), rows(30, 1, 1)));
        assertEquals(a, DataFingerprint.examplesSha256(memory(rows(30, 2, 0), rows(30, 1, 1))));
        float[][] x = rows(30, 2, 0);
        x[17][1] += 0.001f;
        assertNotEquals(a, DataFingerprint.examplesSha256(memory(x, rows(30, 1, 1))));
        float[][] t = rows(30, 1, 1);
        t[29][0] = -t[29][0];
        assertNotEquals(a, DataFingerprint.examplesSha256(memory(rows(30, 2, 0), t)), "targets count too");
    }

    @Test
    void aRunsProvenanceHasTheDataAndItsFile(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 0; i < 20; i++) {
            csv.append(i).append(',').append(2 * i + 1).append('\n');
        }
        Path file = dir.resolve("rows.csv");
        Files.writeString(file, csv);
        TestRuntime runtime = new TestRuntime();
        RunResult result = runtime.executor.start(runtime.format.parse(SummaryTest.ROWS, "t.json", dir),
                new RunOptions(dir.resolve("runs"), OptionalLong.empty()), e -> { }).result().get();
        JsonNode data = Json.PRETTY.readTree(result.folder().resolve(RunFiles.PROVENANCE).toFile())
                .get("data");
        assertEquals(20, data.get("examples").asInt());
        TestComponents.Rows rows = new TestComponents.Rows();
        assertEquals(DataFingerprint.examplesSha256(rows.open(org.cajal.api.Parameters.resolve(rows.descriptor(),
                java.util.Map.of("file", "rows.csv"), dir), 42)), data.get("sha256").asText());
        assertEquals(1, data.get("files").size());
        JsonNode f = data.get("files").get(0);
        assertEquals(file.toAbsolutePath().normalize().toString(), f.get("path").asText());
        assertEquals(Files.size(file), f.get("bytes").asLong());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))),
                f.get("sha256").asText());
    }
}
