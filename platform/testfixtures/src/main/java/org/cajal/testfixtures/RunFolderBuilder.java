package org.cajal.testfixtures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.cajal.api.run.MetricsTable;
import org.cajal.api.run.RunFiles;
import org.cajal.api.run.RunStatus;
import org.cajal.runfolder.RunFolderWriter;

/**
 * Writes a run folder for a test through the run-folder library's writer, as the runtime lays one out: set what
 * the test needs, then {@link #write}. Only what was set is written, except provenance.json, which every run
 * folder has (a finished run's {@link #provenance(String, String, long, RunStatus, Instant)} when not set).
 *
 * <pre>
 * Path run = RunFolderBuilder.at(runs.resolve("20260101-000000-xor"))
 *         .pipeline(TestPipelines.xor("xor", 42))
 *         .provenance("xor", 42, RunStatus.FINISHED, Instant.parse("2026-01-01T00:00:00Z"))
 *         .metrics(List.of("epoch", "train_loss"), new double[] {1, 0.7}, new double[] {2, 0.5})
 *         .evaluation(Map.of("accuracy", 0.9, "split", "test"))
 *         .write();
 * </pre>
 */
public final class RunFolderBuilder {

    private final Path folder;
    private String pipeline;
    private Map<String, Object> provenance;
    private MetricsTable metrics;
    private Map<String, Object> evaluation;
    private List<String> tags;
    private final Map<Integer, Fold> folds = new TreeMap<>();
    private final Map<String, byte[]> files = new LinkedHashMap<>();

    private RunFolderBuilder(Path folder) {
        this.folder = folder;
    }

    /** A builder of the run folder at {@code folder} (its name is the run id). */
    public static RunFolderBuilder at(Path folder) {
        return new RunFolderBuilder(folder);
    }

    /** pipeline.json, byte for byte. */
    public RunFolderBuilder pipeline(String text) {
        this.pipeline = text;
        return this;
    }

    /** provenance.json as given. */
    public RunFolderBuilder provenance(Map<String, Object> values) {
        this.provenance = new LinkedHashMap<>(values);
        return this;
    }

    /** provenance.json as the runtime writes it ({@link #provenance(String, String, long, RunStatus, Instant)}). */
    public RunFolderBuilder provenance(String pipelineName, long seed, RunStatus status, Instant start) {
        return provenance(provenance(id(), pipelineName, seed, status, start));
    }

    /** Sets one provenance.json entry (after the standard ones when none were given). */
    public RunFolderBuilder provenanceEntry(String key, Object value) {
        if (provenance == null) {
            provenance = provenance(id(), "run", 42, RunStatus.FINISHED, Instant.EPOCH);
        }
        provenance.put(key, value);
        return this;
    }

    /** metrics.csv (the epoch as a whole number, the rest with nine significant digits, as the runtime writes). */
    public RunFolderBuilder metrics(MetricsTable table) {
        this.metrics = table;
        return this;
    }

    /** metrics.csv from its columns (first {@code epoch}) and rows. */
    public RunFolderBuilder metrics(List<String> columns, double[]... rows) {
        return metrics(new MetricsTable(columns, List.of(rows)));
    }

    /** evaluation.json, in the map's order. */
    public RunFolderBuilder evaluation(Map<String, ?> values) {
        this.evaluation = new LinkedHashMap<>(values);
        return this;
    }

    /** tags.json: {@code {"tags": [...]}}. */
    public RunFolderBuilder tags(String... tags) {
        this.tags = List.of(tags);
        return this;
    }

    /** Fold {@code k} (1-based) of a k-fold run: a sub-folder with its own metrics.csv and evaluation.json. */
    public RunFolderBuilder fold(int k, MetricsTable table, Map<String, ?> foldEvaluation) {
        folds.put(k, new Fold(table, new LinkedHashMap<>(foldEvaluation)));
        return this;
    }

    /** Any other file of the folder (model.zip, schema.json, error.txt, ...). */
    public RunFolderBuilder file(String name, byte[] bytes) {
        files.put(name, bytes.clone());
        return this;
    }

    /** Writes the folder (created when missing; files already there are replaced) and returns its path. */
    public Path write() throws IOException {
        RunFolderWriter writer = RunFolderWriter.at(folder);
        if (pipeline != null) {
            writer.writeText(RunFiles.PIPELINE, pipeline);
        }
        writer.writeJson(RunFiles.PROVENANCE, provenance != null ? provenance
                : provenance(id(), "run", 42, RunStatus.FINISHED, Instant.EPOCH));
        if (metrics != null) {
            writer.writeMetrics(metrics);
        }
        if (evaluation != null) {
            writer.writeJson(RunFiles.EVALUATION, evaluation);
        }
        if (tags != null) {
            writer.writeJson(RunFiles.TAGS, Map.of("tags", tags));
        }
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            writer.writeWith(f.getKey(), tmp -> Files.write(tmp, f.getValue()));
        }
        for (Map.Entry<Integer, Fold> f : folds.entrySet()) {
            RunFolderWriter fold = writer.fold(f.getKey());
            fold.writeMetrics(f.getValue().metrics());
            fold.writeJson(RunFiles.EVALUATION, f.getValue().evaluation());
        }
        return writer.path();
    }

    private record Fold(MetricsTable metrics, Map<String, Object> evaluation) {
    }

    private String id() {
        return folder.getFileName().toString();
    }

    /**
     * provenance.json as the runtime writes it for a CPU run (without the newer {@code data} entry): run, pipeline,
     * seed, dataset, start, end (null while running), status, backend, jvm, os, cpu, bundles, baseDirectory,
     * parameters, epochs. The map is mutable: change or add entries.
     */
    public static Map<String, Object> provenance(String id, String pipelineName, long seed, RunStatus status,
                                                 Instant start) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("run", id);
        p.put("pipeline", pipelineName);
        p.put("seed", seed);
        p.put("dataset", "xor samples=200 noise=0.1 seed=" + seed);
        p.put("start", start.toString());
        p.put("end", status == RunStatus.RUNNING ? null : start.plusSeconds(5).toString());
        p.put("status", status.id());
        p.put("backend", ordered("class", "org.nd4j.linalg.cpu.nativecpu.CpuBackend", "kind", "cpu",
                "nativeVariant", "linux-x86_64-avx2", "threads", 2));
        p.put("jvm", ordered("version", "17.0.15", "vendor", "Debian", "vm", "OpenJDK 64-Bit Server VM"));
        p.put("os", ordered("name", "Linux", "version", "6.1", "arch", "amd64"));
        p.put("cpu", ordered("devices", List.of("CPU: Test CPU, 2 cores"), "availableProcessors", 2));
        p.put("bundles", new ArrayList<>(List.of(
                ordered("symbolicName", "org.cajal.runtime", "version", "0.1.0.SNAPSHOT", "state", "active"),
                ordered("symbolicName", "org.cajal.engine", "version", "0.1.0.SNAPSHOT", "state", "active"))));
        p.put("baseDirectory", "/tmp");
        p.put("parameters", 42);
        p.put("epochs", 3);
        return p;
    }

    /** A mutable map of the given keys and values, in that order. */
    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
