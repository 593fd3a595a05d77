package org.cajal.explain;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cajal.api.data.DatasetException;
import org.cajal.api.trained.ExplainFiles;
import org.cajal.api.trained.TrainedRun;
import org.cajal.api.trained.TrainedRuns;
import org.cajal.explain.method.PermutationImportance;
import org.cajal.launcher.spi.CommandArguments;
import org.cajal.launcher.spi.LauncherCommand;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cajal explain RUN_FOLDER [options]}: which inputs a trained run's model uses and how its prediction moves
 * with each; writes {@link ExplainFiles} into RUN_FOLDER/explain (or {@code --out}) and prints the importance table.
 * Exit status 0 when written, 1 when the run cannot be explained (the message says why), 2 for a usage error.
 */
@Component(service = LauncherCommand.class, property = LauncherCommand.NAME_PROPERTY + "=explain")
public class ExplainCommand implements LauncherCommand {

    static final String USAGE = "usage: cajal explain RUN_FOLDER [--split PART] [--metric M] [--repeats N] [--seed S]"
            + " [--grid G] [--rows N] [--row I] [--background N] [--samples N] [--out DIR]\n"
            + "  --split PART     test, validation or train (default: test, else the part the run evaluated)\n"
            + "  --metric M       accuracy or logLoss (classification); rmse, mse, mae or r2 (regression);\n"
            + "                   default accuracy / rmse\n"
            + "  --repeats N      permutations per feature (default " + ExplainSettings.REPEATS + ")\n"
            + "  --seed S         seed of the permutations and samples (default 0)\n"
            + "  --grid G         grid points per numeric feature for partial dependence (default "
            + ExplainSettings.GRID + ")\n"
            + "  --rows N         use at most N rows of the part, drawn with the seed (default "
            + ExplainSettings.MAX_ROWS + ")\n"
            + "  --row I          the dataset row (as split.json numbers them) to attribute (default: the part's "
            + "first)\n"
            + "  --background N   training rows that stand for an absent feature in attributions (default "
            + ExplainSettings.BACKGROUND + ")\n"
            + "  --samples N      sample pairs when attributions are sampled (over 10 features; default "
            + ExplainSettings.SAMPLES + ")\n"
            + "  --out DIR        where the files go (default RUN_FOLDER/explain)";

    /** The command line as picocli reads it. */
    static final class Options {
        @Parameters(index = "0", paramLabel = "RUN_FOLDER") Path run;
        @Option(names = "--split") String split;
        @Option(names = "--metric") String metric;
        @Option(names = "--repeats") int repeats = ExplainSettings.REPEATS;
        @Option(names = "--seed") long seed;
        @Option(names = "--grid") int grid = ExplainSettings.GRID;
        @Option(names = "--rows") int rows = ExplainSettings.MAX_ROWS;
        @Option(names = "--row") int row = -1;
        @Option(names = "--background") int background = ExplainSettings.BACKGROUND;
        @Option(names = "--samples") int samples = ExplainSettings.SAMPLES;
        @Option(names = "--out") Path out;

        ExplainSettings settings() {
            if (split != null && !List.of(TrainedRun.TRAIN, TrainedRun.VALIDATION, TrainedRun.TEST).contains(split)) {
                throw new IllegalArgumentException("--split " + split + " is not a part of a run's split; use test, "
                        + "validation or train");
            }
            positive("--repeats", repeats, 1);
            positive("--grid", grid, 2);
            positive("--rows", rows, 1);
            positive("--background", background, 1);
            positive("--samples", samples, 1);
            return new ExplainSettings(split, metric, repeats, seed, grid, rows, row, background, samples);
        }

        private static void positive(String name, int value, int least) {
            if (value < least) {
                throw new IllegalArgumentException(name + " needs a whole number of at least " + least + ", got "
                        + value);
            }
        }
    }

    @Reference
    TrainedRuns runs;

    @Override
    public int execute(List<String> args, PrintStream out, PrintStream err) {
        Options options;
        ExplainSettings settings;
        try {
            options = CommandArguments.parse(new Options(), args);
            settings = options.settings();
        } catch (IllegalArgumentException e) {
            err.println("cajal explain: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        Path dir = options.out != null ? options.out : options.run.resolve(ExplainFiles.FOLDER);
        try (TrainedRun run = runs.open(options.run)) {
            Explanation e = Explanation.compute(run, settings);
            List<Path> files = new ArrayList<>(ExplainWriter.write(e, dir));
            files.addAll(ExplainCharts.write(e, dir));
            print(e, out);
            out.println("wrote " + files.size() + " files to " + dir.toAbsolutePath());
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("cajal explain: " + e.getMessage());
            return 2;
        } catch (IOException | DatasetException | RuntimeException e) {
            err.println("error: " + describe(e));
            return 1;
        }
    }

    private static void print(Explanation e, PrintStream out) {
        var imp = e.importance();
        out.printf("permutation importance on %d %s rows: loss of %s (baseline %.4g), %d repeats, 95%% interval%n",
                e.rows().indices().length, e.rows().part(), imp.metric().id(), imp.baseline(), imp.repeats());
        imp.results().stream().sorted((a, b) -> Double.compare(b.mean(), a.mean())).forEach(r -> out.printf(
                "  %-24s %10.4g  [%.4g, %.4g]%n", r.feature().name(), r.mean(), r.low(), r.high()));
        var a = e.attribution();
        out.printf("attributions of row %d: %s%n", e.attributed(), a.exact() ? "exact Shapley values"
                : "sampled Shapley values, " + a.samples() + " antithetic pairs (standard errors in "
                + ExplainFiles.ATTRIBUTIONS + ")");
    }

    static String describe(Throwable e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The importance results, sorted from most to least important (for views). */
    static List<PermutationImportance.Result> ranked(PermutationImportance.Importance imp) {
        return imp.results().stream().sorted((a, b) -> Double.compare(b.mean(), a.mean())).toList();
    }
}
