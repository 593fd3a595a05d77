package org.cajal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The research features of issue 7 in batch mode, with real training on small synthetic data: search (a grid whose
 * best setting is known), repeats and the corrected t-test, the capacity sweep, the run store, reproducibility
 * bundles and their rerun, report export, and diagnostics.
 */
@ExtendWith(CajalRuntime.class)
class ExperimentsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    /** XOR, 200 points: a tanh hidden layer with a working learning rate solves it; identity or 1e-6 cannot. */
    static final String XOR_SEARCH = """
            {
              "schema": 1, "name": "xor-grid", "seed": 7,
              "dataset": { "type": "xor", "params": { "samples": 200, "noise": 0.1 } },
              "split": { "validation": 0.25, "test": 0.2, "stratify": true },
              "model": { "layers": [ { "type": "dense", "params": { "units": 8, "activation": "tanh" } },
                                     { "type": "output", "params": { "activation": "softmax" } } ] },
              "training": { "loss": "categorical-cross-entropy",
                            "optimizer": { "type": "adam", "params": { "learningRate": 0.05 } },
                            "epochs": 40, "batchSize": 16 },
              "search": {
                "method": "grid", "trials": 10, "parallel": 2, "objective": "validation_loss",
                "parameters": {
                  "model.layers[0].params.activation": { "choices": ["identity", "tanh"] },
                  "training.optimizer.params.learningRate": { "choices": [0.000001, 0.05] }
                }
              }
            }
            """;

    static Path write(Path dir, String name, String text) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    static List<JsonNode> trials(Path experiment) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(experiment.resolve("trials.jsonl"))) {
            if (!line.isBlank()) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    static Path onlyChild(Path dir, String prefix) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            List<Path> found = children.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
            assertEquals(1, found.size(), () -> "one " + prefix + "* folder in " + dir + ": " + found);
            return found.get(0);
        }
    }

    @Test
    void aGridSearchFindsTheKnownBestSettingAndSavesItsPipeline(CajalRuntime cajal) throws Exception {
        Path dir = cajal.newFolder("search");
        Path pipeline = write(dir, "xor-grid.json", XOR_SEARCH);
        CajalRuntime.Outcome searched = cajal.command("search", pipeline.toString(), "--out", dir.resolve("runs")
                .toString());
        assertEquals(0, searched.status(), searched::toString);
        Path experiment = onlyChild(dir.resolve("runs"), "search-");
        List<JsonNode> trials = trials(experiment);
        assertEquals(4, trials.size(), trials::toString);
        JsonNode best = trials.stream().filter(t -> "finished".equals(t.get("status").asText()))
                .min((x, y) -> Double.compare(x.get("objective").asDouble(), y.get("objective").asDouble()))
                .orElseThrow();
        assertEquals("tanh", best.at("/params/model.layers[0].params.activation").asText(), best::toString);
        assertEquals(0.05, best.at("/params/training.optimizer.params.learningRate").asDouble(), 1e-12);

        JsonNode bestPipeline = JSON.readTree(experiment.resolve("best-pipeline.json").toFile());
        assertEquals("tanh", bestPipeline.at("/model/layers/0/params/activation").asText());
        assertTrue(bestPipeline.get("search") == null, "the best pipeline is a plain pipeline");
        List<String> results = Files.readAllLines(experiment.resolve("results.csv"));
        assertEquals(5, results.size(), results::toString);
        assertTrue(results.get(1).contains("tanh") && results.get(1).contains("0.05"),
                "results.csv is sorted best first: " + results);
        // the best pipeline runs as it is
        CajalRuntime.Outcome rerun = cajal.run(experiment.resolve("best-pipeline.json").toString(), "--out",
                dir.resolve("best").toString());
        assertEquals(0, rerun.status(), rerun::toString);
    }

    @Test
    void repeatsGiveMeanSdAndIntervalsAndTheTTestComparesTwoConfigurations(CajalRuntime cajal) throws Exception {
        Path dir = cajal.newFolder("repeats");
        String plain = XOR_SEARCH.substring(0, XOR_SEARCH.indexOf(",\n  \"search\"")) + "\n}\n";
        Path good = write(dir, "xor-tanh.json", plain);
        Path bad = write(dir, "xor-identity.json", plain.replace("\"tanh\"", "\"identity\"")
                .replace("xor-grid", "xor-identity"));
        Path runs = dir.resolve("runs");
        CajalRuntime.Outcome a = cajal.command("repeat", good.toString(), "--times", "3", "--out", runs.toString());
        assertEquals(0, a.status(), a::toString);
        CajalRuntime.Outcome b = cajal.command("repeat", bad.toString(), "--times", "3", "--out", runs.toString());
        assertEquals(0, b.status(), b::toString);
        Path repeatsA = onlyChild(runs, "repeats-xor-grid");
        Path repeatsB = onlyChild(runs, "repeats-xor-identity");

        // summary.json against the repeats' own evaluation.json files, computed here
        List<JsonNode> trials = trials(repeatsA);
        assertEquals(3, trials.size());
        double[] accuracies = new double[3];
        List<Long> seeds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path run = repeatsA.resolve(trials.get(i).get("run").asText());
            if (!run.isAbsolute() || !Files.isDirectory(run)) {
                run = repeatsA.resolve(Path.of(trials.get(i).get("run").asText()).getFileName().toString());
            }
            accuracies[i] = JSON.readTree(Files.readString(evaluation(repeatsA, trials.get(i)))).get("accuracy")
                    .asDouble();
            seeds.add(trials.get(i).get("seed").asLong());
        }
        assertEquals(3, seeds.stream().distinct().count(), "three different seeds: " + seeds);
        double mean = (accuracies[0] + accuracies[1] + accuracies[2]) / 3;
        double ss = 0;
        for (double x : accuracies) {
            ss += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(ss / 2);
        double half = 4.302652729911275 * sd / Math.sqrt(3); // scipy.stats.t.ppf(0.975, 2)
        JsonNode accuracy = JSON.readTree(repeatsA.resolve("summary.json").toFile()).at("/metrics/accuracy");
        assertEquals(mean, accuracy.get("mean").asDouble(), 1e-12, accuracy::toString);
        assertEquals(sd, accuracy.get("sd").asDouble(), 1e-12);
        assertEquals(mean - half, accuracy.get("ciLow").asDouble(), 1e-9);
        assertEquals(mean + half, accuracy.get("ciHigh").asDouble(), 1e-9);
        assertTrue(a.out().contains("±"), a::toString);
        List<String> curves = Files.readAllLines(repeatsA.resolve("curves.csv"));
        assertTrue(curves.get(0).startsWith("epoch,") && curves.get(0).contains("validation_loss_mean")
                && curves.get(0).contains("validation_loss_low"), curves.get(0));
        assertEquals(41, curves.size(), "a header and one row per epoch");

        CajalRuntime.Outcome compared = cajal.command("compare", repeatsA.toString(), repeatsB.toString(),
                "--metric", "accuracy");
        assertEquals(0, compared.status(), compared::toString);
        assertTrue(compared.out().contains("A is better than B") || compared.out().contains("No evidence"),
                compared::toString);
        assertTrue(compared.out().contains("little power"), "3 pairs: " + compared);
    }

    static Path evaluation(Path experiment, JsonNode trial) {
        Path run = Path.of(trial.get("run").asText());
        return (run.isAbsolute() ? run : experiment.resolve(run)).resolve("evaluation.json");
    }

    @Test
    void aReproducibilityBundleRerunsToIdenticalMetrics(CajalRuntime cajal) throws Exception {
        Path dir = cajal.newFolder("bundle");
        String plain = XOR_SEARCH.substring(0, XOR_SEARCH.indexOf(",\n  \"search\"")) + "\n}\n";
        Path pipeline = write(dir, "xor.json", plain);
        CajalRuntime.Outcome trained = cajal.run(pipeline.toString(), "--out", dir.resolve("runs").toString());
        assertEquals(0, trained.status(), trained::toString);
        Path run = CajalRuntime.runFolder(trained);
        JsonNode provenance = JSON.readTree(run.resolve("provenance.json").toFile());
        assertTrue(provenance.at("/data/sha256").asText().matches("[0-9a-f]{64}"), provenance::toString);

        Path zip = dir.resolve("xor-bundle.zip");
        CajalRuntime.Outcome bundled = cajal.command("bundle", run.toString(), "--out", zip.toString());
        assertEquals(0, bundled.status(), bundled::toString);
        assertTrue(Files.size(zip) > 0);
        CajalRuntime.Outcome rerun = cajal.command("rerun", zip.toString(), "--out", dir.resolve("rerun")
                .toString());
        assertEquals(0, rerun.status(), rerun::toString);
        assertTrue(rerun.out().toLowerCase().contains("identical"), rerun::toString);
        Path again = onlyChildRun(dir.resolve("rerun"));
        assertEquals(Files.readString(run.resolve("metrics.csv")), Files.readString(again.resolve("metrics.csv")));
        Map<String, Object> first = numbers(run.resolve("evaluation.json"));
        assertEquals(first, numbers(again.resolve("evaluation.json")));
        assertTrue(!first.isEmpty());
    }

    static Path onlyChildRun(Path dir) throws IOException {
        try (Stream<Path> found = Files.walk(dir)) {
            List<Path> runs = found.filter(p -> p.getFileName().toString().equals("provenance.json"))
                    .map(Path::getParent).toList();
            assertEquals(1, runs.size(), runs::toString);
            return runs.get(0);
        }
    }

    static Map<String, Object> numbers(Path evaluation) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        JSON.readTree(evaluation.toFile()).fields().forEachRemaining(e -> {
            if (e.getValue().isNumber()) {
                out.put(e.getKey(), e.getValue().asDouble());
            }
        });
        return out;
    }

    @Test
    void aReportHasTheMethodsParagraphTablesAndCharts(CajalRuntime cajal) throws Exception {
        Path dir = cajal.newFolder("report");
        String plain = XOR_SEARCH.substring(0, XOR_SEARCH.indexOf(",\n  \"search\"")) + "\n}\n";
        CajalRuntime.Outcome trained = cajal.run(write(dir, "xor.json", plain).toString(), "--out",
                dir.resolve("runs").toString());
        Path run = CajalRuntime.runFolder(trained);
        Path out = dir.resolve("report");
        CajalRuntime.Outcome reported = cajal.command("report", run.toString(), "--out", out.toString());
        assertEquals(0, reported.status(), reported::toString);
        String methods = Files.readString(out.resolve("methods.md"));
        for (String fact : List.of("xor", "Adam", "40 epochs", "seed")) {
            assertTrue(methods.toLowerCase().contains(fact.toLowerCase()), fact + " in: " + methods);
        }
        for (String file : List.of("results.md", "results.tex", "results.csv")) {
            assertTrue(Files.size(out.resolve(file)) > 0, file);
        }
        try (Stream<Path> files = Files.list(out)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.stream().anyMatch(n -> n.endsWith(".svg")), names::toString);
            assertTrue(names.stream().anyMatch(n -> n.endsWith(".png")), names::toString);
        }
    }

    @Test
    void theRunStoreListsTagsFiltersAndDeletes(CajalRuntime cajal) throws Exception {
        Path dir = cajal.newFolder("store");
        String plain = XOR_SEARCH.substring(0, XOR_SEARCH.indexOf(",\n  \"search\"")) + "\n}\n";
        Path pipeline = write(dir, "xor.json", plain.replace("\"epochs\": 40", "\"epochs\": 5"));
        Path runs = dir.resolve("runs");
        Path first = CajalRuntime.runFolder(cajal.run(pipeline.toString(), "--out", runs.toString()));
        Path second = CajalRuntime.runFolder(cajal.run(pipeline.toString(), "--out", runs.toString(), "--seed",
                "8"));
        assertNotEquals(first, second);
        CajalRuntime.Outcome tagged = cajal.command("runs", "tag", first.toString(), "baseline");
        assertEquals(0, tagged.status(), tagged::toString);
        CajalRuntime.Outcome listed = cajal.command("runs", "list", "--dir", runs.toString(), "--tag", "baseline");
        assertEquals(0, listed.status(), listed::toString);
        assertTrue(listed.out().contains(first.getFileName().toString()), listed::toString);
        assertTrue(!listed.out().contains(second.getFileName().toString()), listed::toString);

        Path chart = dir.resolve("overlay.svg");
        CajalRuntime.Outcome compared = cajal.command("runs", "compare", first.toString(), second.toString(),
                "--plot", chart.toString(), "--metric", "validation_loss");
        assertEquals(0, compared.status(), compared::toString);
        assertTrue(Files.readString(chart).contains("<svg"), "an SVG chart");

        CajalRuntime.Outcome refused = cajal.command("runs", "delete", second.toString());
        assertEquals(2, refused.status(), "without --yes nothing is deleted: " + refused);
        assertTrue(Files.isDirectory(second));
        CajalRuntime.Outcome deleted = cajal.command("runs", "delete", second.toString(), "--yes");
        assertEquals(0, deleted.status(), deleted::toString);
        assertTrue(Files.notExists(second));
        CajalRuntime.Outcome notARun = cajal.command("runs", "delete", dir.toString(), "--yes");
        assertEquals(1, notARun.status(), "a folder that is not a run is never deleted: " + notARun);
        assertTrue(Files.exists(pipeline));
    }

    @Test
    void aCapacitySweepWritesTrainingAndValidationErrorPerWidth(CajalRuntime cajal) throws Exception {
        Path dir = cajal.newFolder("sweep");
        String plain = XOR_SEARCH.substring(0, XOR_SEARCH.indexOf(",\n  \"search\"")) + "\n}\n";
        Path pipeline = write(dir, "xor.json", plain.replace("\"epochs\": 40", "\"epochs\": 20"));
        CajalRuntime.Outcome swept = cajal.command("sweep", pipeline.toString(), "--param",
                "model.layers[0].params.units", "--values", "1,4,16", "--out", dir.resolve("runs").toString());
        assertEquals(0, swept.status(), swept::toString);
        Path experiment = onlyChild(dir.resolve("runs"), "sweep-");
        List<String> rows = Files.readAllLines(experiment.resolve("sweep.csv"));
        assertEquals(4, rows.size(), rows::toString);
        assertTrue(rows.get(0).startsWith("value,train_error,validation_error"), rows.get(0));
        assertTrue(Files.exists(experiment.resolve("sweep.svg")) && Files.exists(experiment.resolve("sweep.png")));
    }

    /** 1-D linear regression by full-batch gradient descent with a learning rate far too high: it diverges. */
    static final String DIVERGING = """
            {
              "schema": 1, "name": "linreg-diverges", "seed": 42,
              "dataset": { "type": "regression-1d", "params": { "samples": 200, "function": "linear", "slope": 2.0,
                           "intercept": 1.0, "noise": 0.1, "xMin": -3.0, "xMax": 3.0 } },
              "split": { "validation": 0.2, "test": 0.2 },
              "model": { "layers": [ { "type": "output", "params": { "activation": "identity" } } ] },
              "training": { "loss": "mse", "optimizer": { "type": "gd", "params": { "learningRate": 5.0 } },
                            "epochs": 300 }
            }
            """;

    @Test
    void aDivergingRunSaysSoInPlainLanguageAndKeepsItsFolder(CajalRuntime cajal) throws Exception {
        Path dir = cajal.newFolder("diverge");
        Path pipeline = write(dir, "linreg-diverges.json", DIVERGING);
        CajalRuntime.Outcome trained = cajal.run(pipeline.toString(), "--out", dir.resolve("runs").toString());
        String all = trained.out() + trained.err();
        assertEquals(0, trained.status(), "a diverged run still ends with its folder written: " + trained);
        assertTrue(all.contains("note: ") && all.contains("learning rate"), all);
        Path run = onlyChildRun(dir.resolve("runs"));
        JsonNode diagnostics = JSON.readTree(run.resolve("diagnostics.json").toFile());
        assertTrue(diagnostics.size() >= 1, diagnostics::toString);
        String kind = diagnostics.get(0).get("kind").asText();
        assertTrue(kind.equals("nan-loss") || kind.equals("exploding-loss"), diagnostics::toString);
        assertEquals("diverged", JSON.readTree(run.resolve("provenance.json").toFile()).get("status").asText());
        assertTrue(Files.exists(run.resolve("evaluation.json")), "the evaluation of the model before it diverged");
    }
}
