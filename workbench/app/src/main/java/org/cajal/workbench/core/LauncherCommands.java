package org.cajal.workbench.core;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;

import org.cajal.launcher.spi.LauncherCommand;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Runs another bundle's headless command ({@code explain}, {@code export}) from the window, so a view offers what the
 * command line offers without importing that bundle: the command is found as a {@link LauncherCommand} service by its
 * name, and its output is captured. Call off the event-dispatch thread.
 */
public final class LauncherCommands {

    /** What a command said: its exit status and its standard output and error. */
    public record Outcome(int status, String out, String err) {
        public boolean ok() {
            return status == 0;
        }
    }

    private LauncherCommands() {
    }

    /**
     * @param bundle the bundle that provides the command, named in the message when it is not running
     */
    public static Outcome run(Workbench workbench, String name, String bundle, List<String> args) {
        BundleContext context = workbench.bundleContext();
        ServiceReference<LauncherCommand> ref = context == null ? null : find(context, name);
        if (ref == null) {
            return new Outcome(1, "", "the command '" + name + "' is not available: the bundle " + bundle
                    + " is not running");
        }
        LauncherCommand command = context.getService(ref);
        if (command == null) {
            return new Outcome(1, "", "the command '" + name + "' went away (its bundle " + bundle + " stopped)");
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status;
            try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                 PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                status = command.execute(args, o, e);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return new Outcome(1, "", "the command '" + name + "' was interrupted");
            }
            return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            context.ungetService(ref);
        }
    }

    private static ServiceReference<LauncherCommand> find(BundleContext context, String name) {
        try {
            Collection<ServiceReference<LauncherCommand>> refs = context.getServiceReferences(LauncherCommand.class,
                    "(" + LauncherCommand.NAME_PROPERTY + "=" + name + ")");
            return refs.isEmpty() ? null : refs.iterator().next();
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("not a command name: " + name, e);
        }
    }
}
