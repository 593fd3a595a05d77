package org.cajal.launcher.spi;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Cajal's framework properties and the folders they name: the one place a bundle or the launcher looks them up.
 * A bundle passes its {@code BundleContext::getProperty} (which falls back to system properties) as the lookup.
 */
public final class CajalProperties {

    /** The default parent folder of run and experiment folders ({@code ~/.cajal/runs} when unset). */
    public static final String RUNS = "cajal.runs";
    /** The distribution's folder (holds {@code examples/}, {@code plugins/}, {@code bundles/}); set by the launcher. */
    public static final String HOME = "cajal.home";
    /** Set by the launcher to {@code true} when the Gogo shell was asked for. */
    public static final String SHELL = "cajal.shell";
    /** How many runs the runtime trains at once (default: one per core, at least 4). */
    public static final String PARALLEL_RUNS = "cajal.parallelRuns";
    /** The java.util.prefs node the workbench keeps its settings in. */
    public static final String PREFERENCES = "cajal.workbench.preferences";

    private CajalProperties() {
    }

    /** Cajal's own folder in the user's home: {@code ~/.cajal}. */
    public static Path userFolder() {
        return Path.of(System.getProperty("user.home"), ".cajal");
    }

    /** The runs directory: the {@link #RUNS} property when set, else {@code ~/.cajal/runs}. */
    public static Path runsDirectory(UnaryOperator<String> property) {
        String value = property.apply(RUNS);
        return value == null || value.isBlank() ? userFolder().resolve("runs") : Path.of(value);
    }

    /** The distribution's folder: the {@link #HOME} property, or null when not launched from a distribution. */
    public static Path home(UnaryOperator<String> property) {
        String value = property.apply(HOME);
        return value == null || value.isBlank() ? null : Path.of(value);
    }
}
