package org.cajal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fault injection (issue 16): real {@code cajal run} processes are killed with SIGKILL at random points (seeded,
 * printed) — during training, while files are written, during evaluation — on DL4J's path, the fused path and
 * k-fold, and a resumed run is killed again. Each run must then be finished, or resumable by {@code cajal resume} to
 * byte-identical metrics.csv, evaluation.json and predictions.csv, with no temporary file, checkpoint or lock left,
 * and the killed processes' framework caches deleted by the next start. SIGTERM ends a run cancelled with its model.
 */
@ExtendWith(CajalRuntime.class)
class KilledRunResumeTest {

    private static final String HOLD_OUT = """
            { "schema": 1, "name": "NAME", "seed": 5,
              "dataset": { "type": "xor", "params": { "samples": 2000, "noise": 0.2 } },
              "split": { "validation": 0.2, "test": 0.2 SPLIT },
              "model": { "layers": [ { "type": "dense", "params": { "units": 16, "activation": "relu" } },
                                     { "type": "output", "params": { "activation": "softmax" } } ] },
              "training": { "loss": "categorical-cross-entropy",
                            "optimizer": { "type": "adam", "params": { "learningRate": 0.01 } },
                            "epochs": EPOCHS, "batchSize": 16, "engine": "ENGINE",
                            "regularisation": { "dropout": 0.1 } } }
            """;

    private static final List<String> COMPARED = List.of("metrics.csv", "evaluation.json", "predictions.csv");

    private final Set<Path> killedCaches = new HashSet<>();
    private Path lastRun;

    private static String pipeline(String name, String engine, int epochs, String split) {
        return HOLD_OUT.replace("NAME", name).replace("ENGINE", engine).replace("EPOCHS", Integer.toString(epochs))
                .replace("SPLIT", split);
    }

    @Test
    void killedRunsAreFinishedOrResumeToTheSameResult(CajalRuntime cajal) throws Exception {
        long seed = System.nanoTime();
        System.out.println("KilledRunResumeTest kill points from seed " + seed);
        Random random = new Random(seed);
        Path dir = cajal.newFolder("killed-runs");
        record Case(String name, String json, int kills) { }
        List<Case> cases = List.of(
                new Case("fused", pipeline("fused", "fused", 150, ""), 2),
                new Case("dl4j", pipeline("dl4j", "dl4j", 25, ""), 1),
                new Case("kfold", pipeline("kfold", "fused", 40, ", \"folds\": 3"), 1));
        for (Case c : cases) {
            Path file = ExperimentsTest.write(dir, c.name() + ".json", c.json());
            long t0 = System.nanoTime();
            CajalRuntime.Outcome base = cajal.run(file.toString(), "--out", dir.resolve("base").toString());
            assertEquals(0, base.status(), base::toString);
            Duration training = Duration.ofNanos(System.nanoTime() - t0);
            Path baseline = CajalRuntime.runFolder(base);
            Path run = killAt(file, dir.resolve("killed-" + c.name()), random, training, dir);
            for (int k = 1; k < c.kills() && interrupted(run); k++) {
                killResume(run, random, training, dir);
            }
            finishAndCompare(cajal, run, baseline);
            lastRun = run;
        }
        // the next start (here a refused resume of a finished run) deletes the killed processes' caches
        Process refused = start(dir, "resume", lastRun.toString());
        assertEquals(1, refused.waitFor());
        assertTrue(Files.readString(dir.resolve("processes.log")).contains("has ended (finished); only an "
                + "interrupted run can be resumed"));
        for (Path cache : killedCaches) {
            assertFalse(Files.exists(cache), "a killed process's framework cache is deleted at the next start: "
                    + cache);
        }
    }

    @Test
    void sigtermEndsARunCancelledWithItsModel(CajalRuntime cajal) throws Exception {
        Path dir = cajal.newFolder("sigterm-run");
        Path file = ExperimentsTest.write(dir, "long.json", pipeline("long", "fused", 100000, ""));
        Path runs = dir.resolve("runs");
        Process p = start(dir, "run", file.toString(), "--out", runs.toString());
        Path run = awaitFile(runs, "checkpoint.bin", p, dir);
        p.destroy(); // SIGTERM
        p.waitFor();
        String provenance = Files.readString(run.resolve("provenance.json"));
        assertTrue(provenance.contains("\"status\" : \"cancelled\""), provenance);
        assertTrue(Files.isRegularFile(run.resolve("model.zip")) && Files.isRegularFile(run.resolve("evaluation.json")));
        assertEquals(List.of(), leftovers(run));
    }

