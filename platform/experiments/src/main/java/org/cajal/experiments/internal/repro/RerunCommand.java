package org.cajal.experiments.internal.repro;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.cajal.api.pipeline.PipelineException;
import org.cajal.experiments.ExperimentListener;
import org.cajal.experiments.Reproducibility;
import org.cajal.experiments.Reproducibility.Rerun;
import org.cajal.experiments.RunStore;
import org.cajal.experiments.Trial;
import org.cajal.experiments.internal.store.OneAndOut;
import org.cajal.launcher.spi.LauncherCommand;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code cajal rerun BUNDLE.zip [--out DIR]}: runs a bundle again and compares the numbers; exit 0 when every
 * number is identical, 1 when some differ (they are printed) or the bundle cannot run here.
 */
@Component(service = LauncherCommand.class, property = LauncherCommand.NAME_PROPERTY + "=rerun")
public class RerunCommand implements LauncherCommand {

    static final String USAGE = """
            usage: cajal rerun BUNDLE.zip [--out DIR]
              BUNDLE.zip  a bundle written by cajal bundle
              --out DIR   folder under which the new run folders are created (default ~/.cajal/runs)""";

    @Reference
    Reproducibility reproducibility;

    @Reference
    RunStore store;

    @Override
    public int execute(List<String> args, PrintStream out, PrintStream err) {
        OneAndOut parsed;
        try {
            parsed = OneAndOut.parse(args, "no bundle given");
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        Path zip = Path.of(parsed.one());
        Path runs = parsed.out();
        try {
            Rerun rerun = reproducibility.rerun(zip, runs == null ? store.directory() : runs, new ExperimentListener() {
                @Override
                public void trialStarted(int trial, int trials, java.util.Map<String, Object> params, long seed) {
                    out.println("run " + trial + " of " + trials + " (seed " + seed + ")");
                }

                @Override
                public void trialFinished(Trial trial) {
                    out.println("  -> " + trial.run());
                }

                @Override
                public void message(String text) {
                    out.println("  " + text);
                }
            });
            List<String> numbers = rerun.differences().stream().filter(d -> !d.contains("(informational)")).toList();
            List<String> info = rerun.differences().stream().filter(d -> d.contains("(informational)")).toList();
            if (rerun.identical()) {
                out.println("identical: every number of evaluation.json and metrics.csv equals the bundle's to the last bit");
            } else {
                out.println("NOT identical: " + numbers.size() + (numbers.size() == 1 ? " difference" : " differences") + ":");
            }
            numbers.forEach(d -> out.println("  " + d));
            if (!info.isEmpty()) {
                out.println("environment differences:");
                info.forEach(d -> out.println("  " + d));
            }
            out.println("rerun: " + rerun.folder());
            return rerun.identical() ? 0 : 1;
        } catch (IOException | PipelineException e) {
            err.println("error: " + org.cajal.runfolder.FileMessages.of(e));
            return 1;
        }
    }

    private static int usage(PrintStream err, String message) {
        err.println("cajal rerun: " + message);
        err.println(USAGE);
        return 2;
    }
}
