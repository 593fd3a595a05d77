package org.cajal.experiments.internal.repro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cajal.testfixtures.FakeRunner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

import org.cajal.api.pipeline.RunOptions;
import org.cajal.api.train.TrainingListener;
import org.cajal.experiments.internal.store.DefaultRunStore;
import org.cajal.launcher.spi.LauncherCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReproCommandsTest {

    @TempDir
    Path dir;

    FakeRunner runner;
    BundleCommand bundle;
    RerunCommand rerun;
    Path run;
    String out;
    String err;

    @BeforeEach
    void setUp() throws Exception {
        runner = new FakeRunner();
        DefaultReproducibility repro = new DefaultReproducibility(runner, runner);
        DefaultRunStore store = new DefaultRunStore(dir.resolve("runs"));
        bundle = new BundleCommand();
        bundle.reproducibility = repro;
        bundle.store = store;
        rerun = new RerunCommand();
        rerun.reproducibility = repro;
        rerun.store = store;
        Path data = dir.resolve("work/data/points.csv");
        Files.createDirectories(data.getParent());
        Files.writeString(data, "x,y\n1,2\n");
        var handle = runner.start(runner.parse(BundleTest.PIPELINE, "p.json", dir.resolve("work")),
                new RunOptions(dir.resolve("runs"), OptionalLong.of(5)), TrainingListener.none());
        handle.result().get();
        run = handle.folder();
    }

    private int exec(LauncherCommand command, String... args) throws InterruptedException {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int rc = command.execute(List.of(args), new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8));
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return rc;
    }

    @Test
    void bundleByIdBesideTheFolderThenRerunIdentical() throws Exception {
        assertEquals(0, exec(bundle, run.getFileName().toString()));
        Path zip = run.resolveSibling(run.getFileName() + ".zip");
        assertTrue(Files.isRegularFile(zip), out);
        assertTrue(out.contains("1 run, 1 data file included"), out);
        assertEquals(0, exec(rerun, zip.toString(), "--out", dir.resolve("b").toString()));
        assertTrue(out.contains("identical:"), out);
        runner.offset = 0.5;
        assertEquals(1, exec(rerun, zip.toString(), "--out", dir.resolve("c").toString()));
        assertTrue(out.contains("NOT identical") && out.contains("accuracy: "), out);
    }

    @Test
    void errorsAndUsage() throws Exception {
        assertEquals(2, exec(bundle));
        assertTrue(err.contains("usage: cajal bundle"), err);
        assertEquals(1, exec(bundle, "no-such-run"));
        assertTrue(err.contains("no-such-run: no such folder"), err);
        assertEquals(2, exec(rerun, "--frobnicate"));
        assertEquals(1, exec(rerun, dir.resolve("missing.zip").toString()));
        assertTrue(err.contains("missing.zip: file not found"), err);
    }
}
