package org.cajal.experiments.internal.repeats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cajal.api.run.ExperimentFiles;
import org.cajal.api.run.MetricsTable;
import org.cajal.api.run.RunFiles;
import org.cajal.experiments.MetricScale;
import org.cajal.experiments.Statistics;
import org.cajal.experiments.Summary;
import org.cajal.experiments.Trial;
import org.cajal.experiments.internal.exec.RunOutcome;
import org.cajal.experiments.internal.exec.TrialExecutor;
import org.cajal.runfolder.CsvTable;
import org.cajal.runfolder.Json;
import org.cajal.runfolder.RunFolders;

/**
 * A repeats folder's summary.json and curves.csv, rewritten after every repeat.
 *
 * <p>Hold-out pipelines: one value per repeat (the run's evaluation.json numbers) and one curve per repeat (its
 * metrics.csv). k-fold pipelines: each repeat's value is the mean over its k folds (each entry of
 * evaluation.json's {@code folds}) and its curve the per-epoch mean of its folds' curves ({@code fold-i/metrics.csv}),
 * so n = repeats: the k folds of one repeat share most of their training data and are not independent samples, and
 * pooling them would make the interval too narrow by about √k. The per-fold values are still listed in
 * summary.json's {@code values} in the order seed 1 fold 1, seed 1 fold 2, ... (the comparison pairs them).
 *
 * <p>summary.json: {@code {"metrics": {name: {n, mean, sd, ciLow, ciHigh, method}}, "seeds": [...], "folds": k
 * or 1, "values": {name: [...]}, "runs": ["runs/<id>", ...]}}; {@code method} names how the 95% interval was
 * computed ({@link MetricScale#method()}: "t on logit scale" for accuracy-like metrics, "t on log scale" for
 * losses, ...), so it stays inside the metric's range. curves.csv: {@code epoch}, then per metrics.csv column
 * c: {@code c_mean, c_low, c_high, c_n}, the band on the column's scale ({@link MetricScale#of}); the curves are
 * aligned by row (epoch 1, 2, ...), an epoch summarised over the curves that reached it (early stopping); cells
 * of epochs no curve reached are empty.
 */
public final class RepeatsFiles implements TrialExecutor.Hooks {

    private final Path folder;
    private final int folds;

    /** @param folds k of a k-fold pipeline, 1 for hold-out */
    public RepeatsFiles(Path folder, int folds) {
        this.folder = folder;
        this.folds = folds;
    }

    /** One repeat (hold-out) or one repeat's fold (k-fold): its evaluation numbers and metrics.csv. */
    record Unit(long seed, int fold, Map<String, Double> values, MetricsTable curves) {
    }

    /** The units of the finished repeats, in trial order then fold order. */
    static List<Unit> units(List<Trial> trials, int folds) throws IOException {
        List<Unit> units = new ArrayList<>();
        for (Trial t : trials) {
            if (!t.finished() || t.run() == null) {
                continue;
            }
            if (folds <= 1) {
                units.add(new Unit(t.seed(), 0, t.metrics(), RunFolders.metrics(t.run())));
                continue;
            }
            Path evaluation = t.run().resolve(RunFiles.EVALUATION);
            if (!Files.isRegularFile(evaluation)) {
                throw new IOException(evaluation + ": file not found");
            }
            List<Map<String, Double>> list = RunOutcome.foldMetrics(RunFolders.evaluation(t.run()));
            if (list.isEmpty()) {
                throw new IOException(evaluation + ": a k-fold run's evaluation has no \"folds\" list");
            }
            for (int i = 0; i < list.size(); i++) {
                units.add(new Unit(t.seed(), i + 1, list.get(i),
                        RunFolders.metrics(t.run().resolve(RunFiles.foldFolder(i + 1)))));
            }
        }
        return units;
    }

    /**
     * One array per seed: a unit's array as it is for hold-out runs; for k-fold runs the element-wise mean over the
     * seed's folds (an element summarised over the folds that have a finite value there, so folds stopped early at
     * different epochs still count where they ran). Units without the value are left out.
     */
    static List<double[]> perSeed(List<Unit> units, java.util.function.Function<Unit, double[]> value) {
        Map<Long, List<double[]>> bySeed = new LinkedHashMap<>();
        for (Unit u : units) {
            double[] v = value.apply(u);
            if (v != null) {
                bySeed.computeIfAbsent(u.seed(), k -> new ArrayList<>()).add(v);
            }
        }
        List<double[]> out = new ArrayList<>();
        for (List<double[]> folds : bySeed.values()) {
            if (folds.size() == 1) {
                out.add(folds.get(0));
                continue;
            }
            List<Summary> mean = Statistics.band(folds);
            double[] curve = new double[mean.size()];
            for (int i = 0; i < curve.length; i++) {
                curve[i] = mean.get(i).mean();
            }
            out.add(curve);
        }
        return out;
    }

