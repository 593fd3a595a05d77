package org.cajal.experiments.internal.repeats;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cajal.api.pipeline.PipelineException;
import org.cajal.experiments.Cluster;
import org.cajal.experiments.Experiment;
import org.cajal.api.run.ExperimentFiles;
import org.cajal.experiments.PipelineSource;
import org.cajal.experiments.Repeats;
import org.cajal.experiments.Summary;
import org.cajal.experiments.internal.exec.CommandSupport;
import org.cajal.experiments.internal.search.PipelineTree;
import org.cajal.launcher.spi.LauncherCommand;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code cajal repeat FILE [--times N] [--seed S] [--parallel N] [--out DIR]}: the pipeline over N seeds; prints
 * each repeat as it ends, then every evaluation number as mean ± sd with its 95% interval.
 */
@Component(service = LauncherCommand.class, property = LauncherCommand.NAME_PROPERTY + "=repeat")
public class RepeatCommand implements LauncherCommand {

    static final String USAGE = "usage: cajal repeat FILE [--times N] [--seed S] [--parallel N] [--out DIR]"
            + " [--spark MASTER [--spark-conf K=V]...]\n"
            + "  FILE          a pipeline JSON file\n"
            + "  --times N     how many seeds (default 5)\n"
            + "  --seed S      the first seed; the others are S+1, S+2, ... (default: the pipeline's seed)\n"
            + "  --parallel N  runs at once (default: one per core)\n"
            + "  --out DIR     folder under which the repeats folder is created (default ~/.cajal/runs)\n"
            + CommandSupport.SPARK_USAGE
            + "Starting the same repeats again resumes them.";

    @Reference
    Repeats repeats;

    private CommandSupport support = new CommandSupport(null);

    @Activate
    void activate(BundleContext context) {
        support = new CommandSupport(context);
    }

    /** For tests. */
    RepeatCommand(Repeats repeats, CommandSupport support) {
        this.repeats = repeats;
        this.support = support;
    }

    /** For Declarative Services. */
    public RepeatCommand() {
    }

    @Override
    public int execute(List<String> args, PrintStream out, PrintStream err) throws InterruptedException {
        CommandSupport.Args parsed;
        int times;
        int parallel;
        Long seed;
        Cluster cluster;
        try {
            parsed = CommandSupport.Args.parse(args, Set.of("--times", "--seed", "--parallel", "--out",
                    CommandSupport.SPARK));
            if (parsed.positional().size() != 1) {
                throw new IllegalArgumentException(parsed.positional().isEmpty() ? "no pipeline file given"
                        : "one pipeline file at a time (got " + String.join(", ", parsed.positional()) + ")");
            }
            Integer t = parsed.integer("--times", 1);
            Integer p = parsed.integer("--parallel", 1);
            times = t == null ? 5 : t;
            parallel = p == null ? org.cajal.experiments.internal.exec.TrialExecutor.DEFAULT_PARALLEL : p;
            seed = parsed.whole("--seed");
            cluster = parsed.cluster();
        } catch (IllegalArgumentException e) {
            err.println("cajal repeat: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        Path runs = parsed.options().containsKey("--out") ? Path.of(parsed.options().get("--out"))
                : support.defaultRuns();
        try {
            PipelineSource source = PipelineSource.of(support.locate(Path.of(parsed.positional().get(0))));
            long first = seed != null ? seed : PipelineTree.of(source).seed();
            Experiment experiment = repeats.repeat(source, runs, times, first, parallel, cluster,
                    CommandSupport.printer(out));
            out.println("repeats folder: " + experiment.folder() + " (seeds " + first + " to " + (first + times - 1)
                    + ")");
            var trials = CommandSupport.await(experiment);
            long finished = trials.stream().filter(t -> t.finished()).count();
            if (finished == 0) {
                err.println("error: no repeat finished; see the messages above");
                return 1;
            }
            Repeats.RepeatSummary summary = repeats.summary(experiment.folder());
            out.println();
            out.println("over " + finished + " seed" + (finished == 1 ? "" : "s")
                    + (summary.folds() > 1 ? " × " + summary.folds() + " folds" : "")
                    + ": mean ± sd (95% confidence interval of the mean: t on the logit scale for accuracies, on the"
                    + " log scale for losses; it stays inside the metric's range)");
            for (Map.Entry<String, Summary> e : summary.metrics().entrySet()) {
                out.printf(java.util.Locale.ROOT, "  %-16s %s%n", e.getKey(), e.getValue().format(4));
            }
            out.println("summary: " + experiment.folder().resolve(ExperimentFiles.SUMMARY));
            out.println("curves (mean with 95% band per epoch): " + experiment.folder().resolve(ExperimentFiles.CURVES));
            return 0;
        } catch (PipelineException | IOException e) {
            err.println("error: " + org.cajal.runfolder.FileMessages.of(e));
            return 1;
        }
    }
}
