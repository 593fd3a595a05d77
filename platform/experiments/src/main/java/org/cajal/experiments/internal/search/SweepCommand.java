package org.cajal.experiments.internal.search;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.cajal.api.pipeline.PipelineException;
import org.cajal.experiments.Cluster;
import org.cajal.experiments.Experiment;
import org.cajal.api.run.ExperimentFiles;
import org.cajal.experiments.PipelineSource;
import org.cajal.experiments.Searches;
import org.cajal.experiments.internal.exec.CommandSupport;
import org.cajal.launcher.spi.LauncherCommand;
import org.cajal.runfolder.CsvTable;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code cajal sweep FILE --param PATH --values 1,2,4,8 [--repeats N] [--parallel N] [--out DIR]}: a capacity
 * sweep; prints each run as it ends, then sweep.csv as a table and where sweep.png / sweep.svg are.
 */
@Component(service = LauncherCommand.class, property = LauncherCommand.NAME_PROPERTY + "=sweep")
public class SweepCommand implements LauncherCommand {

    static final String USAGE = "usage: cajal sweep FILE --param PATH --values V1,V2,... [--repeats N] [--parallel N]"
            + " [--out DIR]\n"
            + "  FILE          a pipeline JSON file\n"
            + "  --param PATH  the parameter varied, e.g. model.layers[0].params.units, training.epochs, or depth\n"
            + "                (the number of hidden layers: the first hidden layer repeated)\n"
            + "  --values      comma-separated numbers, e.g. 1,2,4,8,16\n"
            + "  --repeats N   seeds per value (default 1; the errors are averaged)\n"
            + "  --parallel N  runs at once (default: one per core)\n"
            + "  --out DIR     folder under which the sweep folder is created (default ~/.cajal/runs)\n"
            + CommandSupport.SPARK_USAGE.stripTrailing();

    @Reference
    Searches searches;

    private CommandSupport support = new CommandSupport(null);

    @Activate
    void activate(BundleContext context) {
        support = new CommandSupport(context);
    }

    /** For tests. */
    SweepCommand(Searches searches, CommandSupport support) {
        this.searches = searches;
        this.support = support;
    }

    /** For Declarative Services. */
    public SweepCommand() {
    }

    /** "1,2,4.5" → [1, 2, 4.5] (whole numbers as Long). */
    static List<Object> values(String text) {
        List<Object> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String s = part.trim();
            if (s.isEmpty()) {
                continue;
            }
            try {
                out.add(Long.parseLong(s));
            } catch (NumberFormatException e) {
                try {
                    double d = Double.parseDouble(s);
                    if (!Double.isFinite(d)) {
                        throw new NumberFormatException();
                    }
                    out.add(d);
                } catch (NumberFormatException e2) {
                    throw new IllegalArgumentException("--values: '" + s + "' is not a number (write e.g. 1,2,4,8)");
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("--values needs at least one number, e.g. 1,2,4,8");
        }
        return out;
    }

    @Override
    public int execute(List<String> args, PrintStream out, PrintStream err) throws InterruptedException {
        CommandSupport.Args parsed;
        List<Object> values;
        int repeats;
        int parallel;
        Cluster cluster;
        try {
            parsed = CommandSupport.Args.parse(args, Set.of("--param", "--values", "--repeats", "--parallel", "--out",
                    CommandSupport.SPARK));
            if (parsed.positional().size() != 1) {
                throw new IllegalArgumentException(parsed.positional().isEmpty() ? "no pipeline file given"
                        : "one pipeline file at a time (got " + String.join(", ", parsed.positional()) + ")");
            }
            if (!parsed.options().containsKey("--param")) {
                throw new IllegalArgumentException("--param is required");
            }
            if (!parsed.options().containsKey("--values")) {
                throw new IllegalArgumentException("--values is required");
            }
            values = values(parsed.options().get("--values"));
            Integer r = parsed.integer("--repeats", 1);
            Integer p = parsed.integer("--parallel", 1);
            repeats = r == null ? 1 : r;
            parallel = p == null ? org.cajal.experiments.internal.exec.TrialExecutor.DEFAULT_PARALLEL : p;
            cluster = parsed.cluster();
        } catch (IllegalArgumentException e) {
            err.println("cajal sweep: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        Path runs = parsed.options().containsKey("--out") ? Path.of(parsed.options().get("--out"))
                : support.defaultRuns();
        try {
            PipelineSource source = PipelineSource.of(support.locate(Path.of(parsed.positional().get(0))));
            Experiment experiment = searches.sweep(source, new Searches.SweepOptions(runs,
                    parsed.options().get("--param"), values, repeats, parallel, cluster), CommandSupport.printer(out));
            out.println("sweep folder: " + experiment.folder());
            var trials = CommandSupport.await(experiment);
            Path csv = experiment.folder().resolve(ExperimentFiles.SWEEP);
            if (!Files.isRegularFile(csv) || trials.stream().noneMatch(t -> t.finished())) {
                err.println("error: no run of the sweep finished; see the messages above");
                return 1;
            }
            out.println();
            CsvTable table = CsvTable.read(csv);
            List<List<String>> rows = new ArrayList<>();
            rows.add(table.header());
            table.rows().forEach(row -> rows.add(row.stream().map(SweepCommand::shorten).toList()));
            CommandSupport.table(rows, out);
            out.println("table: " + csv);
            out.println("chart: " + experiment.folder().resolve("sweep.png") + " and sweep.svg");
            return 0;
        } catch (PipelineException | IOException e) {
            err.println("error: " + org.cajal.runfolder.FileMessages.of(e));
            return 1;
        }
    }

    private static String shorten(String cell) {
        try {
            return CommandSupport.format(Double.parseDouble(cell));
        } catch (NumberFormatException e) {
            return cell;
        }
    }
}
