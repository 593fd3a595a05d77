package org.cajal.runfolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cajal.api.run.Evaluation;
import org.cajal.api.run.ExperimentFiles;
import org.cajal.api.run.MetricsTable;
import org.cajal.api.run.Provenance;
import org.cajal.api.run.RunFiles;
import org.cajal.api.run.RunStatus;

/**
 * Reads run folders into the API's types. A run cancelled before its first epoch or a failed run may lack
 * metrics.csv or evaluation.json: they read as an empty table or evaluation. Errors name the file.
 */
public final class RunFolders {

    private RunFolders() {
    }

    /** A run folder: a directory (not a link) with provenance.json. */
    public static boolean isRun(Path folder) {
        return Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)
                && Files.isRegularFile(folder.resolve(RunFiles.PROVENANCE), LinkOption.NOFOLLOW_LINKS);
    }

    /** An experiment folder: a directory (not a link) with experiment.json. */
    public static boolean isExperiment(Path folder) {
        return Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)
                && Files.isRegularFile(folder.resolve(ExperimentFiles.EXPERIMENT), LinkOption.NOFOLLOW_LINKS);
    }

    /** provenance.json. */
    public static Provenance provenance(Path run) throws IOException {
        return new Provenance(Json.readObject(run.resolve(RunFiles.PROVENANCE)));
    }

    /**
     * The run's status: provenance.json's, except that a run recorded as running whose lock no process holds
     * ({@link RunLock}) is {@link RunStatus#INTERRUPTED}. Empty when the file is missing, unreadable or names no
     * known status.
     */
    public static Optional<RunStatus> status(Path run) {
        try {
            return status(run, provenance(run));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** {@link #status(Path)} of a run whose provenance.json was read already. */
    public static Optional<RunStatus> status(Path run, Provenance provenance) {
        return provenance.status().map(s -> s == RunStatus.RUNNING && !RunLock.isHeld(run) ? RunStatus.INTERRUPTED : s);
    }

    /** evaluation.json; {@link Evaluation#EMPTY} when there is none (yet). */
    public static Evaluation evaluation(Path run) throws IOException {
        Path file = run.resolve(RunFiles.EVALUATION);
        return Files.isRegularFile(file) ? new Evaluation(Json.readObject(file)) : Evaluation.EMPTY;
    }

    /** metrics.csv of a run (or of one fold's sub-folder); {@link MetricsTable#EMPTY} when there is none (yet). */
    public static MetricsTable metrics(Path run) throws IOException {
        Path file = run.resolve(RunFiles.METRICS);
        return Files.isRegularFile(file) ? metricsTable(CsvTable.read(file)) : MetricsTable.EMPTY;
    }

    /** A metrics table from CSV cells: an empty or non-numeric cell is NaN. */
    public static MetricsTable metricsTable(CsvTable csv) {
        List<double[]> rows = new ArrayList<>(csv.rows().size());
        for (List<String> cells : csv.rows()) {
            double[] row = new double[csv.header().size()];
            for (int c = 0; c < row.length; c++) {
                row[c] = CsvTable.number(c < cells.size() ? cells.get(c) : "");
            }
            rows.add(row);
        }
        return new MetricsTable(csv.header().isEmpty() ? List.of("epoch") : csv.header(), rows);
    }

    /** The table as metrics.csv writes it: the epoch as a whole number, the rest with nine significant digits. */
    public static String metricsText(MetricsTable table) {
        List<List<String>> rows = new ArrayList<>(table.rows().size());
        for (double[] row : table.rows()) {
            List<String> cells = new ArrayList<>(row.length);
            for (int c = 0; c < row.length; c++) {
                cells.add(c == 0 ? Long.toString((long) row[0]) : CsvTable.cell9(row[c]));
            }
            rows.add(cells);
        }
        return new CsvTable(table.columns(), rows).format();
    }

    /** tags.json's tags; empty when the run has none. */
    public static List<String> tags(Path run) throws IOException {
        Path file = run.resolve(RunFiles.TAGS);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        Object tags = Json.readObject(file).get("tags");
        List<String> out = new ArrayList<>();
        if (tags instanceof List<?> list) {
            list.forEach(t -> out.add(String.valueOf(t)));
        }
        return out;
    }

    /** The fold sub-folders of a k-fold run ({@code fold-1}, {@code fold-2}, ...) in order; empty for a hold-out run. */
    public static List<Path> folds(Path run) {
        List<Path> out = new ArrayList<>();
        for (int k = 1; Files.isDirectory(run.resolve(RunFiles.foldFolder(k))); k++) {
            out.add(run.resolve(RunFiles.foldFolder(k)));
        }
        return out;
    }

    /** experiment.json of an experiment folder. */
    public static Map<String, Object> experiment(Path folder) throws IOException {
        return Json.readObject(folder.resolve(ExperimentFiles.EXPERIMENT));
    }

    /** trials.jsonl of an experiment folder, one map per finished trial (a line cut off by a kill is skipped). */
    public static List<Map<String, Object>> trials(Path folder) throws IOException {
        return Json.readLines(folder.resolve(ExperimentFiles.TRIALS));
    }
}
