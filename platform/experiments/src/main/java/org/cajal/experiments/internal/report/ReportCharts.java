package org.cajal.experiments.internal.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cajal.api.run.RunFiles;
import org.cajal.charts.LineChart;
import org.cajal.experiments.ExperimentFolder;
import org.cajal.experiments.internal.store.ExperimentFiles;
import org.cajal.experiments.internal.store.FolderFiles;
import org.cajal.experiments.internal.store.OverlayChart;
import org.cajal.runfolder.CsvTable;
import org.jfree.chart.JFreeChart;

/** The charts of a report; each is null when its data is missing. */
final class ReportCharts {

    private ReportCharts() {
    }

    /** A run: training and validation loss per epoch (metrics.csv). */
    static JFreeChart lossCurves(Path run) throws IOException {
        Path file = run.resolve(RunFiles.METRICS);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        CsvTable t = CsvTable.read(file);
        List<OverlayChart.Curve> curves = new ArrayList<>();
        for (String column : List.of("train_loss", "validation_loss")) {
            if (t.has(column) && t.has("epoch")) {
                double[] v = t.numbers(column);
                curves.add(new OverlayChart.Curve(column.replace('_', ' '), t.numbers("epoch"), v, v, v));
            }
        }
        return curves.isEmpty() ? null : OverlayChart.chart(curves, "Training and validation loss", "loss", List.of());
    }

    /** Repeats: each loss column's mean over runs with its 95% band (curves.csv). */
    static JFreeChart meanCurves(Path experiment) throws IOException {
        Path file = experiment.resolve(ExperimentFolder.CURVES);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        CsvTable t = CsvTable.read(file);
        List<OverlayChart.Curve> curves = new ArrayList<>();
        for (String column : List.of("train_loss", "validation_loss")) {
            if (t.has(column + "_mean") && t.has("epoch")) {
                curves.add(OverlayChart.band(t, column, column.replace('_', ' ') + " (mean, 95% band)"));
            }
        }
        return curves.isEmpty() ? null
                : OverlayChart.chart(curves, "Loss: mean over runs with 95% band", "loss", List.of());
    }

    /** A search: the objective of every finished trial, and the best so far. */
    static JFreeChart objective(Path experiment, Map<String, Object> json) throws IOException {
        boolean min = ExperimentFiles.minimise(json);
        List<Map<String, Object>> trials = new ArrayList<>(ExperimentFiles.trials(experiment));
        trials.sort((a, b) -> Double.compare(FolderFiles.number(a, "trial"), FolderFiles.number(b, "trial")));
        List<double[]> points = new ArrayList<>();
        for (Map<String, Object> t : trials) {
            double v = FolderFiles.number(t, "objective");
            double n = FolderFiles.number(t, "trial");
            if ("finished".equals(t.get("status")) && !Double.isNaN(v) && !Double.isNaN(n)) {
                points.add(new double[] {n, v});
            }
        }
        if (points.isEmpty()) {
            return null;
        }
        double[] trial = new double[points.size()];
        double[] value = new double[points.size()];
        double[] best = new double[points.size()];
        for (int i = 0; i < trial.length; i++) {
            trial[i] = points.get(i)[0];
            value[i] = points.get(i)[1];
            best[i] = i == 0 || (min ? value[i] < best[i - 1] : value[i] > best[i - 1]) ? value[i] : best[i - 1];
        }
        Object objective = ExperimentFiles.setting(json, "objective");
        String name = objective == null ? "objective" : objective.toString();
        return LineChart.of("Objective per trial", "trial", name + (min ? " (lower is better)" : " (higher is better)"))
                .wholeNumbersOnX().points("trial", trial, value).line("best so far", trial, best).chart();
    }

    /** A sweep: training, validation and test error against the swept value (sweep.csv). */
    static JFreeChart sweep(Path experiment, Map<String, Object> json) throws IOException {
        Path file = experiment.resolve(ExperimentFolder.SWEEP);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        CsvTable t = CsvTable.read(file);
        if (!t.has("value")) {
            return null;
        }
        Object path = ExperimentFiles.setting(json, "path");
        LineChart chart = LineChart.of("Error against capacity", path == null ? "swept value" : path.toString(),
                "error").markers(true);
        for (String column : List.of("train_error", "validation_error", "test_error")) {
            if (t.has(column)) {
                chart.line(column.replace('_', ' '), t.numbers("value"), t.numbers(column));
            }
        }
        return chart.isEmpty() ? null : chart.chart();
    }
}
