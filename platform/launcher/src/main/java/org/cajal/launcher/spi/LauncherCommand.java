package org.cajal.launcher.spi;

import java.io.PrintStream;
import java.util.List;

/**
 * A command the launcher runs without a window ({@code cajal run FILE ...}). A bundle registers it as an OSGi
 * service with the service property {@link #NAME_PROPERTY} set to the command's name; the launcher waits for the
 * service, calls {@link #execute} on its main thread and exits with the returned status.
 *
 * <p>This package is exported to the bundles by the framework itself ({@code org.osgi.framework.system.packages.extra}),
 * because the launcher's class loader is outside the bundles' class space.
 */
public interface LauncherCommand {

    /** Service property naming the command ({@code run}). */
    String NAME_PROPERTY = "cajal.command";

    /**
     * Runs the command.
     *
     * @param args the arguments after the command name
     * @param out where results and progress go (the terminal)
     * @param err where error messages go; a failure prints one clear message, never a stack trace
     * @return the process exit status: 0 on success, 1 when the input was at fault, 2 for a usage error
     */
    int execute(List<String> args, PrintStream out, PrintStream err) throws InterruptedException;
}