    @Test
    void ctrlCTwiceExitsAtOnceLeavingTheRunResumable(CajalRuntime cajal) throws Exception {
        Path python = Path.of("/usr/bin/python3");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(python), "needs /usr/bin/python3 to give "
                + "the process a default SIGINT (a background process inherits SIGINT ignored)");
        Path dir = cajal.newFolder("ctrl-c-twice");
        Path file = ExperimentsTest.write(dir, "longer.json", pipeline("longer", "fused", 3000, ""));
        Path runs = dir.resolve("runs");
        Process p = start(dir, python.toString(), "-c", "import os, signal, sys; signal.signal(signal.SIGINT, "
                + "signal.SIG_DFL); os.execv(sys.argv[1], sys.argv[1:])", cajalScript(), "run", file.toString(),
                "--out", runs.toString());
        Path run = awaitFile(runs, "checkpoint.bin", p, dir);
        signal(p, "INT");
        Thread.sleep(20);
        signal(p, "INT");
        assertEquals(130, p.waitFor(), () -> log(dir));
        String provenance = Files.readString(run.resolve("provenance.json"));
        System.out.println("Ctrl-C twice left the run " + (interrupted(run) ? "interrupted" : "cancelled"));
        if (interrupted(run)) {
            CajalRuntime.Outcome resumed = cajal.command("resume", run.toString());
            assertEquals(0, resumed.status(), resumed::toString);
            assertTrue(Files.readString(run.resolve("provenance.json")).contains("\"status\" : \"finished\""));
        } else {
            // the first Ctrl-C's orderly stop was quicker than the second: cancelled, with its model
            assertTrue(provenance.contains("\"status\" : \"cancelled\"") && Files.exists(run.resolve("model.zip")),
                    provenance);
        }
        assertEquals(List.of(), leftovers(run));
    }

    private static void signal(Process p, String name) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + name, Long.toString(p.pid())).start().waitFor());
    }

    private static String cajalScript() {
        return CajalRuntime.distribution().resolve("bin").resolve("cajal").toString();
    }

    private static String log(Path dir) {
        try {
            return Files.readString(dir.resolve("processes.log"));
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    /** Starts {@code cajal run} (checkpoint after every epoch) and kills it at a random point of its run. */
    private Path killAt(Path file, Path runs, Random random, Duration training, Path dir) throws Exception {
        Process p = start(dir, "run", file.toString(), "--out", runs.toString());
        Path run = awaitFile(runs, "provenance.json", p, dir);
        kill(p, random, training);
        report(run);
        return run;
    }

    /** Resumes an interrupted run as a process of its own and kills that too. */
    private void killResume(Path run, Random random, Duration training, Path dir) throws Exception {
        Process p = start(dir, "resume", run.toString());
        awaitResumed(run, p, dir);
        kill(p, random, training);
        report(run);
    }

    /** SIGKILL after a random share (0 to 1.2) of the time the run took in this JVM. */
    private void kill(Process p, Random random, Duration training) throws Exception {
        Thread.sleep((long) (random.nextDouble() * training.toMillis() * 1.2));
        noteCaches();
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor();
        killedCaches.addAll(newCaches);
        newCaches.clear();
    }

    /** Says where a kill left a run (the figures for the log). */
    private static void report(Path run) throws IOException {
        Path metrics = run.resolve("metrics.csv");
        long rows = Files.exists(metrics) ? Files.readAllLines(metrics).size() - 1 : 0;
        try (Stream<Path> files = Files.walk(run)) {
            System.out.println("killed " + run.getFileName() + ": " + (interrupted(run) ? "interrupted" : "finished")
                    + ", metrics.csv rows " + rows + ", files " + files.map(p -> run.relativize(p).toString())
                    .filter(n -> !n.isEmpty()).sorted().toList());
        }
    }

    private final Set<Path> newCaches = new HashSet<>();
    private Set<Path> cachesAtStart = Set.of();

    private Process start(Path dir, String... args) throws IOException {
        cachesAtStart = caches();
        List<String> command = new ArrayList<>();
        if (!args[0].startsWith("/")) {
            command.add(cajalScript());
        }
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("processes.log").toFile()));
        builder.environment().put("CAJAL_OPTS", "-Dcajal.checkpoint.seconds=0");
        return builder.start();
    }

    private static Set<Path> caches() throws IOException {
        try (Stream<Path> list = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return new HashSet<>(list.filter(p -> p.getFileName().toString().startsWith("cajal-felix-")
                    && !p.getFileName().toString().endsWith(".owner")).toList());
        }
    }

    private Path awaitFile(Path runs, String name, Process p, Path dir) throws Exception {
        long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < end) {
            noteCaches();
            if (Files.isDirectory(runs)) {
                try (Stream<Path> list = Files.list(runs)) {
                    for (Path run : list.toList()) {
                        if (Files.exists(run.resolve(name))) {
                            return run;
                        }
                    }
                }
            }
            if (!p.isAlive()) {
                throw new AssertionError("cajal ended before " + name + ":\n"
                        + Files.readString(dir.resolve("processes.log")));
            }
            Thread.sleep(20);
        }
        p.destroyForcibly();
        throw new AssertionError("no " + name + " under " + runs + " in 2 minutes:\n"
                + Files.readString(dir.resolve("processes.log")));
    }

    private void awaitResumed(Path run, Process p, Path dir) throws Exception {
        long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < end && !Files.readString(run.resolve("provenance.json")).contains("\"resumed\"")) {
            noteCaches();
            if (!p.isAlive()) {
                throw new AssertionError("cajal resume ended early:\n" + Files.readString(dir.resolve("processes.log")));
            }
            Thread.sleep(20);
        }
    }

    /** The framework caches made since the process started (its own, found before it is killed). */
    private void noteCaches() throws IOException {
        Set<Path> now = caches();
        now.removeAll(cachesAtStart);
        newCaches.addAll(now);
    }

    private static boolean interrupted(Path run) throws IOException {
        return Files.readString(run.resolve("provenance.json")).contains("\"status\" : \"running\"");
    }

    private static void finishAndCompare(CajalRuntime cajal, Path run, Path baseline) throws Exception {
        if (interrupted(run)) {
            CajalRuntime.Outcome resumed = cajal.command("resume", run.toString());
            assertEquals(0, resumed.status(), resumed::toString);
        }
        assertTrue(Files.readString(run.resolve("provenance.json")).contains("\"status\" : \"finished\""), run.toString());
        for (String name : COMPARED) {
            assertEquals(Files.readString(baseline.resolve(name)), Files.readString(run.resolve(name)),
                    name + " of " + run + " as the uninterrupted run's");
        }
        assertEquals(List.of(), leftovers(run), "nothing left behind in " + run);
    }

    private static List<String> leftovers(Path run) throws IOException {
        try (Stream<Path> files = Files.walk(run)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".tmp") || n.equals("checkpoint.bin") || n.equals(".running")).toList();
        }
    }
}