    @Override
    public void trialsChanged(List<Trial> recorded) throws IOException {
        write(recorded);
    }

    @Override
    public void ended(List<Trial> recorded) throws IOException {
        write(recorded);
    }

    private void write(List<Trial> recorded) throws IOException {
        List<Unit> units = units(recorded, folds);
        if (units.isEmpty()) {
            return;
        }
        writeSummary(recorded, units);
        writeCurves(units);
    }

    /** summary.json: per metric its summary over seeds and every unit's value; the seeds and runs. */
    private void writeSummary(List<Trial> recorded, List<Unit> units) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        units.forEach(u -> names.addAll(u.values().keySet()));
        ObjectNode root = Json.PRETTY.createObjectNode();
        ObjectNode metrics = root.putObject("metrics");
        ObjectNode values = Json.PRETTY.createObjectNode();
        for (String name : names) {
            double[] v = units.stream().map(u -> u.values().get(name)).filter(x -> x != null && Double.isFinite(x))
                    .mapToDouble(Double::doubleValue).toArray();
            if (v.length == 0) {
                continue;
            }
            double[] seedValues = perSeed(units, u -> {
                Double x = u.values().get(name);
                return x == null || !Double.isFinite(x) ? null : new double[] {x};
            }).stream().mapToDouble(c -> c[0]).toArray();
            MetricScale scale = Statistics.scaleUsed(seedValues, MetricScale.of(name));
            Summary s = Statistics.summarise(seedValues, scale);
            ObjectNode m = metrics.putObject(name);
            m.put("n", s.n());
            m.put("mean", s.mean());
            m.put("sd", s.sd());
            m.put("ciLow", s.ciLow());
            m.put("ciHigh", s.ciHigh());
            m.put("method", scale.method());
            ArrayNode list = values.putArray(name);
            for (double x : v) {
                list.add(x);
            }
        }
        ArrayNode seeds = root.putArray("seeds");
        ArrayNode runs = Json.PRETTY.createArrayNode();
        for (Trial t : recorded) {
            if (t.finished() && t.run() != null) {
                seeds.add(t.seed());
                runs.add(folder.relativize(t.run()).toString().replace('\\', '/'));
            }
        }
        root.put("folds", Math.max(1, folds));
        root.set("values", values);
        root.set("runs", runs);
        Json.write(folder.resolve(ExperimentFiles.SUMMARY), root);
    }

    /** curves.csv: per epoch, each metrics.csv column's mean over seeds with its 95% band and count. */
    private void writeCurves(List<Unit> units) throws IOException {
        Set<String> columns = new LinkedHashSet<>();
        units.forEach(u -> u.curves().columns().stream().filter(c -> !c.equals("epoch")).forEach(columns::add));
        Map<String, List<Summary>> bands = new LinkedHashMap<>();
        int rows = 0;
        for (String c : columns) {
            List<Summary> band = Statistics.band(perSeed(units, u -> u.curves().column(c).orElse(null)),
                    MetricScale.of(c));
            bands.put(c, band);
            rows = Math.max(rows, band.size());
        }
        List<String> header = new ArrayList<>(List.of("epoch"));
        for (String c : columns) {
            header.addAll(List.of(c + "_mean", c + "_low", c + "_high", c + "_n"));
        }
        List<List<String>> rowCells = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(r + 1)));
            for (String c : columns) {
                List<Summary> band = bands.get(c);
                Summary s = r < band.size() ? band.get(r) : null;
                if (s == null || s.n() == 0) {
                    row.addAll(List.of("", "", "", "0"));
                } else {
                    row.addAll(List.of(CsvTable.cell(s.mean()), CsvTable.cell(s.ciLow()), CsvTable.cell(s.ciHigh()),
                            Integer.toString(s.n())));
                }
            }
            rowCells.add(row);
        }
        new CsvTable(header, rowCells).write(folder.resolve(ExperimentFiles.CURVES));
    }
}
