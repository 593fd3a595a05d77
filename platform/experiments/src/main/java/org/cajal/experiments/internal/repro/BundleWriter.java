package org.cajal.experiments.internal.repro;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.cajal.api.run.RunFiles;
import org.cajal.api.run.RunStatus;
import org.cajal.experiments.internal.exec.RunOutcome;
import org.cajal.experiments.internal.store.ExperimentFiles;
import org.cajal.runfolder.AtomicFiles;
import org.cajal.runfolder.Json;
import org.cajal.runfolder.RunFolders;

/**
 * Writes a reproducibility bundle. Layout of the zip:
 * <pre>
 * bundle.json                  {"format": 1, "kind": "run|search|repeats|sweep", "created", "source",
 *                               "runs": [{"id", "folder": "runs/&lt;id&gt;/", "seed", "pipeline", "data",
 *                                         "dataFiles": [{"param","value","path","bytes","sha256","entry"}],
 *                                         "bundles", "backend", "hardware": {"cpu","os","jvm"}, "metrics"}]}
 * runs/&lt;id&gt;/                   each run folder's pipeline.json, provenance.json, metrics.csv, evaluation.json,
 *                              model.zip, split.json, schema.json, diagnostics.json; fold-i/ their metrics.csv,
 *                              evaluation.json and split.json
 * experiment/                  experiments: experiment.json, trials.jsonl, results.csv, best-pipeline.json,
 *                              summary.json, curves.csv, sweep.csv (those that exist)
 * data/&lt;sha256 prefix&gt;-&lt;name&gt;   the data files of at most 64 MiB (entry null in bundle.json when larger)
 * </pre>
 */
final class BundleWriter {

    static final String BUNDLE_JSON = "bundle.json";
    static final String EXPERIMENT_PREFIX = "experiment/";

    private static final List<String> RUN_FILES = List.of(RunFiles.PIPELINE, RunFiles.PROVENANCE, RunFiles.METRICS,
            RunFiles.EVALUATION, RunFiles.MODEL, RunFiles.SPLIT, RunFiles.SCHEMA, RunFiles.DIAGNOSTICS);
    private static final List<String> FOLD_FILES = List.of(RunFiles.METRICS, RunFiles.EVALUATION, RunFiles.SPLIT);
    private static final List<String> EXPERIMENT_FILES = List.of(org.cajal.api.run.ExperimentFiles.EXPERIMENT,
            org.cajal.api.run.ExperimentFiles.TRIALS, org.cajal.api.run.ExperimentFiles.RESULTS,
            org.cajal.api.run.ExperimentFiles.BEST_PIPELINE, org.cajal.api.run.ExperimentFiles.SUMMARY,
            org.cajal.api.run.ExperimentFiles.CURVES, org.cajal.api.run.ExperimentFiles.SWEEP);

    private BundleWriter() {
    }

    static Path write(Path folder, Path zip) throws IOException {
        return write(folder, zip, DataFiles.MAX_BUNDLED_BYTES);
    }

    /** Writes the bundle, leaving out data files larger than {@code maxDataBytes} (recorded with their hash). */
    static Path write(Path folder, Path zip, long maxDataBytes) throws IOException {
        Path source = folder.toAbsolutePath().normalize();
        boolean experiment = RunFolders.isExperiment(source);
        if (!experiment && !RunFolders.isRun(source)) {
            throw new IOException(source + " is neither a run folder (no provenance.json) nor an experiment folder "
                    + "(no experiment.json)");
        }
        List<Path> runs = experiment ? ExperimentFiles.runFolders(source) : List.of(source);
        for (Path run : runs) {
            if (RunFolders.status(run).orElse(null) == RunStatus.RUNNING) {
                throw new IOException(run + " is still running; bundle it when it has finished");
            }
        }
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("format", 1);
        bundle.put("kind", experiment ? ExperimentFiles.kind(ExperimentFiles.experiment(source)) : "run");
        bundle.put("created", Instant.now().toString());
        bundle.put("source", source.toString());
        List<Map<String, Object>> entries = new ArrayList<>();
        Map<String, DataFiles.DataFile> data = new LinkedHashMap<>();
        for (Path run : runs) {
            List<DataFiles.DataFile> files = DataFiles.of(run, maxDataBytes);
            files.stream().filter(DataFiles.DataFile::bundled).forEach(f -> data.putIfAbsent(f.entry(), f));
            entries.add(runEntry(run, files));
        }
        bundle.put("runs", entries);

        Path target = zip.toAbsolutePath().normalize();
        AtomicFiles.write(target, tmp -> {
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
                put(out, BUNDLE_JSON, Json.PRETTY.writeValueAsBytes(bundle));
                if (experiment) {
                    for (String name : EXPERIMENT_FILES) {
                        copy(out, source.resolve(name), EXPERIMENT_PREFIX + name);
                    }
                }
                for (Path run : runs) {
                    String prefix = "runs/" + run.getFileName() + "/";
                    for (String name : RUN_FILES) {
                        copy(out, run.resolve(name), prefix + name);
                    }
                    for (Path fold : RunFolders.folds(run)) {
                        for (String name : FOLD_FILES) {
                            copy(out, fold.resolve(name), prefix + fold.getFileName() + "/" + name);
                        }
                    }
                }
                for (DataFiles.DataFile f : data.values()) {
                    copy(out, f.path(), f.entry());
                }
            }
        });
        return target;
    }

    private static Map<String, Object> runEntry(Path run, List<DataFiles.DataFile> files) throws IOException {
        Map<String, Object> provenance = RunFolders.provenance(run).values();
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", run.getFileName().toString());
        e.put("folder", "runs/" + run.getFileName() + "/");
        e.put("seed", provenance.get("seed"));
        e.put("pipeline", provenance.get("pipeline"));
        e.put("status", provenance.get("status"));
        e.put("data", DataFiles.fingerprint(provenance, files));
        e.put("dataFiles", files.stream().map(DataFiles.DataFile::json).toList());
        e.put("bundles", provenance.getOrDefault("bundles", List.of()));
        e.put("backend", provenance.get("backend"));
        Map<String, Object> hardware = new LinkedHashMap<>();
        hardware.put("cpu", provenance.get("cpu"));
        hardware.put("os", provenance.get("os"));
        hardware.put("jvm", provenance.get("jvm"));
        e.put("hardware", hardware);
        e.put("metrics", RunOutcome.metrics(RunFolders.evaluation(run).values()));
        return e;
    }

    private static void put(ZipOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(bytes);
        out.closeEntry();
    }

    private static void copy(ZipOutputStream out, Path file, String name) throws IOException {
        if (!Files.isRegularFile(file)) {
            return;
        }
        out.putNextEntry(new ZipEntry(name));
        Files.copy(file, (OutputStream) out);
        out.closeEntry();
    }
}
