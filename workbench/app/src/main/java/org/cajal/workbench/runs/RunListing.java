package org.cajal.workbench.runs;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.RunReader;
import org.cajal.api.run.ExperimentFiles;
import org.cajal.api.run.MetricsTable;
import org.cajal.api.run.Provenance;
import org.cajal.api.run.RunFiles;
import org.cajal.api.run.RunStatus;
import org.cajal.api.visual.RunRecord;
import org.cajal.experiments.RunStore;
import org.cajal.runfolder.CsvTable;
import org.cajal.runfolder.RunFolders;

/**
 * Lists the runs view's rows: through the experiments bundle's {@link RunStore} when it is running (runs and
 * experiments, with kind and tags), else by reading the run folders directly (runs only). A run is read through
 * the runtime's {@link RunReader} when it has ended; a run still in progress, or one the runtime cannot read, falls
 * back to the run-folder library's reading of metrics.csv and evaluation.json, so it is still listed. Blocking file
 * I/O: call off the event-dispatch thread.
 */
public final class RunListing {

    /** Newest start first; runs without a start last; then by run id, descending (ids begin with a time stamp). */
    public static final Comparator<RunSummary> NEWEST_FIRST = Comparator
            .comparing(RunSummary::start, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(RunSummary::runId, Comparator.reverseOrder());

    private static final MetricsTable NO_TABLE = new MetricsTable(List.of(), List.of());

    private RunListing() {
    }

    /**
     * The rows, newest first.
     *
     * @param store  the run store, or null when the experiments bundle is not running
     * @param reader the runtime's run reader, or null when the runtime is not running
     */
    public static List<RunRow> list(Path directory, RunStore store, RunReader reader) throws IOException {
        List<RunRow> rows = new ArrayList<>();
        if (store == null) {
            for (RunSummary run : runs(directory, reader)) {
                rows.add(new RunRow(run, "run", tags(run.folder())));
            }
            return rows;
        }
        if (directory == null || !Files.isDirectory(directory)) {
            return rows;
        }
        for (RunStore.StoredRun stored : store.list(directory, RunStore.Filter.ALL)) {
            if ("run".equals(stored.kind())) {
                rows.add(new RunRow(read(stored.folder(), reader), stored.kind(), stored.tags()));
            } else {
                MetricsTable curves = meanCurves(stored.folder().resolve(ExperimentFiles.CURVES));
                Map<String, Object> evaluation = new LinkedHashMap<>(stored.metrics());
                RunSummary summary = new RunSummary(stored.folder(), stored.id(), stored.pipeline(), stored.start(),
                        stored.status(), null, evaluation, curves.columns(), curves.rows());
                rows.add(new RunRow(summary, stored.kind(), stored.tags()));
            }
        }
        return rows;
    }

    /** The run folders directly under {@code runsDirectory}, newest first. */
    static List<RunSummary> runs(Path runsDirectory, RunReader reader) throws IOException {
        List<RunSummary> runs = new ArrayList<>();
        if (runsDirectory == null || !Files.isDirectory(runsDirectory)) {
            return runs;
        }
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(runsDirectory, RunFolders::isRun)) {
            for (Path folder : folders) {
                runs.add(read(folder, reader));
            }
        }
        runs.sort(NEWEST_FIRST);
        return runs;
    }

    /**
     * Reads one run folder; never throws (what cannot be read is left empty and the status says so).
     *
     * @param reader the runtime's run reader, or null when the runtime is not running
     */
    public static RunSummary read(Path folder, RunReader reader) {
        String id = folder.getFileName().toString();
        Provenance provenance;
        try {
            provenance = RunFolders.provenance(folder);
        } catch (IOException e) {
            // listed anyway, as unreadable: the user can still open or remove the folder
            return recorded(folder, id, "", null, "unreadable", reader);
        }
        // a run recorded as running whose process has gone reads as interrupted
        var known = RunFolders.status(folder, provenance);
        String status = known.map(RunStatus::id).orElse("unknown");
        boolean ended = known.map(RunStatus::ended).orElse(true);
        return recorded(folder, provenance.runId().filter(s -> !s.isBlank()).orElse(id),
                provenance.pipeline().filter(s -> !s.isBlank()).orElse(""), provenance.start().orElse(null), status,
                ended ? reader : null);
    }

