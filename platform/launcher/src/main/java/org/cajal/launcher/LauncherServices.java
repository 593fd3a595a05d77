package org.cajal.launcher;

import java.util.Hashtable;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

import org.cajal.launcher.spi.TrialDistributor;

/**
 * Registers into the framework the services that live on the launcher's class path rather than in a bundle: a
 * {@link TrialDistributor} when {@code lib/spark/} is on the class path ({@code bin/cajal} adds it for
 * {@code --spark}). Without one, nothing is registered and experiments run on this process's threads.
 */
final class LauncherServices {

    private LauncherServices() {
    }

    /** @return how many services were registered */
    static int register(CajalFramework cajal) {
        int n = 0;
        try {
            for (TrialDistributor d : ServiceLoader.load(TrialDistributor.class, LauncherServices.class.getClassLoader())) {
                Hashtable<String, Object> properties = new Hashtable<>();
                properties.put("cajal.engine", d.getClass().getName());
                cajal.context().registerService(TrialDistributor.class, d, properties);
                n++;
            }
        } catch (ServiceConfigurationError | LinkageError e) {
            System.err.println("cajal: the distributed engine in lib/spark could not be loaded: " + e.getMessage()
                    + "; experiments run on this machine only");
        }
        return n;
    }
}
