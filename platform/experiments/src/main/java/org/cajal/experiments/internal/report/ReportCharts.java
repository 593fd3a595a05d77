package org.cajal.experiments.internal.report;

import java.awt.BasicStroke;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cajal.charts.ChartDrawings;
import org.cajal.experiments.ExperimentFolder;
import org.cajal.experiments.internal.store.CsvTable;
import org.cajal.experiments.internal.store.ExperimentFiles;
import org.cajal.experiments.internal.store.FolderFiles;
import org.cajal.experiments.internal.store.OverlayChart;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The charts of a report; each is null when its data is missing. */
final class ReportCharts {

    private ReportCharts() {
    }

    /** A run: training and validation loss per epoch (metrics.csv). */
    static JFreeChart lossCurves(Path run) throws IOException {
        Path file = run.resolve(FolderFiles.METRICS);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        CsvTable t = CsvTable.read(file);
        List<OverlayChart.Curve> curves = new ArrayList<>();
        for (String column : List.of("train_loss", "validation_loss")) {
            if (t.has(column) && t.has("epoch")) {
                double[] v = t.column(column);
                curves.add(new OverlayChart.Curve(column.replace('_', ' '), t.column("epoch"), v, v, v));
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
                double[] mean = t.column(column + "_mean");
                curves.add(new OverlayChart.Curve(column.replace('_', ' ') + " (mean, 95% band)", t.column("epoch"),
                        mean, t.has(column + "_low") ? t.column(column + "_low") : mean,
                        t.has(column + "_high") ? t.column(column + "_high") : mean));
            }
        }
        return curves.isEmpty() ? null
                : OverlayChart.chart(curves, "Loss: mean over runs with 95% band", "loss", List.of());
    }

    /** A search: the objective of every finished trial, and the best so far. */
    static JFreeChart objective(Path experiment, Map<String, Object> json) throws IOException {
        boolean min = ExperimentFiles.minimise(json);
        XYSeries each = new XYSeries("trial", true, false);
        XYSeries best = new XYSeries("best so far", true, false);
        double bestValue = Double.NaN;
        List<Map<String, Object>> trials = new ArrayList<>(ExperimentFiles.trials(experiment));
        trials.sort((a, b) -> Double.compare(FolderFiles.number(a, "trial"), FolderFiles.number(b, "trial")));
        for (Map<String, Object> t : trials) {
            double v = FolderFiles.number(t, "objective");
            double n = FolderFiles.number(t, "trial");
            if (!"finished".equals(t.get("status")) || Double.isNaN(v) || Double.isNaN(n)) {
                continue;
            }
            each.add(n, v);
            if (Double.isNaN(bestValue) || (min ? v < bestValue : v > bestValue)) {
                bestValue = v;
            }
            best.add(n, bestValue);
        }
        if (each.isEmpty()) {
            return null;
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(each);
        data.addSeries(best);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        renderer.setSeriesLinesVisible(0, false);
        renderer.setSeriesShapesVisible(0, true);
        renderer.setSeriesShapesVisible(1, false);
        Object objective = ExperimentFiles.setting(json, "objective");
        String name = objective == null ? "objective" : objective.toString();
        NumberAxis x = new NumberAxis("trial");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(name + (min ? " (lower is better)" : " (higher is better)"));
        y.setAutoRangeIncludesZero(false);
        JFreeChart chart = new JFreeChart("Objective per trial", JFreeChart.DEFAULT_TITLE_FONT,
                new XYPlot(data, x, y, renderer), true);
        ChartDrawings.style(chart);
        renderer.setSeriesStroke(1, new BasicStroke(2f));
        return chart;
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
        double[] x = t.column("value");
        XYSeriesCollection data = new XYSeriesCollection();
        for (String column : List.of("train_error", "validation_error", "test_error")) {
            if (t.has(column)) {
                XYSeries s = new XYSeries(column.replace('_', ' '), true, true);
                double[] y = t.column(column);
                for (int i = 0; i < x.length; i++) {
                    if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                        s.add(x[i], y[i]);
                    }
                }
                data.addSeries(s);
            }
        }
        if (data.getSeriesCount() == 0) {
            return null;
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        Object path = ExperimentFiles.setting(json, "path");
        NumberAxis xAxis = new NumberAxis(path == null ? "swept value" : path.toString());
        xAxis.setAutoRangeIncludesZero(false);
        NumberAxis yAxis = new NumberAxis("error");
        yAxis.setAutoRangeIncludesZero(false);
        JFreeChart chart = new JFreeChart("Error against capacity", JFreeChart.DEFAULT_TITLE_FONT,
                new XYPlot(data, xAxis, yAxis, renderer), true);
        return ChartDrawings.style(chart);
    }
}