    private static RunSummary recorded(Path folder, String id, String pipeline, Instant start, String status,
                                       RunReader reader) {
        if (reader != null) {
            try {
                RunRecord record = reader.record(folder);
                return new RunSummary(folder, id, pipeline, start, status,
                        epochs(record.metricColumns(), record.metrics()), record.evaluation(), record.metricColumns(),
                        record.metrics());
            } catch (PipelineException | RuntimeException e) {
                // a failed run may have no evaluation: fall back to the files themselves
            }
        }
        MetricsTable metrics = metrics(folder);
        return new RunSummary(folder, id, pipeline, start, status, epochs(metrics.columns(), metrics.rows()),
                evaluation(folder), metrics.columns(), metrics.rows());
    }

    private static Integer epochs(List<String> columns, List<double[]> rows) {
        return rows.isEmpty() && columns.isEmpty() ? null : rows.size();
    }

    /** metrics.csv; a table with no columns when the run has none or it does not read. */
    private static MetricsTable metrics(Path folder) {
        try {
            if (Files.isRegularFile(folder.resolve(RunFiles.METRICS))) {
                return RunFolders.metrics(folder);
            }
        } catch (IOException e) {
            // shown without curves
        }
        return NO_TABLE;
    }

    /** evaluation.json without its null values; empty when it is absent or does not read. */
    private static Map<String, Object> evaluation(Path folder) {
        try {
            Map<String, Object> values = new LinkedHashMap<>(RunFolders.evaluation(folder).values());
            values.values().removeIf(Objects::isNull);
            return values;
        } catch (IOException e) {
            return Map.of();
        }
    }

    /** A run folder's tags (tags.json), blanks dropped; empty when it has none or the file does not read. */
    public static Set<String> tags(Path folder) {
        Set<String> tags = new LinkedHashSet<>();
        try {
            RunFolders.tags(folder).stream().map(String::strip).filter(t -> !t.isEmpty()).forEach(tags::add);
        } catch (IOException e) {
            // an unreadable tags file shows no tags; tagging again rewrites it
        }
        return tags;
    }

    /**
     * The mean curves of an experiment's curves.csv ({@code epoch, c_mean, c_low, c_high, c_n...}) as a metrics
     * table: {@code epoch} then each column {@code c} holding its mean. Empty when the file is missing or unreadable.
     */
    private static MetricsTable meanCurves(Path curvesCsv) {
        if (!Files.isRegularFile(curvesCsv)) {
            return NO_TABLE;
        }
        CsvTable csv;
        try {
            csv = CsvTable.read(curvesCsv);
        } catch (IOException e) {
            return NO_TABLE;
        }
        if (csv.header().isEmpty()) {
            return NO_TABLE;
        }
        List<String> columns = new ArrayList<>(List.of("epoch"));
        List<Integer> at = new ArrayList<>(List.of(csv.header().indexOf("epoch")));
        for (int i = 0; i < csv.header().size(); i++) {
            String h = csv.header().get(i);
            if (h.endsWith("_mean")) {
                columns.add(h.substring(0, h.length() - "_mean".length()));
                at.add(i);
            }
        }
        List<double[]> rows = new ArrayList<>();
        for (List<String> cells : csv.rows()) {
            rows.add(at.stream().mapToDouble(i -> i >= 0 && i < cells.size() ? CsvTable.number(cells.get(i))
                    : Double.NaN).toArray());
        }
        return new MetricsTable(columns, rows);
    }

    /**
     * The tag dialog's answer as tags to add and to remove: comma separated, {@code -name} removes a tag, anything
     * else adds it; blanks are dropped.
     */
    public record TagEdit(List<String> add, List<String> remove) {

        public static TagEdit parse(String text) {
            List<String> add = new ArrayList<>();
            List<String> remove = new ArrayList<>();
            if (text != null) {
                for (String part : text.split(",")) {
                    String t = part.strip();
                    if (t.startsWith("-")) {
                        String name = t.substring(1).strip();
                        if (!name.isEmpty() && !remove.contains(name)) {
                            remove.add(name);
                        }
                    } else if (!t.isEmpty() && !add.contains(t)) {
                        add.add(t);
                    }
                }
            }
            return new TagEdit(List.copyOf(add), List.copyOf(remove));
        }

        public boolean isEmpty() {
            return add.isEmpty() && remove.isEmpty();
        }
    }
}
