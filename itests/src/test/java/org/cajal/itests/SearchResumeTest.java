package org.cajal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A search killed (SIGKILL, as a crash or a closed laptop would) part-way and started again finishes the remaining
 * trials only: the finished trials keep their lines in trials.jsonl and their run folders, untouched; the trial
 * that was running when the process died is run again from scratch.
 */
@ExtendWith(CajalRuntime.class)
class SearchResumeTest {

    private static final int TRIALS = 6;

    @Test
    void aKilledSearchResumesWithoutRedoingFinishedTrials(CajalRuntime cajal) throws Exception {
        Path dir = cajal.newFolder("resume");
        Path pipeline = ExperimentsTest.write(dir, "xor-units.json", """
                {
                  "schema": 1, "name": "xor-units", "seed": 3,
                  "dataset": { "type": "xor", "params": { "samples": 200, "noise": 0.1 } },
                  "split": { "validation": 0.25, "test": 0.2 },
                  "model": { "layers": [ { "type": "dense", "params": { "units": 8, "activation": "tanh" } },
                                         { "type": "output", "params": { "activation": "softmax" } } ] },
                  "training": { "loss": "categorical-cross-entropy",
                                "optimizer": { "type": "adam", "params": { "learningRate": 0.05 } },
                                "epochs": 60, "batchSize": 8 },
                  "search": { "method": "grid", "parallel": 1,
                              "parameters": { "model.layers[0].params.units": { "choices": [2, 3, 4, 5, 6, 7] } } }
                }
                """);
        Path runs = dir.resolve("runs");
        Path cajalScript = CajalRuntime.distribution().resolve("bin").resolve("cajal");
        Process process = new ProcessBuilder(cajalScript.toString(), "search", pipeline.toString(), "--out",
                runs.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("first.log").toFile()).start();
        List<String> before;
        try {
            before = awaitTrials(runs, 2, Duration.ofMinutes(4), process, dir.resolve("first.log"));
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor();
        }
        Path experiment = ExperimentsTest.onlyChild(runs, "search-");
        before = Files.readAllLines(experiment.resolve("trials.jsonl")).stream().filter(l -> !l.isBlank()).toList();
        assertTrue(before.size() >= 2 && before.size() < TRIALS, "killed part-way: " + before);
        Map<String, String> finishedRuns = new TreeMap<>();
        for (String line : before) {
            JsonNode trial = ExperimentsTest.JSON.readTree(line);
            Path run = ExperimentsTest.evaluation(experiment, trial).getParent();
            finishedRuns.put(run.toString(), Files.readString(run.resolve("provenance.json")));
        }

        CajalRuntime.Outcome resumed = cajal.command("search", pipeline.toString(), "--out", runs.toString());
        assertEquals(0, resumed.status(), resumed::toString);
        assertTrue(resumed.out().toLowerCase().contains("resum"), resumed::toString);

        List<String> after = Files.readAllLines(experiment.resolve("trials.jsonl")).stream()
                .filter(l -> !l.isBlank()).toList();
        assertEquals(before, after.subList(0, before.size()), "finished trials' lines are kept as they were");
        List<Integer> numbers = after.stream().map(l -> {
            try {
                return ExperimentsTest.JSON.readTree(l).get("trial").asInt();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).sorted().toList();
        assertEquals(List.of(1, 2, 3, 4, 5, 6), numbers, "every trial exactly once: " + after);
        for (Map.Entry<String, String> run : finishedRuns.entrySet()) {
            assertEquals(run.getValue(), Files.readString(Path.of(run.getKey()).resolve("provenance.json")),
                    "a finished trial's run folder is not redone: " + run.getKey());
        }
        try (Stream<Path> folders = Files.list(experiment.resolve("runs"))) {
            List<Path> all = folders.filter(Files::isDirectory).toList();
            assertEquals(TRIALS, all.size(), "the interrupted trial's folder was replaced, not kept beside: "
                    + all.stream().map(Path::getFileName).map(Path::toString).collect(Collectors.joining(", ")));
        }
    }

    private static List<String> awaitTrials(Path runs, int count, Duration timeout, Process process, Path log)
            throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new AssertionError("cajal search ended (status " + process.exitValue() + ") before " + count
                        + " trials:\n" + Files.readString(log));
            }
            if (Files.isDirectory(runs)) {
                try (Stream<Path> children = Files.list(runs)) {
                    for (Path experiment : children.toList()) {
                        Path trials = experiment.resolve("trials.jsonl");
                        if (Files.exists(trials)) {
                            List<String> lines = Files.readAllLines(trials).stream().filter(l -> !l.isBlank())
                                    .toList();
                            if (lines.size() >= count) {
                                return lines;
                            }
                        }
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + count + " finished trials within " + timeout.toSeconds() + " s:\n"
                + Files.readString(log));
    }
}
