package org.cajal.experiments.internal.exec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cajal.api.run.Evaluation;
import org.cajal.api.run.MetricsTable;
import org.cajal.runfolder.RunFolders;

/**
 * What an experiment takes from a finished run folder: the last epoch of {@code metrics.csv} and the metrics of
 * {@code evaluation.json} (top-level numbers only: with a k-fold split these are the means over the folds).
 *
 * @param table metrics.csv
 * @param metrics evaluation.json's metrics ({@link #metrics(Map)}), in file order
 * @param split evaluation.json's {@code split} ({@code test}, {@code validation}, {@code k-fold}, ...), or null
 */
public record RunOutcome(MetricsTable table, Map<String, Double> metrics, String split) {

    /** Reads a run folder's metrics.csv and evaluation.json (either may be missing). */
    public static RunOutcome read(Path runFolder) throws IOException {
        Evaluation evaluation = RunFolders.evaluation(runFolder);
        return new RunOutcome(RunFolders.metrics(runFolder), metrics(evaluation.values()),
                evaluation.split().orElse(null));
    }

    /**
     * The metrics of an evaluation object: its top-level numbers without {@code examples} (the count of examples)
     * and {@code bestFold}.
     */
    public static Map<String, Double> metrics(Map<String, ?> evaluation) {
        Map<String, Double> out = new LinkedHashMap<>();
        evaluation.forEach((k, v) -> {
            if (v instanceof Number n && !k.equals("examples") && !k.equals("bestFold")) {
                out.put(k, n.doubleValue());
            }
        });
        return out;
    }

    /** The metrics of each fold of a k-fold run's evaluation ({@code folds}), in fold order; empty for hold-out. */
    public static List<Map<String, Double>> foldMetrics(Evaluation evaluation) {
        List<Map<String, Double>> out = new ArrayList<>();
        if (evaluation.values().get("folds") instanceof List<?> folds) {
            for (Object fold : folds) {
                out.add(fold instanceof Map<?, ?> m ? metrics(stringKeys(m)) : Map.of());
            }
        }
        return out;
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    /** Last epoch's {@code train_*} values, prefix removed. */
    public Map<String, Double> train() {
        return lastWithPrefix("train_");
    }

    /** Last epoch's {@code validation_*} values, prefix removed. */
    public Map<String, Double> validation() {
        return lastWithPrefix("validation_");
    }

    private Map<String, Double> lastWithPrefix(String prefix) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String column : columns()) {
            double v = last(column);
            if (column.startsWith(prefix) && Double.isFinite(v)) {
                out.put(column.substring(prefix.length()), v);
            }
        }
        return out;
    }

    /** A metrics.csv column's value at the last epoch; NaN when absent or empty. */
    public double last(String column) {
        return table.last(column).orElse(Double.NaN);
    }

    /** metrics.csv's columns but {@code epoch}. */
    private List<String> columns() {
        return table.columns().stream().filter(c -> !c.equals("epoch")).toList();
    }

    /**
     * The objective: a metrics.csv column at the last epoch when one has this name, else an evaluation.json
     * number; NaN when neither has it (see {@link #describeObjectiveSources}).
     */
    public double objective(String name) {
        if (name == null) {
            return Double.NaN;
        }
        if (columns().contains(name)) {
            return last(name);
        }
        Double v = metrics.get(name);
        return v == null ? Double.NaN : v;
    }

    /** Whether the objective exists in this run's files. */
    public boolean hasObjective(String name) {
        return name != null && (columns().contains(name) || metrics.containsKey(name));
    }

    /** The names an objective may take in this run, for error messages. */
    public String describeObjectiveSources() {
        return "metrics.csv columns " + columns() + ", evaluation.json numbers " + metrics.keySet();
    }
}
