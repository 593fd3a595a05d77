package org.cajal.runfolder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write that fails (a full disk, through the fault hook) names the file and the reason, leaves the file that was
 * there complete and unchanged, and leaves no temporary file behind.
 */
class AtomicFilesFaultTest {

    @AfterEach
    void healthyDisk() {
        AtomicFiles.fault = null;
    }

    @Test
    void aFailedWriteKeepsTheOldFileAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("metrics.csv");
        AtomicFiles.write(file, "epoch\n1\n");
        AtomicFiles.fault = f -> {
            throw new java.nio.file.FileSystemException(f.toString(), null, "No space left on device");
        };
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(file, "epoch\n1\n2\n"));
        assertEquals("cannot write " + file + ": No space left on device", e.getMessage());
        assertEquals("epoch\n1\n", Files.readString(file), "the complete old file stays");
        try (var left = Files.list(dir)) {
            assertEquals(List.of(file), left.toList(), "no temporary file is left");
        }
        assertThrows(IOException.class, () -> AtomicFiles.appendLine(dir.resolve("log.jsonl"), "{}"));
    }
}
