package org.cajal.experiments.internal.search;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cajal.api.pipeline.PipelineException;
import org.cajal.experiments.Cluster;
import org.cajal.experiments.Experiment;
import org.cajal.api.run.ExperimentFiles;
import org.cajal.experiments.PipelineSource;
import org.cajal.experiments.Searches;
import org.cajal.experiments.Trial;
import org.cajal.experiments.internal.exec.CommandSupport;
import org.cajal.launcher.spi.LauncherCommand;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code cajal search FILE [--out DIR] [--trials N] [--parallel N]}: runs (or resumes) the hyperparameter search
 * the pipeline file's {@code search} section describes; prints each trial as it ends, then the trials best first
 * and where results.csv and best-pipeline.json are.
 */
@Component(service = LauncherCommand.class, property = LauncherCommand.NAME_PROPERTY + "=search")
public class SearchCommand implements LauncherCommand {

    static final String USAGE = "usage: cajal search FILE [--out DIR] [--trials N] [--parallel N] [--spark MASTER"
            + " [--spark-conf K=V]...]\n"
            + "  FILE          a pipeline JSON file with a \"search\" section (method, trials, parameters, ...)\n"
            + "  --out DIR     folder under which the search folder is created (default ~/.cajal/runs)\n"
            + "  --trials N    the budget: trials to run (overrides the search section's \"trials\")\n"
            + "  --parallel N  trials at once (overrides the search section's \"parallel\"; default: one per core)\n"
            + CommandSupport.SPARK_USAGE
            + "Starting the same search again resumes it: finished trials are not run again.";

    @Reference
    Searches searches;

    private CommandSupport support = new CommandSupport(null);

    @Activate
    void activate(BundleContext context) {
        support = new CommandSupport(context);
    }

    /** For tests. */
    SearchCommand(Searches searches, CommandSupport support) {
        this.searches = searches;
        this.support = support;
    }

    /** For Declarative Services. */
    public SearchCommand() {
    }

    @Override
    public int execute(List<String> args, PrintStream out, PrintStream err) throws InterruptedException {
        CommandSupport.Args parsed;
        Integer trials;
        Integer parallel;
        Cluster cluster;
        try {
            parsed = CommandSupport.Args.parse(args, Set.of("--out", "--trials", "--parallel", CommandSupport.SPARK));
            if (parsed.positional().size() != 1) {
                throw new IllegalArgumentException(parsed.positional().isEmpty() ? "no pipeline file given"
                        : "one pipeline file at a time (got " + String.join(", ", parsed.positional()) + ")");
            }
            trials = parsed.integer("--trials", 1);
            parallel = parsed.integer("--parallel", 1);
            cluster = parsed.cluster();
        } catch (IllegalArgumentException e) {
            err.println("cajal search: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        Path runs = parsed.options().containsKey("--out") ? Path.of(parsed.options().get("--out"))
                : support.defaultRuns();
        try {
            PipelineSource source = PipelineSource.of(support.locate(Path.of(parsed.positional().get(0))));
            Experiment experiment = searches.search(source,
                    new Searches.SearchOptions(runs, null, trials, parallel, cluster), CommandSupport.printer(out));
            out.println("search folder: " + experiment.folder());
            List<Trial> all = CommandSupport.await(experiment);
            boolean minimise = minimise(experiment.folder());
            List<Trial> sorted = SearchResults.sorted(all, minimise);
            out.println();
            out.println("trials, best first (" + (minimise ? "lowest" : "highest") + " objective):");
            printTable(sorted, out);
            Path best = experiment.folder().resolve(ExperimentFiles.BEST_PIPELINE);
            out.println("results: " + experiment.folder().resolve(ExperimentFiles.RESULTS));
            if (sorted.stream().anyMatch(t -> t.finished() && Double.isFinite(t.objective()))) {
                out.println("best pipeline: " + best + "  (run it with: cajal run " + best + ")");
                return 0;
            }
            err.println("error: no trial finished with a value for the objective; see the messages above");
            return 1;
        } catch (PipelineException e) {
            err.println("error: " + org.cajal.runfolder.FileMessages.of(e));
            return 1;
        } catch (IOException e) {
            err.println("error: " + org.cajal.runfolder.FileMessages.of(e));
            return 1;
        }
    }

    private static boolean minimise(Path folder) {
        try {
            var settings = org.cajal.runfolder.Json.readTree(
                    folder.resolve(ExperimentFiles.EXPERIMENT)).path("settings");
            return !"max".equals(settings.path("goal").asText());
        } catch (IOException e) {
            return true;
        }
    }

    static void printTable(List<Trial> sorted, PrintStream out) {
        List<String> paths = new ArrayList<>();
        for (Trial t : sorted) {
            for (String p : t.params().keySet()) {
                if (!paths.contains(p)) {
                    paths.add(p);
                }
            }
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("rank", "trial"));
        header.addAll(paths);
        header.addAll(List.of("status", "objective"));
        rows.add(header);
        int rank = 0;
        for (Trial t : sorted) {
            List<String> row = new ArrayList<>();
            row.add(t.finished() && Double.isFinite(t.objective()) ? String.valueOf(++rank) : "-");
            row.add(String.valueOf(t.number()));
            for (String p : paths) {
                Map<String, Object> params = t.params();
                row.add(params.containsKey(p) ? CommandSupport.format(params.get(p)) : "");
            }
            row.add(t.status());
            row.add(CommandSupport.format(t.objective()));
            rows.add(row);
        }
        CommandSupport.table(rows, out);
    }
}
