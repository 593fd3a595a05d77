package org.cajal.workbench.runs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.PipelineRunner;
import org.cajal.api.visual.RunRecord;

/**
 * Reads run folders (the ones {@code cajal run} and the workbench write): provenance.json for the run id, pipeline,
 * start and status, and the runtime's {@link PipelineRunner#record} for the metrics and evaluation. A run still
 * in progress, or one the runtime cannot read, falls back to metrics.csv and evaluation.json read directly, so it
 * is still listed. Blocking file I/O: call off the event-dispatch thread.
 */
public final class RunFolders {

    public static final String PROVENANCE = "provenance.json";
    public static final String METRICS = "metrics.csv";
    public static final String EVALUATION = "evaluation.json";

    private RunFolders() {
    }

    /**
     * The run folders directly under {@code runsDirectory} (those with a provenance.json), newest first.
     *
     * @param runner the runtime's runner, or null when the runtime is not running
     */
    public static List<RunSummary> list(Path runsDirectory, PipelineRunner runner) throws IOException {
        List<RunSummary> runs = new ArrayList<>();
        if (runsDirectory == null || !Files.isDirectory(runsDirectory)) {
            return runs;
        }
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(runsDirectory, Files::isDirectory)) {
            for (Path folder : folders) {
                if (Files.isRegularFile(folder.resolve(PROVENANCE))) {
                    runs.add(read(folder, runner));
                }
            }
        }
        runs.sort(NEWEST_FIRST);
        return runs;
    }

    /** Newest start first; runs without a start last; then by run id, descending (ids begin with a time stamp). */
    public static final Comparator<RunSummary> NEWEST_FIRST = Comparator
            .comparing(RunSummary::start, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(RunSummary::runId, Comparator.reverseOrder());

    /** Reads one run folder; never throws (what cannot be read is left empty and the status says so). */
    public static RunSummary read(Path folder, PipelineRunner runner) {
        String id = folder.getFileName().toString();
        String pipeline = "";
        Instant start = null;
        String status = "unreadable";
        try {
            Map<String, Object> provenance = provenance(folder);
            id = text(provenance.get("run"), id);
            pipeline = text(provenance.get("pipeline"), "");
            start = instant(provenance.get("start"));
            status = text(provenance.get("status"), "unknown");
        } catch (IOException | IllegalArgumentException e) {
            // listed anyway, as unreadable: the user can still open or remove the folder
        }
        List<String> columns = List.of();
        List<double[]> metrics = List.of();
        Map<String, Object> evaluation = Map.of();
        boolean recorded = false;
        if (runner != null && !"running".equals(status)) {
            try {
                RunRecord record = runner.record(folder);
                columns = record.metricColumns();
                metrics = record.metrics();
                evaluation = record.evaluation();
                recorded = true;
            } catch (PipelineException | RuntimeException e) {
                // a failed run may have no evaluation: fall back to the files themselves
            }
        }
        if (!recorded) {
            MetricsFile table = metricsFile(folder);
            columns = table.columns();
            metrics = table.rows();
            evaluation = evaluationFile(folder);
        }
        Integer epochs = metrics.isEmpty() && columns.isEmpty() ? null : metrics.size();
        return new RunSummary(folder, id, pipeline, start, status, epochs, evaluation, columns, metrics);
    }

    /** provenance.json as a map. */
    public static Map<String, Object> provenance(Path folder) throws IOException {
        return Json.parseObject(Files.readString(folder.resolve(PROVENANCE), StandardCharsets.UTF_8));
    }

    /** metrics.csv: the header and the numeric rows. */
    record MetricsFile(List<String> columns, List<double[]> rows) {
    }

    static MetricsFile metricsFile(Path folder) {
        Path file = folder.resolve(METRICS);
        if (!Files.isRegularFile(file)) {
            return new MetricsFile(List.of(), List.of());
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                return new MetricsFile(List.of(), List.of());
            }
            List<String> columns = Arrays.stream(lines.get(0).split(",")).map(String::strip).toList();
            List<double[]> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",");
                double[] row = new double[cells.length];
                for (int i = 0; i < cells.length; i++) {
                    row[i] = number(cells[i]);
                }
                rows.add(row);
            }
            return new MetricsFile(columns, rows);
        } catch (IOException e) {
            return new MetricsFile(List.of(), List.of());
        }
    }

    static Map<String, Object> evaluationFile(Path folder) {
        Path file = folder.resolve(EVALUATION);
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            Map<String, Object> map = Json.parseObject(Files.readString(file, StandardCharsets.UTF_8));
            map.values().removeIf(v -> v == null);
            return map;
        } catch (IOException | IllegalArgumentException e) {
            return Map.of();
        }
    }

    private static double number(String cell) {
        String s = cell.strip();
        if (s.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String text(Object value, String otherwise) {
        return value instanceof String s && !s.isBlank() ? s : otherwise;
    }

    private static Instant instant(Object value) {
        if (!(value instanceof String s)) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
