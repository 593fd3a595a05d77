package org.cajal.launcher.testbundle;

import java.io.PrintStream;
import java.util.Hashtable;
import java.util.List;

import org.cajal.launcher.spi.LauncherCommand;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Packed into a test bundle: registers a {@code run} command that echoes its arguments and returns 7, to prove the
 * launcher finds a bundle's command through the exported SPI package and passes arguments and status through.
 */
public class EchoCommand implements BundleActivator, LauncherCommand {

    @Override
    public void start(BundleContext context) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(LauncherCommand.NAME_PROPERTY, "run");
        context.registerService(LauncherCommand.class, this, properties);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the service
    }

    @Override
    public int execute(List<String> args, PrintStream out, PrintStream err) {
        out.println("echo " + String.join(" ", args));
        return 7;
    }
}
