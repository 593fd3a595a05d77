package org.cajal.experiments.internal.repeats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cajal.experiments.ExperimentFolder;
import org.cajal.experiments.Statistics;
import org.cajal.experiments.Summary;
import org.cajal.experiments.Trial;
import org.cajal.experiments.internal.exec.JsonFiles;
import org.cajal.experiments.internal.exec.MetricsTable;
import org.cajal.experiments.internal.exec.RunOutcome;
import org.cajal.experiments.internal.exec.TrialExecutor;

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
 * <p>summary.json: {@code {"metrics": {name: {n, mean, sd, ciLow, ciHigh}}, "seeds": [...], "folds": k or 1,
 * "values": {name: [...]}, "runs": ["runs/<id>", ...]}}. curves.csv: {@code epoch}, then per metrics.csv column
 * c: {@code c_mean, c_low, c_high, c_n}; the curves are aligned by row (epoch 1, 2, ...), an epoch summarised
 * over the curves that reached it (early stopping); cells of epochs no curve reached are empty.
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
                units.add(new Unit(t.seed(), 0, t.metrics(), MetricsTable.read(t.run().resolve("metrics.csv"))));
                continue;
            }
            JsonNode evaluation = JsonFiles.readJson(t.run().resolve("evaluation.json"));
            JsonNode list = evaluation.get("folds");
            if (list == null || !list.isArray() || list.isEmpty()) {
                throw new IOException(t.run().resolve("evaluation.json") + ": a k-fold run's evaluation has no "
                        + "\"folds\" list");
            }
            for (int i = 0; i < list.size(); i++) {
                units.add(new Unit(t.seed(), i + 1, RunOutcome.numbers(list.get(i)),
                        MetricsTable.read(t.run().resolve("fold-" + (i + 1)).resolve("metrics.csv"))));
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
        Set<String> names = new LinkedHashSet<>();
        Set<String> columns = new LinkedHashSet<>();
        for (Unit u : units) {
            names.addAll(u.values().keySet());
            columns.addAll(u.curves().columns().keySet());
        }
        ObjectNode root = JsonFiles.MAPPER.createObjectNode();
        ObjectNode metrics = root.putObject("metrics");
        ObjectNode values = JsonFiles.MAPPER.createObjectNode();
        for (String name : names) {
            double[] v = units.stream().map(u -> u.values().get(name)).filter(x -> x != null && Double.isFinite(x))
                    .mapToDouble(Double::doubleValue).toArray();
            if (v.length == 0) {
                continue;
            }
            Summary s = Statistics.summarise(perSeed(units, u -> {
                Double x = u.values().get(name);
                return x == null || !Double.isFinite(x) ? null : new double[] {x};
            }).stream().mapToDouble(c -> c[0]).toArray());
            ObjectNode m = metrics.putObject(name);
            m.put("n", s.n());
            m.put("mean", s.mean());
            m.put("sd", s.sd());
            m.put("ciLow", s.ciLow());
            m.put("ciHigh", s.ciHigh());
            ArrayNode list = values.putArray(name);
            for (double x : v) {
                list.add(x);
            }
        }
        ArrayNode seeds = root.putArray("seeds");
        ArrayNode runs = JsonFiles.MAPPER.createArrayNode();
        for (Trial t : recorded) {
            if (t.finished() && t.run() != null) {
                seeds.add(t.seed());
                runs.add(folder.relativize(t.run()).toString().replace('\\', '/'));
            }
        }
        root.put("folds", Math.max(1, folds));
        root.set("values", values);
        root.set("runs", runs);
        JsonFiles.writeJson(folder.resolve(ExperimentFolder.SUMMARY), root);

        Map<String, List<Summary>> bands = new LinkedHashMap<>();
        int rows = 0;
        for (String c : columns) {
            List<Summary> band = Statistics.band(perSeed(units, u -> u.curves().columns().get(c)));
            bands.put(c, band);
            rows = Math.max(rows, band.size());
        }
        StringBuilder csv = new StringBuilder("epoch");
        for (String c : columns) {
            csv.append(',').append(c).append("_mean,").append(c).append("_low,").append(c).append("_high,")
                    .append(c).append("_n");
        }
        csv.append('\n');
        for (int r = 0; r < rows; r++) {
            csv.append(r + 1);
            for (String c : columns) {
                List<Summary> band = bands.get(c);
                Summary s = r < band.size() ? band.get(r) : null;
                if (s == null || s.n() == 0) {
                    csv.append(",,,,0");
                } else {
                    csv.append(',').append(JsonFiles.csv(s.mean())).append(',').append(JsonFiles.csv(s.ciLow()))
                            .append(',').append(JsonFiles.csv(s.ciHigh())).append(',').append(s.n());
                }
            }
            csv.append('\n');
        }
        JsonFiles.writeAtomically(folder.resolve(ExperimentFolder.CURVES), csv.toString());
    }
}
