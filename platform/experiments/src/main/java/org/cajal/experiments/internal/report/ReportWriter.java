package org.cajal.experiments.internal.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cajal.api.visual.Drawing;
import org.cajal.charts.ChartDrawings;
import org.cajal.api.run.RunFiles;
import org.cajal.experiments.internal.store.ExperimentFiles;
import org.cajal.experiments.internal.store.FolderFiles;
import org.cajal.runfolder.AtomicFiles;
import org.cajal.runfolder.Json;
import org.cajal.runfolder.RunFolders;
import org.jfree.chart.JFreeChart;

/**
 * Writes a report for a run or experiment: methods.md (with software.md, the bundles), results.md, results.tex,
 * results.csv and the charts
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
        methods(out, MethodsText.paragraph(in, true), in, written);
        tables(ResultTables.run(run, in.evaluation()), out, written);
        chart(ReportCharts.lossCurves(run), out, "loss-curves", written);
        ExplanationText.write(run, out, written);
    }

    private static void experiment(Path folder, Path out, List<Path> written) throws IOException {
        Map<String, Object> json = ExperimentFiles.experiment(folder);
        String kind = ExperimentFiles.kind(json);
        List<Path> runs = ExperimentFiles.runFolders(folder);
        Map<String, Object> pipeline = FolderFiles.object(json, "pipeline");
        if (pipeline.isEmpty() && !runs.isEmpty()) {
            pipeline = Json.readObject(runs.get(0).resolve(RunFiles.PIPELINE));
        }
        MethodsText.Inputs in = runs.isEmpty() ? new MethodsText.Inputs(pipeline, Map.of(), Map.of(), Map.of())
                : inputs(runs.get(0), pipeline);
        List<Map<String, Object>> trials = ExperimentFiles.trials(folder);
        String design = switch (kind) {
            case "repeats" -> ExperimentText.repeats(folder, trials, in);
            case "search" -> ExperimentText.search(json, pipeline, trials);
            case "sweep" -> ExperimentText.sweep(json, trials);
            default -> "";
        };
        String methods = MethodsText.paragraph(in, false) + (design.isEmpty() ? "" : " " + design);
        if (!"repeats".equals(kind)) {
            methods += " " + ExperimentText.seeds(trials, in);
        }
        methods(out, methods.strip(), in, written);
        ResultTables.Tables table = switch (kind) {
            case "repeats" -> ResultTables.repeats(folder);
            case "search" -> ResultTables.Tables.of(ResultTables.search(folder, json, trials));
            case "sweep" -> ResultTables.Tables.of(ResultTables.sweep(folder, json));
            default -> throw new IOException(folder.resolve(org.cajal.api.run.ExperimentFiles.EXPERIMENT)
                    + ": unknown kind '" + kind
                    + "' (expected search, repeats or sweep)");
        };
        tables(table, out, written);
        switch (kind) {
            case "repeats" -> chart(ReportCharts.meanCurves(folder), out, "curves", written);
            case "search" -> chart(ReportCharts.objective(folder, json), out, "objective", written);
            default -> chart(ReportCharts.sweep(folder, json), out, "sweep", written);
        }
    }

    private static MethodsText.Inputs inputs(Path run, Map<String, Object> pipeline) throws IOException {
        return new MethodsText.Inputs(pipeline, RunFolders.provenance(run).values(),
                FolderFiles.readObjectIfPresent(run.resolve(RunFiles.SCHEMA)),
                FolderFiles.readObjectIfPresent(run.resolve(RunFiles.EVALUATION)));
    }

    /** methods.md, and software.md with every bundle when the run recorded them. */
    private static void methods(Path out, String paragraph, MethodsText.Inputs in, List<Path> written)
            throws IOException {
        text(out.resolve("methods.md"), "# Methods\n\n" + paragraph + "\n", written);
        String appendix = SoftwareText.appendix(in.provenance());
        if (!appendix.isEmpty()) {
            text(out.resolve(SoftwareText.APPENDIX), appendix, written);
        }
    }

    private static void tables(ResultTables.Tables tables, Path out, List<Path> written) throws IOException {
        text(out.resolve("results.md"), "# Results\n\n" + tables.shown().markdown(), written);
        text(out.resolve("results.tex"), "% needs \\usepackage{booktabs}\n" + tables.shown().latex(), written);
        text(out.resolve("results.csv"), tables.data().csv(), written);
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
