package org.cajal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A search on a real Spark standalone cluster on this machine (a Master and two one-core Workers from the
 * distribution's Spark jars, 127.0.0.1 only): the executors boot Cajal from the distribution and run the trials,
 * reading the CSV data file from the copy Spark shipped them;
 * one executor is killed (SIGKILL) while it trains a trial, Spark runs that trial again, and every trial is recorded
 * once, with the numbers of the same search run locally.
 */
@ExtendWith(CajalRuntime.class)
class SparkClusterTest {

    private static final int TRIALS = 4;

    @Test
    void aSearchOnAStandaloneClusterSurvivesALostExecutorAndMatchesTheLocalRun(CajalRuntime cajal) throws Exception {
        Path dir = cajal.newFolder("spark-cluster");
        // a data file: shipped to the executors with the job, read there from Spark's copy
        Files.copy(CajalRuntime.distribution().resolve("examples").resolve("house-prices.csv"), dir.resolve("houses.csv"));
        Path pipeline = ExperimentsTest.write(dir, "houses-cluster.json", """
                {
                  "schema": 1, "name": "houses-cluster", "seed": 5,
                  "dataset": { "type": "csv", "params": { "file": "houses.csv", "target": "price", "task": "regression" } },
                  "split": { "validation": 0.2, "test": 0.2 },
                  "model": { "layers": [ { "type": "dense", "params": { "units": 2, "activation": "sigmoid" } },
                                         { "type": "output", "params": { "activation": "identity" } } ] },
                  "training": { "loss": "mse", "optimizer": { "type": "adam", "params": { "learningRate": 0.05 } },
                                "epochs": 250, "batchSize": 8 },
                  "search": { "method": "grid", "objective": "validation_loss",
                              "parameters": { "model.layers[0].params.units": { "choices": [2, 3, 4, 5] } } }
                }
                """);
        Path tmp = Files.createDirectories(dir.resolve("executor-tmp"));
        Path sparkRuns = dir.resolve("spark");
        try (SparkCluster cluster = SparkCluster.start(dir, 2)) {
            Path log = dir.resolve("driver.log");
            Process driver = SparkTrials.start(log, "search", pipeline.toString(), "--spark", cluster.master(),
                    "--spark-conf", "spark.driver.host=127.0.0.1", "--spark-conf", "spark.driver.bindAddress=127.0.0.1",
                    "--spark-conf", "spark.executor.memory=1g", "--spark-conf", "spark.ui.enabled=false",
                    "--spark-conf", "spark.executor.extraJavaOptions=-Djava.io.tmpdir=" + tmp,
                    "--out", sparkRuns.toString());
            try {
                awaitTraining(tmp, driver, log, Duration.ofMinutes(3));
                List<ProcessHandle> executors = cluster.executors(1);
                assertFalse(executors.isEmpty(), "worker 1 runs an executor");
                executors.forEach(ProcessHandle::destroyForcibly);
                assertTrue(driver.waitFor(4, TimeUnit.MINUTES), () -> "the search ended: " + read(log));
            } finally {
                driver.descendants().forEach(ProcessHandle::destroyForcibly);
                driver.destroyForcibly();
            }
            String out = read(log);
            assertEquals(0, driver.exitValue(), out);
            assertTrue(out.contains("Spark lost executor") || out.contains("did not end on executor"), out);
            assertTrue(out.contains("try 2 on executor"), "the killed executor's trial ran again: " + out);
        }
        CajalRuntime.Outcome local = cajal.command("search", pipeline.toString(), "--out", dir.resolve("local").toString());
        assertEquals(0, local.status(), local::toString);
        Path spark = ExperimentsTest.onlyChild(sparkRuns, "search-");
        SparkTrials.assertSameTrials(ExperimentsTest.onlyChild(dir.resolve("local"), "search-"), spark, TRIALS);
        for (var trial : SparkTrials.trials(spark).values()) {
            var files = ExperimentsTest.JSON.readTree(spark.resolve(trial.get("run").asText())
                    .resolve("provenance.json").toFile()).path("data").path("files");
            assertEquals(dir.resolve("houses.csv").toAbsolutePath().normalize().toString(),
                    files.path(0).path("path").asText(), "provenance names this computer's file: " + files);
        }
    }

    /** Waits until both executors train a trial: two trial folders with a metrics.csv in the executors' temp folder. */
    private static void awaitTraining(Path tmp, Process driver, Path log, Duration limit) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (!driver.isAlive()) {
                throw new AssertionError("the search ended before an executor could be killed: " + read(log));
            }
            try (Stream<Path> files = Files.walk(tmp)) {
                long training = files.filter(p -> p.getFileName().toString().equals("metrics.csv")).count();
                if (training >= 2) {
                    return;
                }
            } catch (java.io.UncheckedIOException | java.io.IOException e) {
                // a trial folder was deleted while listed: look again
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no two executors trained at once within " + limit + ": " + read(log));
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (java.io.IOException e) {
            return "(" + log + " could not be read: " + e.getMessage() + ")";
        }
    }
}
