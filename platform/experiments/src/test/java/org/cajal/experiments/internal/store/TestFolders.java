package org.cajal.experiments.internal.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cajal.api.run.MetricsTable;
import org.cajal.api.run.RunStatus;
import org.cajal.testfixtures.RunFolderBuilder;
import org.cajal.testfixtures.TestPipelines;

/**
 * Run and experiment folders for tests: copies of two real run folders (hold-out and 3-fold xor, from
 * src/test/resources/sample-runs), and small generated ones in the formats the runtime and the experiments write.
 */
public final class TestFolders {

    public static final String HOLDOUT = "20261123-054210-xor";
    public static final String KFOLD = "20261123-054218-xor";

    private TestFolders() {
    }

    /** Copies a sample run folder from the test resources into {@code dir}. */
    public static Path sample(String name, Path dir) throws IOException {
        Path target = dir.resolve(name);
        for (String file : List.of("pipeline.json", "provenance.json", "metrics.csv", "evaluation.json",
                "schema.json", "fold-1/evaluation.json", "fold-1/metrics.csv", "fold-2/evaluation.json",
                "fold-2/metrics.csv", "fold-3/evaluation.json", "fold-3/metrics.csv")) {
            try (InputStream in = TestFolders.class.getResourceAsStream("/sample-runs/" + name + "/" + file)) {
                if (in != null) {
                    Files.createDirectories(target.resolve(file).getParent());
                    Files.copy(in, target.resolve(file));
                }
            }
        }
        return target;
    }

    /** A pipeline's text: xor-like, with the given name, Adam at learning rate 0.05 and an L2 penalty. */
    public static String pipeline(String name, long seed) {
        return TestPipelines.xor(name, seed);
    }

    /**
     * A generated run folder: pipeline.json, provenance.json, metrics.csv (3 epochs), evaluation.json and a tiny
     * model.zip.
     */
    public static Path run(Path dir, String id, String pipelineName, long seed, String status, Instant start,
                           Map<String, Double> evaluation) throws IOException {
        List<double[]> rows = new ArrayList<>();
        for (int e = 1; e <= 3; e++) {
            rows.add(new double[] {e, 1.0 / (e + seed % 7), 1.2 / (e + seed % 5), 0.5 + 0.1 * e});
        }
        Map<String, Object> eval = new LinkedHashMap<>(evaluation);
        eval.put("split", "test");
        eval.put("examples", 40);
        return RunFolderBuilder.at(dir.resolve(id)).pipeline(pipeline(pipelineName, seed))
                .provenance(pipelineName, seed, RunStatus.of(status).orElseThrow(), start)
                .metrics(new MetricsTable(List.of("epoch", "train_loss", "validation_loss", "validation_accuracy"),
                        rows))
                .evaluation(eval).file("model.zip", new byte[] {1, 2, 3}).write();
    }

    /**
     * An experiment folder of the given kind with {@code n} finished trials (seeds 1..n) and its summary file:
     * repeats: summary.json and curves.csv; search: results.csv (best first, objective validation_loss, min);
     * sweep: sweep.csv over units 2, 4, 8.
     */
    public static Path experiment(Path dir, String kind, int n, Instant created) throws IOException {
        Path folder = dir.resolve(kind + "-xor-0123abcd");
        Files.createDirectories(folder.resolve("runs"));
        Map<String, Object> settings = new LinkedHashMap<>();
        switch (kind) {
            case "repeats" -> {
                settings.put("times", n);
                settings.put("firstSeed", 1);
            }
            case "search" -> settings.put("search", Map.of("method", "random", "trials", n,
                    "objective", "validation_loss", "goal", "min",
                    "parameters", Map.of("training.optimizer.params.learningRate", Map.of("logUniform",
                            List.of(0.001, 0.1)))));
            default -> {
                settings.put("path", "model.layers[0].params.units");
                settings.put("values", List.of(2, 4, 8).subList(0, n));
                settings.put("repeats", 1);
            }
        }
        Map<String, Object> experiment = new LinkedHashMap<>();
        experiment.put("kind", kind);
        experiment.put("pipeline", org.cajal.runfolder.Json.parseObject(pipeline("xor", 42)));
        experiment.put("source", "/tmp/xor.json");
        experiment.put("settings", settings);
        experiment.put("created", created.toString());
        org.cajal.runfolder.Json.write(folder.resolve("experiment.json"), experiment);
        StringBuilder lines = new StringBuilder();
        List<Double> objectives = new ArrayList<>();
        for (int t = 1; t <= n; t++) {
            String id = "2026010" + t + "-000000-xor";
            double accuracy = 0.8 + 0.05 * t;
            run(folder.resolve("runs"), id, "xor", t, "finished", created.plusSeconds(t), Map.of("accuracy", accuracy));
            double objective = 0.5 - 0.1 * t + (t == 2 ? 0.3 : 0);
            objectives.add(objective);
            Map<String, Object> trial = new LinkedHashMap<>();
            trial.put("trial", t);
            trial.put("params", "sweep".equals(kind) ? Map.of("model.layers[0].params.units", 1 << t)
                    : Map.of("training.optimizer.params.learningRate", 0.01 * t));
            trial.put("seed", t);
            trial.put("run", "runs/" + id);
            trial.put("status", "finished");
            trial.put("objective", objective);
            trial.put("metrics", Map.of("accuracy", accuracy));
            trial.put("train", Map.of("loss", 0.1));
            trial.put("validation", Map.of("loss", objective));
            lines.append(org.cajal.runfolder.Json.PRETTY.writer().without(
                    com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(trial))
                    .append('\n');
        }
        Files.writeString(folder.resolve("trials.jsonl"), lines.toString(), StandardCharsets.UTF_8);
        switch (kind) {
            case "repeats" -> {
                Files.writeString(folder.resolve("summary.json"), """
                        {"metrics": {"accuracy": {"n": 3, "mean": 0.9, "sd": 0.05, "ciLow": 0.775794, "ciHigh": 1.024206}},
                         "seeds": [1, 2, 3], "folds": 1}
                        """);
                Files.writeString(folder.resolve("curves.csv"), """
                        epoch,train_loss_mean,train_loss_low,train_loss_high,train_loss_n,validation_loss_mean,validation_loss_low,validation_loss_high,validation_loss_n
                        1,0.7,0.6,0.8,3,0.75,0.65,0.85,3
                        2,0.5,0.45,0.55,3,0.55,0.5,0.6,3
                        3,0.3,0.25,0.35,3,0.4,0.3,0.5,3
                        """);
            }
            case "search" -> {
                StringBuilder csv = new StringBuilder("trial,training.optimizer.params.learningRate,seed,status,objective,accuracy\n");
                List<Integer> order = new ArrayList<>();
                for (int t = 1; t <= n; t++) {
                    order.add(t);
                }
                order.sort((a, b) -> Double.compare(objectives.get(a - 1), objectives.get(b - 1)));
                for (int t : order) {
                    csv.append(t).append(',').append(0.01 * t).append(',').append(t).append(",finished,")
                            .append(objectives.get(t - 1)).append(',').append(0.8 + 0.05 * t).append('\n');
                }
                Files.writeString(folder.resolve("results.csv"), csv.toString());
            }
            default -> Files.writeString(folder.resolve("sweep.csv"), """
                    value,train_error,validation_error,test_error,accuracy
                    2,0.30,0.32,0.33,0.67
                    4,0.10,0.15,0.16,0.84
                    8,0.02,0.12,0.13,0.87
                    """.lines().limit(n + 1).reduce("", (a, b) -> a + b + "\n"));
        }
        return folder;
    }
}
