package org.cajal.runtime.internal.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.PipelineExecutor;
import org.cajal.api.pipeline.RunHandle;
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
 * {@code cajal resume RUN [--out DIR]}: continues an interrupted run (killed, crashed, the machine switched off) in
 * its own folder from its last checkpoint, with the same progress and report as {@code cajal run}. RUN is a run
 * folder, or a run id under the runs folder. A run that has ended, is still running, or has no checkpoint is refused
 * with what to do instead.
 */
@Component(service = LauncherCommand.class, property = LauncherCommand.NAME_PROPERTY + "=resume")
public class ResumeCommand implements LauncherCommand {

    static final String USAGE = "usage: cajal resume RUN [--out DIR]\n"
            + "  RUN         an interrupted run: its folder, or its id (as cajal runs lists it)\n"
            + "  --out DIR   the runs folder a run id is looked up in (default ~/.cajal/runs)";

    @Reference
    PipelineExecutor executor;

    private Path defaultRuns = CajalProperties.runsDirectory(System::getProperty);

    @Activate
    void activate(BundleContext context) {
        defaultRuns = CajalProperties.runsDirectory(context::getProperty);
    }

    /** The command line as picocli reads it. */
    static final class Options {
        @Parameters(index = "0", arity = "0..1", paramLabel = "RUN") String run;
        @Option(names = "--out") Path out;
    }

    @Override
    public int execute(List<String> args, PrintStream out, PrintStream err) throws InterruptedException {
        Options o;
        try {
            o = CommandArguments.parse(new Options(), args);
            if (o.run == null) {
                throw new IllegalArgumentException("no run given");
            }
        } catch (IllegalArgumentException e) {
            err.println("cajal resume: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        Path run = locate(o.run, o.out != null ? o.out : defaultRuns);
        try {
            RunHandle handle = executor.resume(run, new ConsoleProgress(out,
                    System.console() != null && out == System.out));
            out.println("resuming run " + handle.runId() + " -> " + handle.folder());
            RunResult result = handle.await();
            new EvaluationReport(out).print(result);
            return 0;
        } catch (PipelineException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    /** A folder as given when it exists, else the run of that id under the runs folder. */
    static Path locate(String run, Path runs) {
        Path given = Path.of(run);
        if (Files.isDirectory(given) || given.getNameCount() > 1 || given.isAbsolute()) {
            return given;
        }
        return runs.resolve(run);
    }
}
