package org.cajal.experiments.internal.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.cajal.experiments.Reproducibility;
import org.cajal.experiments.RunStore;
import org.cajal.experiments.internal.store.OneAndOut;
import org.cajal.experiments.internal.store.RunsCommand;
import org.cajal.launcher.spi.LauncherCommand;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code cajal report RUN_OR_EXPERIMENT [--out DIR]}: writes the methods paragraph, result tables and charts. */
@Component(service = LauncherCommand.class, property = LauncherCommand.NAME_PROPERTY + "=report")
public class ReportCommand implements LauncherCommand {

    static final String USAGE = """
            usage: cajal report RUN_OR_EXPERIMENT [--out DIR]
              RUN_OR_EXPERIMENT  a run or experiment folder, or its name in the runs directory
              --out DIR          where to write the report (default: the folder's report/ sub-folder)""";

    @Reference
    Reproducibility reproducibility;

    @Reference
    RunStore store;

    @Override
    public int execute(List<String> args, PrintStream out, PrintStream err) {
        OneAndOut parsed;
        try {
            parsed = OneAndOut.parse(args, "no run or experiment folder given");
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        String folderArg = parsed.one();
        Path dir = parsed.out();
        try {
            Path folder = RunsCommand.resolve(folderArg, store.directory());
            List<Path> files = reproducibility.report(folder, dir == null ? folder.resolve("report") : dir);
            out.println("report of " + folder + ":");
            files.forEach(f -> out.println("  " + f));
            return 0;
        } catch (IOException e) {
            err.println("error: " + org.cajal.runfolder.FileMessages.of(e));
            return 1;
        }
    }

    private static int usage(PrintStream err, String message) {
        err.println("cajal report: " + message);
        err.println(USAGE);
        return 2;
    }
}
