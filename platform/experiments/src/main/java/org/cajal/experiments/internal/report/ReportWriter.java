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

import org.cajal.api.visual.Drawing;
import org.cajal.charts.ChartDrawings;
import org.cajal.api.run.RunFiles;
import org.cajal.experiments.internal.exec.RunOutcome;
import org.cajal.runfolder.CsvTable;
import org.cajal.experiments.internal.store.ExperimentFiles;
import org.cajal.experiments.internal.store.FolderFiles;
import org.cajal.runfolder.AtomicFiles;
import org.cajal.runfolder.Json;
import org.cajal.runfolder.RunFolders;
import org.jfree.chart.JFreeChart;

/**
 * Writes a report for a run or experiment: methods.md, results.md, results.tex, results.csv and the charts
 * (loss-curves for a run, curves for repeats, objective for a search, sweep for a sweep) as SVG and PNG.
 */
public final class ReportWriter {

    static final int WIDTH = 800;
    static final int HEIGHT = 500;

    private ReportWriter() {
    }

    /** Writes the report; returns the files written. */
    public static List<Path> write(Path folder, Path out) throws IOException {
        Path f = folder.toAbsolutePath().normalize();
        List<Path> written = new ArrayList<>();
        Files.createDirectories(out);
        if (RunFolders.isExperiment(f)) {
            experiment(f, out, written);
        } else if (RunFolders.isRun(f)) {
            run(f, out, written);
        } else {
            throw new IOException(f + " is neither a run folder (no provenance.json) nor an experiment folder (no "
                    + org.cajal.api.run.ExperimentFiles.EXPERIMENT + ")");
        }
        return written;
    }

    private static void run(Path run, Path out, List<Path> written) throws IOException {
        MethodsText.Inputs in = inputs(run, Json.readObject(run.resolve(RunFiles.PIPELINE)));
        text(out.resolve("methods.md"), "# Methods\n\n" + MethodsText.paragraph(in, true) + "\n", written);
        Map<String, Object> evaluation = Json.readObject(run.resolve(RunFiles.EVALUATION));
        Map<String, Double> numbers = RunOutcome.metrics(evaluation);
        Map<String, Object> sd = FolderFiles.object(evaluation, "sd");
        String split = FolderFiles.string(evaluation, "split");
        ResultTable display;
        ResultTable data;
        if ("k-fold".equals(split)) {
            int k = FolderFiles.array(evaluation, "folds").size();
            String caption = "Evaluation of " + run.getFileName() + ": mean ± sd over " + k + " folds";
            List<List<String>> shown = new ArrayList<>();
            List<List<String>> raw = new ArrayList<>();
            for (Map.Entry<String, Double> e : numbers.entrySet()) {
                double s = FolderFiles.number(sd, e.getKey());
                shown.add(List.of(e.getKey(), FolderFiles.format(e.getValue()) + " ± " + FolderFiles.format(s)));
                raw.add(List.of(e.getKey(), ResultTable.number(e.getValue()), ResultTable.number(s)));
            }
            display = new ResultTable(caption, List.of("metric", "mean ± sd"), shown);
            data = new ResultTable(caption, List.of("metric", "mean", "sd"), raw);
        } else {
            String caption = "Evaluation of " + run.getFileName() + " on the " + (split == null ? "evaluation" : split)
                    + " split" + (evaluation.get("examples") != null ? " (" + evaluation.get("examples")
                    + " examples)" : "");
            List<List<String>> rows = new ArrayList<>();
            numbers.forEach((k, v) -> rows.add(List.of(k, ResultTable.number(v))));
            display = new ResultTable(caption, List.of("metric", "value"), rows);
            data = display;
        }
        tables(display, data, out, written);
        chart(ReportCharts.lossCurves(run), out, "loss-curves", written);
    }

