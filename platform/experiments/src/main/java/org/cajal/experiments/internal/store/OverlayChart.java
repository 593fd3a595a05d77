package org.cajal.experiments.internal.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cajal.api.run.RunFiles;
import org.cajal.charts.LineChart;
import org.cajal.experiments.ExperimentFolder;
import org.cajal.experiments.MetricScale;
import org.cajal.runfolder.CsvTable;
import org.cajal.runfolder.RunFolders;
import org.jfree.chart.JFreeChart;

/**
 * The overlay chart: one metrics.csv column of several runs against the epoch, one series per run. A repeats
 * experiment is one series, its mean, with the 95% band from curves.csv drawn as a shaded area; a search or sweep
 * is one series per trial run; a k-fold run is its mean over folds plus one series per fold. A run without the
 * column is left out and named in the subtitle.
 */
public final class OverlayChart {

    private OverlayChart() {
    }

    /** A series with its band (for a single run, a band of no width). */
    public record Curve(String name, double[] epoch, double[] value, double[] low, double[] high) {
    }

    /**
     * A column's mean curve with its band from a repeats folder's curves.csv ({@code c_mean, c_low, c_high}); the
     * band is kept inside the column's range ({@link MetricScale#clamp}), as curves.csv files written before
     * intervals kept to it may reach below 0 for a loss.
     */
    public static Curve band(CsvTable curves, String column, String name) {
        double[] mean = curves.numbers(column + "_mean");
        MetricScale scale = MetricScale.of(column);
        double[] low = curves.has(column + "_low") ? curves.numbers(column + "_low") : mean.clone();
        double[] high = curves.has(column + "_high") ? curves.numbers(column + "_high") : mean.clone();
        for (int i = 0; i < mean.length; i++) {
            low[i] = scale.clamp(low[i]);
            high[i] = scale.clamp(high[i]);
        }
        return new Curve(name, curves.numbers("epoch"), mean, low, high);
    }

    /** Builds the chart, styled as Cajal's charts. */
    public static JFreeChart build(List<Path> folders, String column) throws IOException {
        List<Curve> curves = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Path folder : folders) {
            collect(folder.toAbsolutePath().normalize(), column, curves, missing);
        }
        if (curves.isEmpty()) {
            throw new IOException("no run has a metrics.csv column '" + column + "'" + (missing.isEmpty() ? ""
                    : " (looked in " + String.join(", ", missing) + ")"));
        }
        return chart(curves, column, column, missing);
    }

    /** A chart of curves against the epoch, titled {@code title}, the y axis labelled {@code column}. */
    public static JFreeChart chart(List<Curve> curves, String title, String column, List<String> missing) {
        LineChart chart = LineChart.of(title, "epoch", column).wholeNumbersOnX();
        for (Curve c : curves) {
            chart.band(c.name(), c.epoch(), c.value(), c.low(), c.high());
        }
        if (!missing.isEmpty()) {
            chart.note("left out (no column " + column + "): " + String.join(", ", missing));
        }
        return chart.chart();
    }

    private static void collect(Path folder, String column, List<Curve> curves, List<String> missing)
            throws IOException {
        String id = folder.getFileName().toString();
        if (RunFolders.isExperiment(folder)) {
            Map<String, Object> experiment = ExperimentFiles.experiment(folder);
            if ("repeats".equals(ExperimentFiles.kind(experiment))) {
                Path file = folder.resolve(ExperimentFolder.CURVES);
                CsvTable t = Files.isRegularFile(file) ? CsvTable.read(file) : null;
                if (t == null || !t.has(column + "_mean") || !t.has("epoch")) {
                    missing.add(id);
                    return;
                }
                curves.add(band(t, column, id + " (mean, 95% band)"));
                return;
            }
            for (Map<String, Object> trial : ExperimentFiles.trials(folder)) {
                Path run = ExperimentFiles.runFolder(folder, trial);
                String name = id + " trial " + trial.get("trial");
                if (run == null || !run(run, name, column, curves)) {
                    missing.add(name);
                }
            }
            return;
        }
        if (!RunFolders.isRun(folder)) {
            throw new IOException(folder + " is neither a run folder (no provenance.json) nor an experiment folder "
                    + "(no " + ExperimentFolder.EXPERIMENT + ")");
        }
        boolean kFold = Files.isDirectory(folder.resolve("fold-1"));
        if (!run(folder, kFold ? id + " (mean over folds)" : id, column, curves)) {
            missing.add(id);
        }
        // k-fold cross-validation: every fold's own curve beside the mean, so their spread shows
        for (int fold = 1; kFold && Files.isDirectory(folder.resolve("fold-" + fold)); fold++) {
            run(folder.resolve("fold-" + fold), id + " fold " + fold, column, curves);
        }
    }

    private static boolean run(Path run, String name, String column, List<Curve> curves) throws IOException {
        Path file = run.resolve(RunFiles.METRICS);
        if (!Files.isRegularFile(file)) {
            return false;
        }
        CsvTable t = CsvTable.read(file);
        if (!t.has(column) || !t.has("epoch")) {
            return false;
        }
        double[] v = t.numbers(column);
        curves.add(new Curve(name, t.numbers("epoch"), v, v, v));
        return true;
    }
}
