package org.cajal.visualisers;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cajal.api.Parameters;
import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.RunReader;
import org.cajal.api.visual.Drawing;
import org.cajal.api.visual.RunRecord;
import org.cajal.api.visual.Visualiser;
import org.cajal.charts.ChartDrawings;
import org.cajal.launcher.spi.CommandArguments;
import org.cajal.launcher.spi.LauncherCommand;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import picocli.CommandLine.Option;

/**
 * {@code cajal plot RUN_FOLDER [--out DIR] [--width W] [--height H] [--set VISUALISER.PARAM=VALUE]...}: every
 * installed visualiser that has something to show for the run renders it with its default parameters, except those
 * that {@code --set} gives (checked against the visualiser's parameter specs before anything is drawn), written as
 * {@code <id>.png} and {@code <id>.svg} into DIR (default RUN_FOLDER/plots). A visualiser that fails is reported by id with its message; the others are
 * still written, and the exit status is then 1. It lives beside the visualisers so that the runtime need not
 * know charts; it draws every visualiser registered, those of plugins included.
 */
@Component(service = LauncherCommand.class, property = LauncherCommand.NAME_PROPERTY + "=plot")
public class PlotCommand implements LauncherCommand {

    static final String USAGE = "usage: cajal plot RUN_FOLDER [--out DIR] [--width W] [--height H] "
            + "[--set VISUALISER.PARAM=VALUE]...\n"
            + "  RUN_FOLDER  a folder that cajal run wrote\n"
            + "  --out DIR   where the PNG and SVG files go (default RUN_FOLDER/plots)\n"
            + "  --width W   image width in pixels (default " + Arguments.WIDTH + ")\n"
            + "  --height H  image height in pixels (default " + Arguments.HEIGHT + ")\n"
            + "  --set V.P=X a visualiser's parameter, e.g. decision-boundary.resolution=200 (repeatable; "
            + "cajal docs lists them)";

    @Reference
    RunReader reader;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<Visualiser> installed = List.of();

    @Override
    public int execute(List<String> args, PrintStream out, PrintStream err) {
        Arguments parsed;
        try {
            parsed = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("cajal plot: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        RunRecord record;
        try {
            record = reader.record(parsed.run());
        } catch (PipelineException e) {
            err.println("error: " + org.cajal.runfolder.FileMessages.of(e));
            return 1;
        }
        return plot(record, visualisers(), parsed, out, err);
    }

    /** The installed visualisers, one per id (the first registered wins), in id order. */
    private List<Visualiser> visualisers() {
        Map<String, Visualiser> byId = new LinkedHashMap<>();
        for (Visualiser v : installed) {
            byId.putIfAbsent(v.id(), v);
        }
        List<Visualiser> out = new ArrayList<>(byId.values());
        out.sort(Comparator.comparing(Visualiser::id));
        return out;
    }

    static int plot(RunRecord record, List<Visualiser> visualisers, Arguments args, PrintStream out,
                    PrintStream err) {
        if (visualisers.isEmpty()) {
            err.println("error: no visualiser is installed (is the visualisers bundle missing from plugins/?)");
            return 1;
        }
        VisualiserSettings settings;
        try {
            settings = VisualiserSettings.parse(args.set(), visualisers);
        } catch (IllegalArgumentException e) {
            err.println("cajal plot: " + e.getMessage());
            return 2;
        }
        Path dir = args.out() != null ? args.out() : record.folder().resolve("plots");
        int written = 0;
        int failed = 0;
        for (Visualiser v : visualisers) {
            String id = v.id();
            try {
                if (!v.accepts(record)) {
                    if (settings.visualisers().contains(id)) {
                        err.println("note: --set for '" + id + "' is not used: it has nothing to show for run "
                                + record.runId());
                    }
                    continue;
                }
                Drawing drawing = v.render(record, Parameters.resolve(v.descriptor(), settings.of(id),
                        Path.of("").toAbsolutePath()));
                Files.createDirectories(dir);
                Path png = dir.resolve(id + ".png");
                ChartDrawings.writePng(drawing, args.width(), args.height(), png);
                out.println("wrote " + png.toAbsolutePath());
                Path svg = dir.resolve(id + ".svg");
                ChartDrawings.writeSvg(drawing, args.width(), args.height(), svg);
                out.println("wrote " + svg.toAbsolutePath());
                written++;
            } catch (IOException e) {
                failed++;
                err.println("error: visualiser '" + id + "': cannot write into " + dir + ": " + e.getMessage());
            } catch (RuntimeException | LinkageError e) {
                failed++;
                err.println("error: visualiser '" + id + "' failed: " + describe(e));
            }
        }
        if (written == 0 && failed == 0) {
            out.println("nothing to plot: none of the installed visualisers has something to show for run "
                    + record.runId());
        }
        return failed == 0 ? 0 : 1;
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null || e.getMessage().isBlank()
                || e instanceof NullPointerException || e instanceof ClassCastException
                ? "an unexpected fault with no message for you (please report it)" : e.getMessage();
    }

    /** Parsed command-line arguments. */
    record Arguments(Path run, Path out, int width, int height, List<String> set) {

        static final int WIDTH = 800;
        static final int HEIGHT = 600;

        /** Largest image side, a guard against typos such as 80000. */
        static final int MAX_SIDE = 10_000;

        /** The command line as picocli reads it. */
        static final class Options {
            @picocli.CommandLine.Parameters(index = "0", arity = "0..1", paramLabel = "RUN_FOLDER") Path run;
            @Option(names = "--out") Path out;
            @Option(names = "--width") String width = String.valueOf(WIDTH);
            @Option(names = "--height") String height = String.valueOf(HEIGHT);
            @Option(names = "--set") List<String> set = new ArrayList<>();
        }

        static Arguments parse(List<String> args) {
            Options o = CommandArguments.parse(new Options(), args);
            if (o.run == null) {
                throw new IllegalArgumentException("no run folder given");
            }
            return new Arguments(o.run, o.out, size(o.width, "--width"), size(o.height, "--height"),
                    List.copyOf(o.set));
        }

        private static int size(String text, String option) {
            try {
                int v = Integer.parseInt(text);
                if (v >= 1 && v <= MAX_SIDE) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(option + " needs a whole number of pixels 1 .. " + MAX_SIDE
                    + ", got '" + text + "'");
        }
    }
}
