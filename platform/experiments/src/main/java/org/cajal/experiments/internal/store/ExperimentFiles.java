package org.cajal.experiments.internal.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

import org.cajal.api.run.RunStatus;
import org.cajal.experiments.internal.exec.RunOutcome;
import org.cajal.runfolder.CsvTable;
import org.cajal.runfolder.RunFolders;

/**
 * Reads an experiment folder ({@link org.cajal.api.run.ExperimentFiles}) through the run-folder library: its
 * kind, trials, run folders, best trial and status.
 *
 * <p>The status of an experiment is derived, since experiment.json holds none:
 * <ol>
 *   <li>{@code running} when one of its run folders says {@code "status": "running"} in provenance.json;</li>
 *   <li>otherwise, when the planned number of trials is known (below), {@code incomplete} while fewer lines than
 *       that are in trials.jsonl; when it is not known, {@code incomplete} until the kind's summary file
 *       (search: results.csv, repeats: summary.json, sweep: sweep.csv) exists;</li>
 *   <li>then {@code cancelled} when a trial was cancelled, {@code failed} when every trial failed, else
 *       {@code finished}.</li>
 * </ol>
 * The planned number comes from experiment.json's {@code settings}: {@code planned} or {@code total} when present;
 * else for repeats {@code times}, {@code repeats} or {@code n}; for a sweep the number of {@code values} times
 * {@code repeats} (1 when absent); for a random search {@code trials} (also looked up in {@code settings.search}).
 * A grid search may have fewer points than its budget, so without {@code planned} it counts as finished once
 * results.csv exists.
 */
public final class ExperimentFiles {

    private ExperimentFiles() {
    }

    /** experiment.json. */
    public static Map<String, Object> experiment(Path folder) throws IOException {
        return RunFolders.experiment(folder);
    }

    /** search, repeats or sweep (as written; "experiment" when missing). */
    public static String kind(Map<String, Object> experiment) {
        String kind = FolderFiles.string(experiment, "kind");
        return kind == null || kind.isBlank() ? "experiment" : kind;
    }

    /** The pipeline's name from experiment.json's pipeline object. */
    public static String pipelineName(Map<String, Object> experiment) {
        return FolderFiles.string(FolderFiles.object(experiment, "pipeline"), "name");
    }

    /** The settings object. */
    public static Map<String, Object> settings(Map<String, Object> experiment) {
        return FolderFiles.object(experiment, "settings");
    }

    /** A setting, looked up in settings and then settings.search. */
    public static Object setting(Map<String, Object> experiment, String key) {
        Map<String, Object> settings = settings(experiment);
        if (settings.containsKey(key)) {
            return settings.get(key);
        }
        return FolderFiles.object(settings, "search").get(key);
    }

    /** The lines of trials.jsonl. */
    public static List<Map<String, Object>> trials(Path folder) throws IOException {
        return RunFolders.trials(folder);
    }

    /** A trial's run folder (its "run" resolved against the experiment folder), or null. */
    public static Path runFolder(Path folder, Map<String, Object> trial) {
        String run = FolderFiles.string(trial, "run");
        if (run == null || run.isBlank()) {
            return null;
        }
        Path path = Path.of(run);
        return path.isAbsolute() ? path : folder.resolve(path).normalize();
    }

    /**
     * The run folders of an experiment: its trials' folders in trial order, then any other run folder under
     * runs/ (a trial in progress), by name.
     */
    public static List<Path> runFolders(Path folder) throws IOException {
        List<Path> runs = new ArrayList<>();
        for (Map<String, Object> trial : trials(folder)) {
            Path run = runFolder(folder, trial);
            if (run != null && RunFolders.isRun(run) && !runs.contains(run)) {
                runs.add(run);
            }
        }
        Path dir = folder.resolve(org.cajal.api.run.ExperimentFiles.RUNS);
        if (Files.isDirectory(dir)) {
            try (Stream<Path> children = Files.list(dir)) {
                children.filter(RunFolders::isRun).sorted().map(Path::normalize)
                        .filter(p -> !runs.contains(p)).forEach(runs::add);
            }
        }
        return runs;
    }

    /** The planned number of trials, when experiment.json says (see the class comment). */
    public static OptionalInt planned(Map<String, Object> experiment) {
        Map<String, Object> settings = settings(experiment);
        for (String key : List.of("planned", "total")) {
            if (settings.get(key) instanceof Number n) {
                return OptionalInt.of(n.intValue());
            }
        }
        String kind = kind(experiment);
        switch (kind) {
            case "repeats" -> {
                for (String key : List.of("times", "repeats", "n")) {
                    if (setting(experiment, key) instanceof Number n) {
                        return OptionalInt.of(n.intValue());
                    }
                }
            }
            case "sweep" -> {
                if (setting(experiment, "values") instanceof List<?> values) {
                    int repeats = setting(experiment, "repeats") instanceof Number n ? Math.max(1, n.intValue()) : 1;
                    return OptionalInt.of(values.size() * repeats);
                }
            }
            case "search" -> {
                if (!"grid".equals(setting(experiment, "method"))
                        && setting(experiment, "trials") instanceof Number n) {
                    return OptionalInt.of(n.intValue());
                }
            }
            default -> {
            }
        }
        return OptionalInt.empty();
    }

