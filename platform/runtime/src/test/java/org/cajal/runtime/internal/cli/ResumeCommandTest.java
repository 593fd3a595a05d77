package org.cajal.runtime.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cajal resume}'s command line: a run folder or a run id under the runs folder; no run is a usage error. */
class ResumeCommandTest {

    @Test
    void aRunIsAFolderOrAnIdUnderTheRunsFolder(@TempDir Path dir) throws Exception {
        Path runs = Files.createDirectories(dir.resolve("runs"));
        Path folder = Files.createDirectories(runs.resolve("20261207-230112-xor"));
        assertEquals(runs.resolve("20261207-230112-xor"), ResumeCommand.locate("20261207-230112-xor", runs));
        assertEquals(folder, ResumeCommand.locate(folder.toString(), dir.resolve("elsewhere")));
        assertEquals(Path.of("some/where"), ResumeCommand.locate("some/where", runs), "a path is taken as given");
    }

    @Test
    void noRunIsAUsageError() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new ResumeCommand().execute(List.of(), System.out, new PrintStream(err, true,
                StandardCharsets.UTF_8));
        assertEquals(2, status);
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("cajal resume: no run given") && text.contains("usage: cajal resume RUN"), text);
    }
}
