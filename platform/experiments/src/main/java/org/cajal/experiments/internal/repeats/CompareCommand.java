package org.cajal.experiments.internal.repeats;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.cajal.experiments.Comparison;
import org.cajal.experiments.Repeats;
import org.cajal.experiments.internal.exec.CommandSupport;
import org.cajal.launcher.spi.LauncherCommand;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code cajal compare A B [--metric M]}: the corrected resampled t-test between two repeats folders (paired by
 * seed) or two k-fold run folders (paired by fold); prints the numbers and the verdict.
 */
@Component(service = LauncherCommand.class, property = LauncherCommand.NAME_PROPERTY + "=compare")
public class CompareCommand implements LauncherCommand {

    static final String USAGE = "usage: cajal compare A B [--metric M]\n"
            + "  A, B        two repeats folders (made by cajal repeat, same seeds) or two k-fold run folders\n"
            + "              (same seed and split)\n"
            + "  --metric M  an evaluation number, e.g. accuracy, f1, mse (default: the first both have)";

    @Reference
    Repeats repeats;

    /** For tests. */
    CompareCommand(Repeats repeats) {
        this.repeats = repeats;
    }

    /** For Declarative Services. */
    public CompareCommand() {
    }

    @Override
    public int execute(List<String> args, PrintStream out, PrintStream err) {
        CommandSupport.Args parsed;
        try {
            parsed = CommandSupport.Args.parse(args, Set.of("--metric"));
            if (parsed.positional().size() != 2) {
                throw new IllegalArgumentException("give two folders to compare (got " + parsed.positional().size()
                        + ")");
            }
        } catch (IllegalArgumentException e) {
            err.println("cajal compare: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        Path a = Path.of(parsed.positional().get(0));
        Path b = Path.of(parsed.positional().get(1));
        try {
            Comparison c = repeats.compare(a, b, parsed.options().get("--metric"));
            out.println("A: " + a);
            out.println("B: " + b);
            out.printf(Locale.ROOT, "%s over %d pairs: A %s, B %s%n", c.metric(), c.n(), f(c.meanA()), f(c.meanB()));
            out.printf(Locale.ROOT, "difference A − B: %s (sd %s; corrected 95%% CI %s to %s)%n",
                    f(c.meanDifference()), f(c.sdDifference()), f(c.ciLow()), f(c.ciHigh()));
            out.printf(Locale.ROOT, "corrected resampled t-test (Nadeau & Bengio): t = %s, df = %d, p = %s; "
                    + "effect size d = %s%n", f(c.t()), c.df(), f(c.p()), f(c.effectSize()));
            out.println("verdict: " + c.verdict());
            return 0;
        } catch (IOException e) {
            err.println("error: " + org.cajal.runfolder.FileMessages.of(e));
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("error: " + org.cajal.runfolder.FileMessages.of(e));
            return 1;
        }
    }

    private static String f(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "-";
    }
}
