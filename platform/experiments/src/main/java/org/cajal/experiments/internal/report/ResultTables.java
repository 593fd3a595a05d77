package org.cajal.experiments.internal.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.cajal.experiments.MetricScale;
import org.cajal.experiments.internal.exec.RunOutcome;
import org.cajal.experiments.internal.store.ExperimentFiles;
import org.cajal.experiments.internal.store.FolderFiles;
import org.cajal.runfolder.CsvTable;
import org.cajal.runfolder.Json;

/**
 * The results tables of a report, each as shown (Markdown and LaTeX: {@link MetricFormat}) and as data (CSV,
 * full precision).
 */
final class ResultTables {

    /** A table as shown and as data. */
    record Tables(ResultTable shown, ResultTable data) {

        static Tables of(ResultTable data) {
            return new Tables(MetricFormat.shown(data), data);
        }
    }

    private ResultTables() {
    }

    /** A run: its evaluation numbers, or for k-fold their mean ± sd over the folds. */
    static Tables run(Path run, Map<String, Object> evaluation) {
        Map<String, Double> numbers = RunOutcome.metrics(evaluation);
        Map<String, Object> sd = FolderFiles.object(evaluation, "sd");
        String split = FolderFiles.string(evaluation, "split");
        List<List<String>> shown = new ArrayList<>();
        List<List<String>> raw = new ArrayList<>();
        if ("k-fold".equals(split)) {
            int k = FolderFiles.array(evaluation, "folds").size();
            String caption = "Evaluation of " + run.getFileName() + ": mean ± sd over " + k + " folds";
            for (Map.Entry<String, Double> e : numbers.entrySet()) {
                double s = FolderFiles.number(sd, e.getKey());
                shown.add(List.of(MetricFormat.label(e.getKey()), MetricFormat.value(e.getKey(), e.getValue())
                        + " ± " + MetricFormat.value(e.getKey(), s)));
                raw.add(List.of(e.getKey(), ResultTable.number(e.getValue()), ResultTable.number(s)));
            }
            return new Tables(new ResultTable(caption, List.of("metric", "mean ± sd"), shown),
                    new ResultTable(caption, List.of("metric", "mean", "sd"), raw));
        }
        String caption = "Evaluation of " + run.getFileName() + " on the " + (split == null ? "evaluation" : split)
                + " split" + (evaluation.get("examples") != null ? " (" + evaluation.get("examples")
                + " examples)" : "");
        for (Map.Entry<String, Double> e : numbers.entrySet()) {
            shown.add(List.of(MetricFormat.label(e.getKey()), MetricFormat.value(e.getKey(), e.getValue())));
            raw.add(List.of(e.getKey(), ResultTable.number(e.getValue())));
        }
        return new Tables(new ResultTable(caption, List.of("metric", "value"), shown),
                new ResultTable(caption, List.of("metric", "value"), raw));
    }

    /**
     * Repeats: per metric n, mean ± sd and the 95% interval in brackets (summary.json). An interval recorded
     * without its method (before intervals kept to the metric's range) is shown cut at the range.
     */
    static Tables repeats(Path folder) throws IOException {
        Map<String, Object> summary = Json.readObject(folder.resolve(org.cajal.api.run.ExperimentFiles.SUMMARY));
        List<List<String>> shown = new ArrayList<>();
        List<List<String>> raw = new ArrayList<>();
        Set<String> methods = new TreeSet<>();
        for (Map.Entry<String, Object> e : FolderFiles.object(summary, "metrics").entrySet()) {
            if (!(e.getValue() instanceof Map<?, ?> m)) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> s = (Map<String, Object>) m;
            String name = e.getKey();
            String method = FolderFiles.string(s, "method");
            methods.add(method == null ? "t (older summary: cut at the metric's range)" : method);
            double mean = FolderFiles.number(s, "mean");
            double sd = FolderFiles.number(s, "sd");
            double low = FolderFiles.number(s, "ciLow");
            double high = FolderFiles.number(s, "ciHigh");
            MetricScale scale = MetricScale.of(name);
            shown.add(List.of(MetricFormat.label(name), String.valueOf(s.get("n")), MetricFormat.value(name, mean)
                    + " ± " + MetricFormat.value(name, sd), MetricFormat.interval(name, scale.clamp(low),
                    scale.clamp(high))));
            raw.add(List.of(name, String.valueOf(s.get("n")), ResultTable.number(mean), ResultTable.number(sd),
                    ResultTable.number(low), ResultTable.number(high), method == null ? "t" : method));
        }
        int n = FolderFiles.array(summary, "seeds").size();
        String caption = "Mean ± sd over " + n + " runs (" + folder.getFileName() + "), with the 95% confidence "
                + "interval of the mean in brackets (" + String.join("; ", methods) + ")";
        return new Tables(new ResultTable(caption, List.of("metric", "n", "mean ± sd", "95% CI"), shown),
                new ResultTable(caption, List.of("metric", "n", "mean", "sd", "95% CI low", "95% CI high",
                        "interval method"), raw));
    }

    static ResultTable search(Path folder, Map<String, Object> json, List<Map<String, Object>> trials)
            throws IOException {
        boolean min = ExperimentFiles.minimise(json);
        Object objective = ExperimentFiles.setting(json, "objective");
        String caption = "Trials of " + folder.getFileName() + ", best first (objective "
                + (objective == null ? "" : objective + ", ") + (min ? "lower" : "higher") + " is better)";
        Path results = folder.resolve(org.cajal.api.run.ExperimentFiles.RESULTS);
        if (Files.isRegularFile(results)) {
            return ResultTable.of(caption, CsvTable.read(results));
        }
        Set<String> params = new LinkedHashSet<>();
        Set<String> metrics = new LinkedHashSet<>();
        trials.forEach(t -> params.addAll(FolderFiles.object(t, "params").keySet()));
        trials.forEach(t -> metrics.addAll(RunOutcome.metrics(FolderFiles.object(t, "metrics")).keySet()));
        List<Map<String, Object>> sorted = new ArrayList<>(trials);
        Comparator<Map<String, Object>> byObjective = Comparator.comparingDouble(t -> {
            double v = FolderFiles.number(t, "objective");
            return Double.isNaN(v) ? Double.POSITIVE_INFINITY : min ? v : -v;
        });
        sorted.sort(byObjective);
        List<String> header = new ArrayList<>(List.of("trial"));
        header.addAll(params);
        header.addAll(List.of("seed", "status", "objective"));
        header.addAll(metrics);
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, Object> t : sorted) {
            List<String> row = new ArrayList<>();
            row.add(String.valueOf(t.get("trial")));
            params.forEach(p -> row.add(String.valueOf(FolderFiles.object(t, "params").getOrDefault(p, ""))));
            row.add(String.valueOf(t.getOrDefault("seed", "")));
            row.add(String.valueOf(t.getOrDefault("status", "")));
            row.add(ResultTable.number(FolderFiles.number(t, "objective")));
            metrics.forEach(m -> row.add(ResultTable.number(FolderFiles.number(FolderFiles.object(t, "metrics"), m))));
            rows.add(row);
        }
        return new ResultTable(caption, header, rows);
    }

    static ResultTable sweep(Path folder, Map<String, Object> json) throws IOException {
        Object path = ExperimentFiles.setting(json, "path");
        return ResultTable.of("Capacity sweep " + folder.getFileName() + (path == null ? "" : " over " + path)
                + ": error per value", CsvTable.read(folder.resolve(org.cajal.api.run.ExperimentFiles.SWEEP)));
    }
}
