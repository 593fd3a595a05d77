package org.cajal.experiments.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cajal.experiments.internal.repro.DefaultReproducibility;
import org.cajal.experiments.internal.store.DefaultRunStore;
import org.cajal.experiments.internal.store.TestFolders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesTheReportIntoTheRunsReportFolderAndListsTheFiles() throws Exception {
        TestFolders.sample(TestFolders.HOLDOUT, dir);
        ReportCommand command = new ReportCommand();
        command.reproducibility = new DefaultReproducibility(null, null);
        command.store = new DefaultRunStore(dir);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(0, command.execute(List.of(TestFolders.HOLDOUT), o, e));
        Path report = dir.resolve(TestFolders.HOLDOUT).resolve("report");
        assertTrue(out.toString(StandardCharsets.UTF_8).contains(report.resolve("results.tex").toString()));
        assertTrue(Files.isRegularFile(report.resolve("loss-curves.png")));
        assertEquals(2, command.execute(List.of(), o, e));
        assertEquals(1, command.execute(List.of(dir.toString()), o, e));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("neither a run folder"));
    }
}
