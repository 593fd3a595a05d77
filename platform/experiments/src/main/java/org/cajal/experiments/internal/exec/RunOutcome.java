package org.cajal.experiments.internal.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an experiment takes from a finished run folder: the last epoch of {@code metrics.csv} and the numbers of
 * {@code evaluation.json} (top-level numbers only: with a k-fold split these are the means over the folds).
 *
 * @param metrics evaluation.json's top-level numbers, in file order ({@code examples} excluded)
 * @param split evaluation.json's {@code split} ({@code test}, {@code validation}, {@code k-fold}, ...), or null
 */
public record RunOutcome(MetricsTable table, Map<String, Double> metrics, String split) {

    /** Reads a run folder's metrics.csv and evaluation.json (either may be missing). */
    public static RunOutcome read(Path runFolder) throws IOException {
        MetricsTable table = MetricsTable.read(runFolder.resolve("metrics.csv"));
        Map<String, Double> metrics = new LinkedHashMap<>();
        String split = null;
        Path evaluation = runFolder.resolve("evaluation.json");
        if (Files.isRegularFile(evaluation)) {
            JsonNode node = JsonFiles.readJson(evaluation);
            metrics.putAll(numbers(node));
            split = node.path("split").isTextual() ? node.get("split").asText() : null;
        }
        return new RunOutcome(table, metrics, split);
    }

    /** The top-level numbers of an evaluation object (without {@code examples}, the count of examples). */
    public static Map<String, Double> numbers(JsonNode evaluation) {
        Map<String, Double> out = new LinkedHashMap<>();
        evaluation.fields().forEachRemaining(e -> {
            if (e.getValue().isNumber() && !e.getKey().equals("examples") && !e.getKey().equals("bestFold")) {
                out.put(e.getKey(), e.getValue().asDouble());
            }
        });
        return out;
    }

    /** Last epoch's {@code train_*} values, prefix removed. */
    public Map<String, Double> train() {
        return table.lastWithPrefix("train_");
    }

    /** Last epoch's {@code validation_*} values, prefix removed. */
    public Map<String, Double> validation() {
        return table.lastWithPrefix("validation_");
    }

    /**
     * The objective: a metrics.csv column at the last epoch when one has this name, else an evaluation.json
     * number; NaN when neither has it (see {@link #describeObjectiveSources}).
     */
    public double objective(String name) {
        if (name == null) {
            return Double.NaN;
        }
        if (table.columns().containsKey(name)) {
            return table.last(name);
        }
        Double v = metrics.get(name);
        return v == null ? Double.NaN : v;
    }

    /** Whether the objective exists in this run's files. */
    public boolean hasObjective(String name) {
        return name != null && (table.columns().containsKey(name) || metrics.containsKey(name));
    }

    /** The names an objective may take in this run, for error messages. */
    public String describeObjectiveSources() {
        return "metrics.csv columns " + table.columns().keySet() + ", evaluation.json numbers " + metrics.keySet();
    }
}
