package org.cajal.runtime.internal.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.cajal.launcher.spi.LauncherCommand;
import org.cajal.runfolder.AtomicFiles;
import org.cajal.runtime.internal.InstalledComponents;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code cajal docs [DIR]}: writes DIR/components.md (default docs/) from the components installed now. */
@Component(service = LauncherCommand.class, property = LauncherCommand.NAME_PROPERTY + "=docs")
public class DocsCommand implements LauncherCommand {

    static final String FILE = "components.md";

    @Reference
    InstalledComponents installed;

    @Override
    public int execute(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() > 1) {
            err.println("usage: cajal docs [DIR]   (writes DIR/" + FILE + ", default docs/)");
            return 2;
        }
        Path target = Path.of(args.isEmpty() ? "docs" : args.get(0)).resolve(FILE);
        try {
            AtomicFiles.write(target, installed.reference().markdown());
        } catch (IOException e) {
            err.println("error: cannot write " + target + ": " + e.getMessage());
            return 1;
        }
        out.println("wrote " + target.toAbsolutePath());
        return 0;
    }
}
