package org.cajal.experiments.internal.store;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.cajal.api.visual.Drawing;
import org.cajal.charts.ChartDrawings;
import org.cajal.experiments.RunStore;
import org.cajal.experiments.RunStore.StoredRun;
import org.cajal.api.run.RunStatus;
import org.cajal.launcher.spi.CommandArguments;
import org.cajal.launcher.spi.LauncherCommand;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import picocli.CommandLine.Option;

/**
 * {@code cajal runs}: lists, tags, deletes and compares the runs and experiments of the runs directory. RUN is a
 * folder path or the name of a folder in the runs directory.
 */
@Component(service = LauncherCommand.class, property = LauncherCommand.NAME_PROPERTY + "=runs")
public class RunsCommand implements LauncherCommand {

    static final String USAGE = """
            usage: cajal runs [list] [--dir DIR] [--filter TEXT] [--tag T]... [--status S] [--kind K]
                   cajal runs tag RUN TAG... [--remove TAG...] [--dir DIR]
                   cajal runs delete RUN... --yes [--dir DIR]
                   cajal runs compare RUN RUN... [--plot FILE.png|FILE.svg --metric COLUMN] [--dir DIR]
              RUN            a run or experiment folder, or its name in the runs directory
              --dir DIR      the runs directory (default: the configured one, ~/.cajal/runs)
              --filter TEXT  runs whose id or pipeline name contains TEXT
              --tag T        runs with tag T (repeat for several: all must match)
              --status S     running, finished, failed, cancelled or incomplete
              --kind K       run, search, repeats or sweep
              --yes          really delete (without it, delete only lists what it would delete)
              --plot FILE    also draw the metrics.csv column --metric of every run into FILE (PNG or SVG)""";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    @Reference
    RunStore store;

    @Override
    public int execute(List<String> args, PrintStream out, PrintStream err) {
        Arguments a;
        try {
            a = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("cajal runs: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        Path dir = a.dir == null ? store.directory() : a.dir;
        try {
            return switch (a.action) {
                case "list" -> list(a, dir, out);
                case "tag" -> tag(a, dir, out);
                case "delete" -> delete(a, dir, out);
                case "compare" -> compare(a, dir, out);
                default -> throw new IllegalStateException(a.action);
            };
        } catch (UsageException e) {
            err.println("cajal runs " + a.action + ": " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (IOException | IllegalArgumentException e) {
            err.println("error: " + org.cajal.runfolder.FileMessages.of(e));
            return 1;
        }
    }

    private int list(Arguments a, Path dir, PrintStream out) throws IOException, UsageException {
        if (!a.positional.isEmpty()) {
            throw new UsageException("list takes no folder (got " + a.positional.get(0) + ")");
        }
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": no such runs directory");
        }
        List<StoredRun> runs = store.list(dir, new RunStore.Filter(a.filter, a.tags, a.status, a.kind));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("id", "kind", "pipeline", "start", "status", "tags", "headline"));
        for (StoredRun r : runs) {
            rows.add(List.of(r.id(), r.kind(), r.pipeline(), TIME.format(r.start()), r.status(),
                    String.join(",", r.tags()), headline(r.metrics())));
        }
        printTable(rows, out);
        out.println(runs.size() + (runs.size() == 1 ? " folder" : " folders") + " in " + dir);
        return 0;
    }

    /** The first metric of the run: "accuracy 0.95". */
    static String headline(Map<String, Double> metrics) {
        return metrics.entrySet().stream().findFirst()
                .map(e -> e.getKey() + " " + FolderFiles.format(e.getValue())).orElse("");
    }

    private int tag(Arguments a, Path dir, PrintStream out) throws IOException, UsageException {
        if (a.positional.isEmpty()) {
            throw new UsageException("tag needs a RUN and at least one TAG (or --remove TAG)");
        }
        List<String> add = a.positional.subList(1, a.positional.size());
        if (add.isEmpty() && a.remove.isEmpty()) {
            throw new UsageException("tag needs at least one TAG to add or one --remove TAG");
        }
        Path folder = resolve(a.positional.get(0), dir);
        Set<String> tags = store.tag(folder, add, a.remove);
        out.println(folder.getFileName() + ": tags " + (tags.isEmpty() ? "(none)" : String.join(", ", tags)));
        return 0;
    }

    private int delete(Arguments a, Path dir, PrintStream out) throws IOException, UsageException {
        if (a.positional.isEmpty()) {
            throw new UsageException("delete needs at least one RUN");
        }
        List<Path> folders = new ArrayList<>();
        for (String r : a.positional) {
            Path folder = resolve(r, dir);
            if (!org.cajal.runfolder.RunFolders.isRun(folder) && !org.cajal.runfolder.RunFolders.isExperiment(folder)) {
                throw new IOException(folder + " is neither a run folder (no provenance.json) nor an experiment "
                        + "folder (no experiment.json); nothing deleted");
            }
            folders.add(folder);
        }
        if (!a.yes) {
            out.println("would delete:");
            folders.forEach(f -> out.println("  " + f));
            out.println("add --yes to delete " + (folders.size() == 1 ? "it" : "them"));
            return 2;
        }
        for (Path folder : folders) {
            store.delete(folder);
            out.println("deleted " + folder);
        }
        return 0;
    }

    private int compare(Arguments a, Path dir, PrintStream out) throws IOException, UsageException {
        if (a.positional.isEmpty()) {
            throw new UsageException("compare needs at least one RUN");
        }
        if ((a.plot == null) != (a.metric == null)) {
            throw new UsageException("--plot and --metric go together");
        }
        List<Path> folders = new ArrayList<>();
        for (String r : a.positional) {
            folders.add(resolve(r, dir));
        }
        printTable(store.compare(folders), out);
        if (a.plot != null) {
            String name = a.plot.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!name.endsWith(".png") && !name.endsWith(".svg")) {
                throw new UsageException("--plot needs a .png or .svg file, got " + a.plot);
            }
            Drawing chart = store.overlay(folders, a.metric);
            if (name.endsWith(".png")) {
                ChartDrawings.writePng(chart, 900, 560, a.plot);
            } else {
                ChartDrawings.writeSvg(chart, 900, 560, a.plot);
            }
            out.println("chart: " + a.plot.toAbsolutePath());
        }
        return 0;
    }