    private static void experiment(Path folder, Path out, List<Path> written) throws IOException {
        Map<String, Object> json = ExperimentFiles.experiment(folder);
        String kind = ExperimentFiles.kind(json);
        List<Path> runs = ExperimentFiles.runFolders(folder);
        Map<String, Object> pipeline = FolderFiles.object(json, "pipeline");
        if (pipeline.isEmpty() && !runs.isEmpty()) {
            pipeline = Json.readObject(runs.get(0).resolve(RunFiles.PIPELINE));
        }
        MethodsText.Inputs in = runs.isEmpty() ? new MethodsText.Inputs(pipeline, Map.of(), Map.of())
                : inputs(runs.get(0), pipeline);
        List<Map<String, Object>> trials = ExperimentFiles.trials(folder);
        String design = switch (kind) {
            case "repeats" -> ExperimentText.repeats(folder, trials);
            case "search" -> ExperimentText.search(json, pipeline, trials);
            case "sweep" -> ExperimentText.sweep(json, trials);
            default -> "";
        };
        String methods = MethodsText.paragraph(in, false) + (design.isEmpty() ? "" : " " + design);
        if (!"repeats".equals(kind)) {
            methods += " " + ExperimentText.seeds(trials);
        }
        text(out.resolve("methods.md"), "# Methods\n\n" + methods.strip() + "\n", written);
        ResultTable table = switch (kind) {
            case "repeats" -> repeatsTable(folder);
            case "search" -> searchTable(folder, json, trials);
            case "sweep" -> sweepTable(folder, json);
            default -> throw new IOException(folder.resolve(org.cajal.api.run.ExperimentFiles.EXPERIMENT)
                    + ": unknown kind '" + kind
                    + "' (expected search, repeats or sweep)");
        };
        tables(table, table, out, written);
        switch (kind) {
            case "repeats" -> chart(ReportCharts.meanCurves(folder), out, "curves", written);
            case "search" -> chart(ReportCharts.objective(folder, json), out, "objective", written);
            default -> chart(ReportCharts.sweep(folder, json), out, "sweep", written);
        }
    }

    private static MethodsText.Inputs inputs(Path run, Map<String, Object> pipeline) throws IOException {
        return new MethodsText.Inputs(pipeline, RunFolders.provenance(run).values(),
                FolderFiles.readObjectIfPresent(run.resolve(RunFiles.SCHEMA)));
    }

    private static ResultTable repeatsTable(Path folder) throws IOException {
        Path file = folder.resolve(org.cajal.api.run.ExperimentFiles.SUMMARY);
        Map<String, Object> summary = Json.readObject(file);
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, Object> e : FolderFiles.object(summary, "metrics").entrySet()) {
            if (e.getValue() instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked")
                Map<String, Object> s = (Map<String, Object>) m;
                rows.add(List.of(e.getKey(), String.valueOf(s.get("n")), ResultTable.number(FolderFiles.number(s, "mean")),
                        ResultTable.number(FolderFiles.number(s, "sd")), ResultTable.number(FolderFiles.number(s, "ciLow")),
                        ResultTable.number(FolderFiles.number(s, "ciHigh"))));
            }
        }
        int n = FolderFiles.array(summary, "seeds").size();
        return new ResultTable("Mean, standard deviation and 95% t interval of the mean over " + n + " runs ("
                + folder.getFileName() + ")", List.of("metric", "n", "mean", "sd", "95% CI low", "95% CI high"), rows);
    }

    private static ResultTable searchTable(Path folder, Map<String, Object> json, List<Map<String, Object>> trials)
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

    private static ResultTable sweepTable(Path folder, Map<String, Object> json) throws IOException {
        Object path = ExperimentFiles.setting(json, "path");
        return ResultTable.of("Capacity sweep " + folder.getFileName() + (path == null ? "" : " over " + path)
                + ": error per value", CsvTable.read(folder.resolve(org.cajal.api.run.ExperimentFiles.SWEEP)));
    }

    private static void tables(ResultTable display, ResultTable data, Path out, List<Path> written) throws IOException {
        text(out.resolve("results.md"), "# Results\n\n" + display.markdown(), written);
        text(out.resolve("results.tex"), "% needs \\usepackage{booktabs}\n" + display.latex(), written);
        text(out.resolve("results.csv"), data.csv(), written);
    }

    private static void text(Path file, String text, List<Path> written) throws IOException {
        AtomicFiles.write(file, text);
        written.add(file);
    }

    private static void chart(JFreeChart chart, Path out, String name, List<Path> written) throws IOException {
        if (chart == null) {
            return;
        }
        Drawing drawing = ChartDrawings.of(chart);
        Path svg = out.resolve(name + ".svg");
        Path png = out.resolve(name + ".png");
        ChartDrawings.writeSvg(drawing, WIDTH, HEIGHT, svg);
        ChartDrawings.writePng(drawing, WIDTH, HEIGHT, png);
        written.add(svg);
        written.add(png);
    }
}
