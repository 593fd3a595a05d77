package org.cajal.experiments.internal.repro;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.cajal.experiments.Reproducibility;
import org.cajal.experiments.RunStore;
import org.cajal.experiments.internal.store.FolderFiles;
import org.cajal.runfolder.Json;
import org.cajal.experiments.internal.store.OneAndOut;
import org.cajal.experiments.internal.store.RunsCommand;
import org.cajal.launcher.spi.LauncherCommand;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code cajal bundle RUN_OR_EXPERIMENT [--out FILE.zip]}: writes a reproducibility bundle. */
@Component(service = LauncherCommand.class, property = LauncherCommand.NAME_PROPERTY + "=bundle")
public class BundleCommand implements LauncherCommand {

    static final String USAGE = """
            usage: cajal bundle RUN_OR_EXPERIMENT [--out FILE.zip]
              RUN_OR_EXPERIMENT  a run or experiment folder, or its name in the runs directory
              --out FILE.zip     where to write the bundle (default: the folder's name + .zip, beside it)""";

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
        Path zip = parsed.out();
        try {
            Path folder = RunsCommand.resolve(folderArg, store.directory());
            Path target = zip != null ? zip : folder.resolveSibling(folder.getFileName() + ".zip");
            Path written = reproducibility.bundle(folder, target);
            out.println("bundle: " + written + " (" + Files.size(written) / 1024 + " KiB)");
            describe(written, out);
            return 0;
        } catch (IOException e) {
            err.println("error: " + org.cajal.runfolder.FileMessages.of(e));
            return 1;
        }
    }

    private static void describe(Path zip, PrintStream out) throws IOException {
        try (var fs = java.nio.file.FileSystems.newFileSystem(zip)) {
                Map<String, Object> bundle = Json.parseObject(
                        Files.readString(fs.getPath("/" + BundleWriter.BUNDLE_JSON)));
                if (bundle == null) {
                    throw new IOException(zip + "!bundle.json: not a valid JSON object");
                }
                List<Object> runs = FolderFiles.array(bundle, "runs");
                long data = runs.stream().flatMap(r -> FolderFiles.array(cast(r), "dataFiles").stream())
                        .filter(f -> FolderFiles.string(cast(f), "entry") != null).map(f -> FolderFiles.string(cast(f), "sha256"))
                        .distinct().count();
                out.println("  " + bundle.get("kind") + ", " + runs.size() + (runs.size() == 1 ? " run" : " runs")
                    + ", " + data + (data == 1 ? " data file" : " data files") + " included");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }

    private static int usage(PrintStream err, String message) {
        err.println("cajal bundle: " + message);
        err.println(USAGE);
        return 2;
    }
}
