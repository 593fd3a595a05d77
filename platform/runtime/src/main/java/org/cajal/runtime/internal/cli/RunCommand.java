package org.cajal.runtime.internal.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

import org.cajal.api.pipeline.PipelineDocument;
import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.PipelineExecutor;
import org.cajal.api.pipeline.PipelineFormat;
import org.cajal.api.pipeline.RunHandle;
import org.cajal.api.pipeline.RunOptions;
import org.cajal.api.pipeline.RunResult;
import org.cajal.launcher.spi.CajalProperties;
import org.cajal.launcher.spi.CommandArguments;
import org.cajal.launcher.spi.LauncherCommand;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cajal run FILE [--out DIR] [--seed N]}: runs a pipeline headless with a progress bar, prints the
 * evaluation and the run folder. Errors are one clear message (file, JSON path, how to fix), never a stack trace.
 * Also serves the Gogo shell's {@code cajal:run}.
 */
@Component(service = {LauncherCommand.class, RunCommand.class},
        property = {LauncherCommand.NAME_PROPERTY + "=run",
                "osgi.command.scope=cajal", "osgi.command.function=run"})
public class RunCommand implements LauncherCommand {

    static final String USAGE = "usage: cajal run FILE [--out DIR] [--seed N]\n"
            + "  FILE        a pipeline JSON file, e.g. examples/xor.json\n"
            + "  --out DIR   folder under which the run folder is created (default ~/.cajal/runs)\n"
            + "  --seed N    override the pipeline's seed";

    @Reference
    PipelineFormat format;

    @Reference
    PipelineExecutor executor;

    private Path defaultRuns = CajalProperties.runsDirectory(System::getProperty);
    /** The distribution folder (which holds {@code examples/}), or null. */
    private Path home;

    @Activate
    void activate(BundleContext context) {
        defaultRuns = CajalProperties.runsDirectory(context::getProperty);
        home = CajalProperties.home(context::getProperty);
    }

    /**
     * The pipeline file: as given, or — when a relative path does not exist here — the same path inside the
     * distribution folder, so {@code cajal run examples/xor.json} finds the shipped examples from anywhere.
     */
    Path locate(Path file) {
        if (home == null || file.isAbsolute() || java.nio.file.Files.exists(file)) {
            return file;
        }
        Path shipped = home.resolve(file);
        return java.nio.file.Files.exists(shipped) ? shipped : file;
    }

    /** Gogo entry point: {@code cajal:run examples/xor.json --out /tmp/runs}. */
    public void run(String... args) throws InterruptedException {
        execute(List.of(args), System.out, System.out);
    }

    @Override
    public int execute(List<String> args, PrintStream out, PrintStream err) throws InterruptedException {
        RunArguments parsed;
        try {
            parsed = RunArguments.parse(args, defaultRuns);
        } catch (IllegalArgumentException e) {
            err.println("cajal run: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            PipelineDocument doc = format.read(locate(parsed.file()));
            RunHandle handle = executor.start(doc, new RunOptions(parsed.runs(), parsed.seed()),
                    new ConsoleProgress(out, System.console() != null && out == System.out));
            out.println("run " + handle.runId() + " -> " + handle.folder());
            RunResult result = handle.await();
            new EvaluationReport(out).print(result);
            return 0;
        } catch (PipelineException e) {
            err.println("error: " + org.cajal.runfolder.FileMessages.of(e));
            return 1;
        }
    }

    /** Parsed command-line arguments. */
    record RunArguments(Path file, Path runs, OptionalLong seed) {

        /** The command line as picocli reads it. */
        static final class Options {
            @Parameters(index = "0", arity = "0..1", paramLabel = "FILE") Path file;
            @Option(names = "--out") Path out;
            @Option(names = "--seed") Long seed;
        }

        static RunArguments parse(List<String> args, Path defaultRuns) {
            Options o = CommandArguments.parse(new Options(), args);
            if (o.file == null) {
                throw new IllegalArgumentException("no pipeline file given");
            }
            return new RunArguments(o.file, o.out != null ? o.out : defaultRuns,
                    o.seed != null ? OptionalLong.of(o.seed) : OptionalLong.empty());
        }
    }
}