    /** The summary file of a kind: results.csv, summary.json or sweep.csv. */
    public static String summaryFile(String kind) {
        return switch (kind) {
            case "search" -> org.cajal.api.run.ExperimentFiles.RESULTS;
            case "repeats" -> org.cajal.api.run.ExperimentFiles.SUMMARY;
            case "sweep" -> org.cajal.api.run.ExperimentFiles.SWEEP;
            default -> org.cajal.api.run.ExperimentFiles.TRIALS;
        };
    }

    /** The derived status (see the class comment). */
    public static String status(Path folder, Map<String, Object> experiment) throws IOException {
        for (Path run : runFolders(folder)) {
            if (RunFolders.status(run).orElse(null) == RunStatus.RUNNING) {
                return RunStatus.RUNNING.id();
            }
        }
        List<Map<String, Object>> trials = trials(folder);
        OptionalInt planned = planned(experiment);
        boolean complete = planned.isPresent() ? trials.size() >= planned.getAsInt()
                : Files.isRegularFile(folder.resolve(summaryFile(kind(experiment))));
        if (!complete) {
            return trials.stream().anyMatch(t -> RunStatus.CANCELLED.id().equals(t.get("status")))
                    ? RunStatus.CANCELLED.id() : "incomplete";
        }
        if (trials.stream().anyMatch(t -> RunStatus.CANCELLED.id().equals(t.get("status")))) {
            return RunStatus.CANCELLED.id();
        }
        if (!trials.isEmpty() && trials.stream().allMatch(t -> RunStatus.FAILED.id().equals(t.get("status")))) {
            return RunStatus.FAILED.id();
        }
        return RunStatus.FINISHED.id();
    }

    /**
     * Whether a smaller objective is better: the settings' {@code goal} ({@code min}/{@code max}) when given, else
     * from the objective's name (loss, mse, mae, error, rmse: smaller is better).
     */
    public static boolean minimise(Map<String, Object> experiment) {
        Object goal = setting(experiment, "goal");
        if (goal != null) {
            return !"max".equalsIgnoreCase(goal.toString());
        }
        Object objective = setting(experiment, "objective");
        return objective == null || smallerIsBetter(objective.toString());
    }

    /** Whether a metric's name says that smaller is better. */
    public static boolean smallerIsBetter(String metric) {
        String m = metric.toLowerCase(Locale.ROOT);
        return m.contains("loss") || m.contains("mse") || m.contains("mae") || m.contains("error")
                || m.contains("rmse");
    }

    /**
     * The best finished trial: the first row of results.csv when it exists (written sorted best first), else
     * the finished trial with the best objective.
     */
    public static Optional<Map<String, Object>> bestTrial(Path folder, Map<String, Object> experiment)
            throws IOException {
        List<Map<String, Object>> trials = trials(folder);
        Path results = folder.resolve(org.cajal.api.run.ExperimentFiles.RESULTS);
        if (Files.isRegularFile(results)) {
            CsvTable table = CsvTable.read(results);
            if (table.has("trial") && !table.rows().isEmpty()) {
                String first = table.cell(0, "trial").strip();
                for (Map<String, Object> t : trials) {
                    if (String.valueOf(t.get("trial")).equals(first)) {
                        return Optional.of(t);
                    }
                }
            }
        }
        boolean min = minimise(experiment);
        Map<String, Object> best = null;
        double bestValue = Double.NaN;
        for (Map<String, Object> t : trials) {
            double v = FolderFiles.number(t, "objective");
            if (!RunStatus.FINISHED.id().equals(t.get("status")) || Double.isNaN(v)) {
                continue;
            }
            if (best == null || (min ? v < bestValue : v > bestValue)) {
                best = t;
                bestValue = v;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The means of summary.json's metrics (repeats). */
    public static Map<String, Double> means(Path folder) throws IOException {
        Map<String, Object> summary = FolderFiles.readObjectIfPresent(folder.resolve(
                org.cajal.api.run.ExperimentFiles.SUMMARY));
        Map<String, Double> means = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : FolderFiles.object(summary, "metrics").entrySet()) {
            if (e.getValue() instanceof Map<?, ?> m && m.get("mean") instanceof Number n) {
                means.put(e.getKey(), n.doubleValue());
            }
        }
        return means;
    }

    /**
     * The headline numbers: repeats the means of summary.json, a search or sweep its best trial's metrics (from
     * trials.jsonl, else the trial's evaluation.json).
     */
    public static Map<String, Double> headline(Path folder, Map<String, Object> experiment) throws IOException {
        if ("repeats".equals(kind(experiment))) {
            return means(folder);
        }
        Optional<Map<String, Object>> best = bestTrial(folder, experiment);
        if (best.isEmpty()) {
            return new LinkedHashMap<>();
        }
        Map<String, Double> metrics = RunOutcome.metrics(FolderFiles.object(best.get(), "metrics"));
        Path run = runFolder(folder, best.get());
        if (metrics.isEmpty() && run != null) {
            metrics = RunOutcome.metrics(RunFolders.evaluation(run).values());
        }
        return metrics;
    }
}