    /** A RUN argument: an existing folder as given, else the folder of that name in the runs directory. */
    public static Path resolve(String run, Path dir) throws IOException {
        Path given = Path.of(run);
        if (Files.isDirectory(given)) {
            return given.toAbsolutePath().normalize();
        }
        Path inDir = dir.resolve(run);
        if (Files.isDirectory(inDir)) {
            return inDir.toAbsolutePath().normalize();
        }
        throw new IOException(run + ": no such folder, and no folder of that name in " + dir);
    }

    /** Prints rows as left-aligned columns. */
    static void printTable(List<List<String>> rows, PrintStream out) {
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] width = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == row.size() - 1 ? row.get(i) : String.format(Locale.ROOT, "%-" + width[i] + "s  ",
                        row.get(i)));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** A usage error (exit 2). */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** Parsed arguments (picocli fills the annotated fields; the action is the first word when it names one). */
    static final class Arguments {
        private static final List<String> ACTIONS = List.of("list", "tag", "delete", "compare");

        String action = "list";
        final List<String> positional = new ArrayList<>();
        @picocli.CommandLine.Parameters
        List<String> words = new ArrayList<>();
        @Option(names = "--dir") Path dir;
        @Option(names = "--filter") String filter;
        @Option(names = "--tag") Set<String> tags = new LinkedHashSet<>();
        @Option(names = "--remove", arity = "1..*") List<String> remove = new ArrayList<>();
        @Option(names = "--status") String status;
        @Option(names = "--kind") String kind;
        @Option(names = "--yes") boolean yes;
        @Option(names = "--plot") Path plot;
        @Option(names = "--metric") String metric;

        static Arguments parse(List<String> args) {
            Arguments a = CommandArguments.parse(new Arguments(), args);
            boolean named = !args.isEmpty() && ACTIONS.contains(args.get(0));
            if (named) {
                a.action = args.get(0);
            }
            a.positional.addAll(named ? a.words.subList(1, a.words.size()) : a.words);
            a.check();
            return a;
        }

        private void check() {
            boolean listing = "list".equals(action);
            if (!listing && (filter != null || !tags.isEmpty() || status != null || kind != null)) {
                throw new IllegalArgumentException("--filter, --tag, --status and --kind belong to runs list");
            }
            if (status != null && RunStatus.of(status).isEmpty() && !"incomplete".equals(status)) {
                throw new IllegalArgumentException("--status '" + status + "' is not a status; use one of "
                        + java.util.Arrays.stream(RunStatus.values()).map(RunStatus::id)
                        .collect(java.util.stream.Collectors.joining(", ")) + " or incomplete");
            }
            if (yes && !"delete".equals(action)) {
                throw new IllegalArgumentException("--yes belongs to runs delete");
            }
            if (!remove.isEmpty() && !"tag".equals(action)) {
                throw new IllegalArgumentException("--remove belongs to runs tag");
            }
            if ((plot != null || metric != null) && !"compare".equals(action)) {
                throw new IllegalArgumentException("--plot and --metric belong to runs compare");
            }
        }
    }
}
