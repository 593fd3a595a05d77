package org.cajal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the Spark itests share: bin/cajal started as a user starts it (its own JVM, lib/spark/ on the class path),
 * and the trial-by-trial comparison of a Spark experiment folder with a local one.
 */
final class SparkTrials {

    private SparkTrials() {
    }

    /** A finished bin/cajal process: its exit status and everything it printed. */
    record Run(int status, String output) {
        @Override
        public String toString() {
            return "status " + status + "\n" + output;
        }
    }

    /** Starts bin/cajal with the arguments, its output going to {@code log}. */
    static Process start(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(CajalRuntime.distribution().resolve("bin").resolve("cajal").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("CAJAL_CDS", "off");
        return builder.start();
    }

    /** Runs bin/cajal to its end (at most {@code limit}) and returns what it printed. */
    static Run cajal(Path log, Duration limit, String... args) throws IOException, InterruptedException {
        Process process = start(log, args);
        try {
            if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("cajal " + String.join(" ", args) + " did not end within " + limit + ":\n"
                        + Files.readString(log));
            }
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        return new Run(process.exitValue(), Files.readString(log));
    }

    /** trials.jsonl's lines by trial number; fails when a trial is there twice. */
    static Map<Integer, JsonNode> trials(Path experiment) throws IOException {
        Map<Integer, JsonNode> byNumber = new TreeMap<>();
        for (JsonNode t : ExperimentsTest.trials(experiment)) {
            JsonNode before = byNumber.put(t.get("trial").asInt(), t);
            assertEquals(null, before, () -> "trial " + t.get("trial") + " is recorded twice in " + experiment);
        }
        return byNumber;
    }

    /**
     * The Spark experiment and the local one hold the same trials with the same parameters, seeds, statuses and
     * numbers, and each pair of run folders the same metrics.csv, evaluation.json and weights.json, byte for byte.
     */
    static void assertSameTrials(Path local, Path spark, int expected) throws IOException {
        Map<Integer, JsonNode> a = trials(local);
        Map<Integer, JsonNode> b = trials(spark);
        assertEquals(expected, a.size(), () -> "local trials: " + a.keySet());
        assertEquals(a.keySet(), b.keySet(), "the same trials on Spark as locally");
        for (int n : a.keySet()) {
            JsonNode x = a.get(n);
            JsonNode y = b.get(n);
            for (String field : List.of("params", "seed", "status", "objective", "metrics", "train", "validation")) {
                assertEquals(x.get(field), y.get(field), "trial " + n + ": " + field);
            }
            assertEquals("finished", y.get("status").asText(), () -> "trial " + n + ": " + y);
            Path runA = local.resolve(x.get("run").asText());
            Path runB = spark.resolve(y.get("run").asText());
            for (String file : List.of("pipeline.json", "metrics.csv", "evaluation.json", "weights.json",
                    "predictions.csv")) {
                assertEquals(Files.readString(runA.resolve(file)), Files.readString(runB.resolve(file)),
                        "trial " + n + ": " + file + " of " + runA + " and " + runB);
            }
            assertTrue(Files.isRegularFile(runB.resolve("model.zip")), "trial " + n + ": model.zip came back");
            assertTrue(!Files.exists(runB.resolve(".running")), "no lock file in a run folder that came back");
        }
        assertEquals(Files.readString(local.resolve("results.csv")).lines().count(),
                Files.readString(spark.resolve("results.csv")).lines().count(), "results.csv has every trial");
    }
}
