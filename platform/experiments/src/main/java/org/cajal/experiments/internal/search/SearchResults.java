package org.cajal.experiments.internal.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.cajal.api.run.ExperimentFiles;
import org.cajal.experiments.Trial;
import org.cajal.runfolder.AtomicFiles;
import org.cajal.runfolder.CsvTable;
import org.cajal.experiments.internal.exec.TrialExecutor;

/**
 * Rewrites a search's results.csv (best first) and best-pipeline.json after every trial. Order: finished trials
 * by objective (ascending for a {@code min} goal, descending for {@code max}), then finished trials without a
 * value, then failed ones; ties by trial number.
 */
public final class SearchResults implements TrialExecutor.Hooks {

    private final Path folder;
    private final List<String> paths;
    private final boolean minimise;
    private final Map<Integer, String> pipelines;

    /**
     * @param paths the searched parameters, in column order
     * @param pipelines trial number → the trial's pipeline text
     */
    public SearchResults(Path folder, List<String> paths, boolean minimise, Map<Integer, String> pipelines) {
        this.folder = folder;
        this.paths = List.copyOf(paths);
        this.minimise = minimise;
        this.pipelines = Map.copyOf(pipelines);
    }

    /** The trials, best first. */
    public static List<Trial> sorted(List<Trial> trials, boolean minimise) {
        Comparator<Trial> byRank = Comparator.comparingInt(SearchResults::rank);
        Comparator<Trial> byObjective = Comparator.comparingDouble(
                t -> rank(t) == 0 ? (minimise ? t.objective() : -t.objective()) : 0.0);
        List<Trial> out = new ArrayList<>(trials);
        out.sort(byRank.thenComparing(byObjective).thenComparingInt(Trial::number));
        return out;
    }

    private static int rank(Trial t) {
        if (t.finished() && Double.isFinite(t.objective())) {
            return 0;
        }
        return t.finished() ? 1 : 2;
    }

    @Override
    public void trialsChanged(List<Trial> recorded) throws IOException {
        List<Trial> sorted = sorted(recorded, minimise);
        Set<String> metrics = new LinkedHashSet<>();
        for (Trial t : sorted) {
            metrics.addAll(t.metrics().keySet());
        }
        List<String> header = new ArrayList<>(List.of("trial"));
        header.addAll(paths);
        header.addAll(List.of("seed", "status", "objective"));
        header.addAll(metrics);
        List<List<String>> rows = new ArrayList<>();
        for (Trial t : sorted) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(t.number())));
            paths.forEach(p -> row.add(CsvTable.cell(t.params().get(p))));
            row.addAll(List.of(Long.toString(t.seed()), t.status(), CsvTable.cell(t.objective())));
            metrics.forEach(m -> row.add(CsvTable.cell(t.metrics().get(m))));
            rows.add(row);
        }
        new CsvTable(header, rows).write(folder.resolve(ExperimentFiles.RESULTS));
        if (!sorted.isEmpty() && rank(sorted.get(0)) == 0) {
            String text = pipelines.get(sorted.get(0).number());
            if (text != null) {
                AtomicFiles.write(folder.resolve(ExperimentFiles.BEST_PIPELINE), text);
            }
        } else {
            Files.deleteIfExists(folder.resolve(ExperimentFiles.BEST_PIPELINE));
        }
    }

    /** "lr=0.01, units=8": a trial's values, the last path step as the name. */
    public static String describe(Map<String, Object> params) {
        return params.entrySet().stream().map(e -> e.getKey() + "=" + format(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** A value for a table: numbers with up to 4 significant digits. */
    public static String format(Object v) {
        return org.cajal.experiments.internal.exec.CommandSupport.format(v);
    }
}
