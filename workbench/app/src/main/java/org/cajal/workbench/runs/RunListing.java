package org.cajal.workbench.runs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cajal.api.pipeline.PipelineRunner;
import org.cajal.experiments.ExperimentFolder;
import org.cajal.experiments.RunStore;

/**
 * Lists the runs view's rows: through the experiments bundle's {@link RunStore} when it is running (runs and
 * experiments, with kind and tags), else by reading the run folders directly ({@link RunFolders}; runs only, tags
 * from tags.json). Blocking file I/O: call off the event-dispatch thread.
 */
public final class RunListing {

    private RunListing() {
    }

    /**
     * The rows, newest first.
     *
     * @param store  the run store, or null when the experiments bundle is not running
     * @param runner the runtime's runner, or null when the runtime is not running
     */
    public static List<RunRow> list(Path directory, RunStore store, PipelineRunner runner) throws IOException {
        List<RunRow> rows = new ArrayList<>();
        if (store == null) {
            for (RunSummary run : RunFolders.list(directory, runner)) {
                rows.add(new RunRow(run, "run", tags(run.folder())));
            }
            return rows;
        }
        if (directory == null || !Files.isDirectory(directory)) {
            return rows;
        }
        for (RunStore.StoredRun stored : store.list(directory, RunStore.Filter.ALL)) {
            if ("run".equals(stored.kind())) {
                RunSummary read = RunFolders.read(stored.folder(), runner);
                rows.add(new RunRow(read, stored.kind(), stored.tags()));
            } else {
                MeanCurves curves = meanCurves(stored.folder().resolve(ExperimentFolder.CURVES));
                Map<String, Object> evaluation = new LinkedHashMap<>(stored.metrics());
                RunSummary summary = new RunSummary(stored.folder(), stored.id(), stored.pipeline(), stored.start(),
                        stored.status(), null, evaluation, curves.columns(), curves.rows());
                rows.add(new RunRow(summary, stored.kind(), stored.tags()));
            }
        }
        return rows;
    }

    /** A run folder's tags ({@link ExperimentFolder#TAGS}); empty when it has none or the file does not read. */
    public static Set<String> tags(Path folder) {
        Path file = folder.resolve(ExperimentFolder.TAGS);
        Set<String> tags = new LinkedHashSet<>();
        if (!Files.isRegularFile(file)) {
            return tags;
        }
        try {
            Object list = Json.parseObject(Files.readString(file, StandardCharsets.UTF_8)).get("tags");
            if (list instanceof List<?> l) {
                l.stream().filter(t -> t instanceof String).map(t -> ((String) t).strip())
                        .filter(t -> !t.isEmpty()).forEach(tags::add);
            }
        } catch (IOException | IllegalArgumentException e) {
            // an unreadable tags file shows no tags; tagging again rewrites it
        }
        return tags;
    }

    /**
     * The mean curves of an experiment's curves.csv ({@code epoch, c_mean, c_low, c_high, c_n...}) as a metrics
     * table: {@code epoch} then each column {@code c} holding its mean. Empty when there is no such file.
     */
    public record MeanCurves(List<String> columns, List<double[]> rows) {
    }

    /** Reads curves.csv's means; a file that is missing or unreadable gives an empty table. */
    public static MeanCurves meanCurves(Path curvesCsv) {
        if (!Files.isRegularFile(curvesCsv)) {
            return new MeanCurves(List.of(), List.of());
        }
        try {
            List<String> lines = Files.readAllLines(curvesCsv, StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                return new MeanCurves(List.of(), List.of());
            }
            List<String> header = Arrays.stream(lines.get(0).split(",")).map(String::strip).toList();
            List<String> columns = new ArrayList<>();
            List<Integer> at = new ArrayList<>();
            columns.add("epoch");
            at.add(header.indexOf("epoch"));
            for (int i = 0; i < header.size(); i++) {
                String h = header.get(i);
                if (h.endsWith("_mean")) {
                    columns.add(h.substring(0, h.length() - "_mean".length()));
                    at.add(i);
                }
            }
            List<double[]> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",");
                double[] row = new double[columns.size()];
                for (int c = 0; c < row.length; c++) {
                    int i = at.get(c);
                    row[c] = i >= 0 && i < cells.length ? number(cells[i]) : Double.NaN;
                }
                rows.add(row);
            }
            return new MeanCurves(columns, rows);
        } catch (IOException e) {
            return new MeanCurves(List.of(), List.of());
        }
    }

    private static double number(String cell) {
        try {
            return cell.isBlank() ? Double.NaN : Double.parseDouble(cell.strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
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
