package org.cajal.launcher;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * What the user asked for on the command line.
 *
 * <p>Launcher options ({@code -v}/{@code --verbose}, {@code -h}/{@code --help}, {@code --version}) come before the
 * command. After the command name only {@code -v}/{@code --verbose} is still the launcher's; everything else, in
 * order, belongs to the command, and everything after a {@code --} belongs to it verbatim.
 *
 * @param command what to do
 * @param arguments the command's own arguments (for {@code run}: the pipeline file and its options)
 * @param verbose whether to log at info level and print bundle states
 * @param error a usage error to report (then {@code command} is {@link Command#HELP}), or {@code null}
 */
record CommandLine(Command command, String name, List<String> arguments, boolean verbose, String error) {

    /** The things {@code cajal} can do. */
    enum Command {
        /** No command: the workbench window (the workbench bundle's "workbench" command). */
        WORKBENCH,
        /** Run a pipeline file headless through the {@code run} launcher command. */
        RUN,
        /** Any other name: the launcher command a bundle registered under that name ({@code docs}, ...). */
        BUNDLE,
        /** The Gogo shell on the running framework. */
        SHELL,
        HELP,
        VERSION
    }

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: cajal [-v] [COMMAND [ARGS...]]",
            "",
            "Commands:",
            "  run FILE [--out DIR] [--seed N]   run a pipeline file without a window and write a run folder",
            "  resume RUN                        continue an interrupted run (killed, crashed) from its last checkpoint",
            "  shell                             start Cajal with the Gogo shell (type 'lb' to list bundles, 'stop 0' to quit)",
            "  predict RUN_FOLDER INPUT.csv [--out FILE]   a trained model predicts on raw CSV rows",
            "  docs [DIR]                        write the component reference (DIR/components.md, default docs/)",
            "  plot RUN_FOLDER [--out DIR] [--width W] [--height H]   draw every visualiser's chart to PNG and SVG",
            "  search FILE [--trials N] [--parallel N] [--out DIR]   grid or random search (the file's \"search\" section);",
            "                                    started again, it resumes without redoing finished trials",
            "  repeat FILE [--times N] [--seed S] [--parallel N]   n runs over seeds: mean ± sd, 95% CI, curve bands",
            "  compare A B [--metric M]          corrected resampled t-test of two repeats or k-fold runs, with a verdict",
            "  sweep FILE --param PATH --values 1,2,4 [--repeats N]   capacity sweep: train/validation/test error",
            "  runs [list|tag|delete|compare] ...   the run store: list, filter, tag, delete, compare, overlay",
            "  bundle RUN [--out FILE.zip]       a reproducibility bundle of a run or experiment",
            "  rerun BUNDLE.zip [--out DIR]      run a bundle again and check its numbers are identical",
            "  report RUN [--out DIR]            methods paragraph, tables (Markdown, LaTeX, CSV), charts (SVG, PNG)",
            "  explain RUN [--split PART] [--row N]   permutation importance with intervals, partial dependence",
            "                                    and ICE curves, one row's Shapley attributions (RUN/explain/)",
            "  export RUN --format onnx|pytorch [--out DIR]   the trained network as ONNX, or a PyTorch script",
            "  search, repeat and sweep take --spark MASTER [--spark-conf K=V]: run the trials on Apache Spark",
            "  NAME [ARGS...]                    any other command a bundle provides",
            "  (none), or workbench [FILE]      the workbench window (optionally opening a pipeline file)",
            "",
            "Options:",
            "  -v, --verbose   log at info level and print every bundle's state",
            "  -h, --help      print this help",
            "  --version       print Cajal's version",
            "",
            "Exit status: 0 success, 1 the input was at fault, 2 usage error,",
            "             3 the command is not available (a bundle did not start),",
            "             4 the command failed unexpectedly (a bug).",
            "Environment: JAVA_HOME, CAJAL_OPTS / JAVA_OPTS (JVM options),",
            "             OMP_NUM_THREADS (default: the number of cores).");

    /** The commands {@link #USAGE} documents: missing, they are unavailable rather than unknown. */
    static final Set<String> DOCUMENTED = Set.of("run", "resume", "shell", "predict", "docs", "plot", "search", "repeat",
            "compare", "sweep", "runs", "bundle", "rerun", "report", "explain", "export", "workbench");

    /** The launcher's own option, wherever it stands before a {@code --}; all other words go to the command. */
    static final class LauncherOptions {
        @picocli.CommandLine.Option(names = {"-v", "--verbose"})
        boolean verbose;
        @picocli.CommandLine.Parameters
        List<String> words = new ArrayList<>();
    }

    static CommandLine parse(List<String> args) {
        LauncherOptions options = new LauncherOptions();
        try {
            new picocli.CommandLine(options).setUnmatchedOptionsArePositionalParams(true)
                    .setPosixClusteredShortOptionsAllowed(false).parseArgs(args.toArray(String[]::new));
        } catch (picocli.CommandLine.ParameterException e) {
            return usageError(e.getMessage(), options.verbose);
        }
        boolean verbose = options.verbose;
        List<String> words = options.words;
        if (words.isEmpty()) {
            return new CommandLine(Command.WORKBENCH, "workbench", List.of(), verbose, null);
        }
        String name = words.get(0);
        List<String> rest = List.copyOf(words.subList(1, words.size()));
        return switch (name) {
            case "-h", "--help", "help" -> new CommandLine(Command.HELP, "help", List.of(), verbose, null);
            case "--version" -> new CommandLine(Command.VERSION, "version", List.of(), verbose, null);
            case "run" -> rest.isEmpty() ? usageError("run needs a pipeline FILE", verbose)
                    : new CommandLine(Command.RUN, "run", rest, verbose, null);
            case "shell" -> rest.isEmpty() ? new CommandLine(Command.SHELL, "shell", List.of(), verbose, null)
                    : usageError("shell takes no arguments, got " + rest, verbose);
            default -> name.startsWith("-") ? usageError("unknown option " + name, verbose)
                    : name.matches("[a-z][a-z0-9-]*") ? new CommandLine(Command.BUNDLE, name, rest, verbose, null)
                    : usageError("unknown command '" + name + "'", verbose);
        };
    }

    /** {@code " (did you mean 'run'?)"} for the candidate nearest a mistyped name, or empty when none is close. */
    static String didYouMean(String name, Collection<String> candidates) {
        return candidates.stream().filter(c -> typos(name, c) <= Math.max(2, c.length() / 3))
                .min(Comparator.comparingInt((String c) -> typos(name, c)).thenComparing(Comparator.naturalOrder()))
                .map(c -> " (did you mean '" + c + "'?)").orElse("");
    }

    /** Typing mistakes between two words: letters inserted, deleted, replaced or swapped with their neighbour. */
    static int typos(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                if (i == 0 || j == 0) {
                    d[i][j] = i + j;
                    continue;
                }
                int replace = d[i - 1][j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                d[i][j] = Math.min(replace, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static CommandLine usageError(String message, boolean verbose) {
        return new CommandLine(Command.HELP, "help", List.of(), verbose, message);
    }
}
