package org.cajal.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

import org.cajal.launcher.spi.LauncherCommand;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A running Cajal: Apache Felix booted on a distribution folder. This is the boot API of the launcher, used by
 * {@link Main} and by integration tests (which put {@code launcher.jar} and the Felix framework jar on their class
 * path, and never the bundles).
 *
 * <p>{@link #start} does, in order:
 * <ol>
 *   <li>builds the framework properties: Cajal's defaults (below), then {@code extraConfig}, which wins;</li>
 *   <li>deletes the storage folders of dead processes ({@link FrameworkCache}), then creates a fresh one under
 *       {@code java.io.tmpdir} unless {@code extraConfig} names one
 *       ({@value Constants#FRAMEWORK_STORAGE}); a folder it created is deleted again by {@link #close()}, so
 *       several processes can run at once;</li>
 *   <li>creates Felix through {@link FrameworkFactory} and initialises it;</li>
 *   <li>installs every {@code <home>/bundles/*.jar} and unpacked bundle folder ({@link BundleJars}; and
 *       {@code <home>/bundles/shell/*.jar} when {@value #SHELL_PROPERTY} is {@code true}) in file-name order, by
 *       {@code reference:} URL so Felix reads the jars in place instead of copying them; gives each its start level (1: the engine, so that ND4J loads on
 *       its own thread while the rest starts; 2: logging, OSGi service APIs, SCR, Configuration Admin; 3: everything
 *       else, and later the plugins; 4: FileInstall and the Gogo shell; see {@link StartLevels}) and marks every
 *       non-fragment for starting;</li>
 *   <li>starts the framework, which raises the start level to 4 and so starts the bundles level by level;
 *       FileInstall then installs and starts whatever lies in {@code <home>/plugins}, and keeps watching it.</li>
 * </ol>
 *
 * <p>Framework properties set by default (each can be overridden through {@code extraConfig}):
 * <ul>
 *   <li>{@value #HOME_PROPERTY} = the distribution folder;</li>
 *   <li>{@value Constants#FRAMEWORK_SYSTEMPACKAGES_EXTRA} = {@value #LAUNCHER_SPI_EXPORT}, so bundles see
 *       {@link LauncherCommand} from the launcher's class loader;</li>
 *   <li>{@value #PLUGINS_DIR_PROPERTY} = {@code <home>/plugins}, polled every 500 ms, no initial delay, new bundles
 *       started, only {@code *.jar}, {@code *.cfg} and {@code *.config} files, FileInstall logging errors only;</li>
 *   <li>{@value Constants#FRAMEWORK_STORAGE_CLEAN} = {@code onFirstInit}; {@code felix.log.level} = 0 (framework
 *       errors are reported by this class on {@code System.err} instead of Felix's own {@code System.out}).</li>
 * </ul>
 * Keys that only this class reads: {@value #SHELL_PROPERTY}, {@value #EXCLUDE_PROPERTY},
 * {@value #REFERENCE_PROPERTY}.
 *
 * <p>One framework per JVM at a time: ND4J's native libraries bind to the first class loader that loads them.
 */
public final class CajalFramework implements AutoCloseable {

    /** Framework property: the distribution folder (bundles can read it with {@code BundleContext.getProperty}). */
    public static final String HOME_PROPERTY = org.cajal.launcher.spi.CajalProperties.HOME;
    /** {@code true}: also install and start the Gogo shell bundles from {@code <home>/bundles/shell/}. Default false. */
    public static final String SHELL_PROPERTY = org.cajal.launcher.spi.CajalProperties.SHELL;
    /**
     * Comma-separated file-name globs of jars (or unpacked bundle folders) in {@code bundles/} not to install, e.g.
     * {@code runtime.jar}.
     */
    public static final String EXCLUDE_PROPERTY = "cajal.bundles.exclude";
    /**
     * {@code false}: install bundle jars by copying them into the storage folder instead of by reference (unpacked
     * bundle folders are always installed by reference). Default true.
     */
    public static final String REFERENCE_PROPERTY = "cajal.bundles.reference";
    /** The folder FileInstall watches for drop-in bundles (FileInstall's own property name). */
    public static final String PLUGINS_DIR_PROPERTY = "felix.fileinstall.dir";
    /**
     * What the framework exports on behalf of the launcher: its SPI (1.2.0 added PluginProblems, TrialDistributor and
     * TrialRunner) and picocli, the commands' argument parser.
     */
    public static final String LAUNCHER_SPI_EXPORT = "org.cajal.launcher.spi;version=1.2.0,picocli;version=4.7.6";

    private final Framework framework;
    private final Path home;
    private final Path storage;
    private final boolean ownsStorage;
    /** The storage folder's owner lock when this framework made the folder, else null. */
    private final FrameworkCache cache;
    private final BundleReport report;
    private final Map<String, String> configuration;
    private final Duration startupTime;
    private final String startupBreakdown;
    private boolean closed;

    private CajalFramework(Framework framework, Path home, Path storage, FrameworkCache cache, BundleReport report,
            Map<String, String> configuration, Duration startupTime, String startupBreakdown) {
        this.framework = framework;
        this.home = home;
        this.storage = storage;
        this.ownsStorage = cache != null;
        this.cache = cache;
        this.report = report;
        this.configuration = configuration;
        this.startupTime = startupTime;
        this.startupBreakdown = startupBreakdown;
    }

    /**
     * Boots Cajal on a distribution folder and returns once the framework has reached its final start level.
     * Services that components register asynchronously (the engine, for one) may still be on their way: wait
     * for them with {@link #waitForService}.
     *
     * @param home the distribution folder (the one holding {@code bundles/} and {@code plugins/})
     * @param extraConfig framework properties that override Cajal's defaults, plus the launcher keys
     *        {@value #SHELL_PROPERTY}, {@value #EXCLUDE_PROPERTY} and {@value #REFERENCE_PROPERTY}; may be empty
     * @throws IOException when {@code home} has no {@code bundles/} folder or the storage folder cannot be made
     * @throws BundleException when the framework cannot be initialised or started
     */
    public static CajalFramework start(Path home, Map<String, String> extraConfig) throws IOException, BundleException {
        long t0 = System.nanoTime();
        Path root = home.toAbsolutePath().normalize();
        boolean withShell = Boolean.parseBoolean(extraConfig.get(SHELL_PROPERTY));
        List<Path> jars = BundleJars.find(root, withShell, extraConfig.get(EXCLUDE_PROPERTY));
        boolean ownsStorage = !extraConfig.containsKey(Constants.FRAMEWORK_STORAGE);
        FrameworkCache cache = null;
        if (ownsStorage) {
            // caches that processes killed before they could delete them (kill -9, a second Ctrl-C) go first
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            FrameworkCache.removeStale(tmp, java.time.Instant.now());
            cache = FrameworkCache.create(tmp);
        }
        Path storage = ownsStorage ? cache.folder() : Path.of(extraConfig.get(Constants.FRAMEWORK_STORAGE));
        Map<String, String> config = FrameworkConfiguration.build(root, storage, extraConfig);
        String pluginsDir = config.get(PLUGINS_DIR_PROPERTY);
        PluginLog plugins = PluginLog.open(config, System.err);
        PluginJars.byJar(pluginsDir == null ? null : Path.of(pluginsDir)).forEach(plugins::jar);
        Framework framework = newFramework(config);
        BundleReport report = new BundleReport();
        long tInit;
        long tInstalled;
        try {
            framework.init();
            plugins.register(framework.getBundleContext());
            framework.getBundleContext().addFrameworkListener(report);
            framework.getBundleContext().addFrameworkListener(CajalFramework::printError);
            tInit = System.nanoTime();
            install(framework.getBundleContext(), jars,
                    Boolean.parseBoolean(extraConfig.getOrDefault(REFERENCE_PROPERTY, "true")));
            tInstalled = System.nanoTime();
            java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
            framework.getBundleContext().addFrameworkListener(e -> {
                if (e.getType() == FrameworkEvent.STARTED) {
                    started.countDown();
                }
            });
            framework.start();
            // framework events arrive in order on Felix's dispatch thread: once STARTED is here, every bundle's
            // start ERROR before it has reached the report, so problemBundles() can name the reasons
            awaitQuietly(started);
        } catch (BundleException | RuntimeException e) {
            plugins.close();
            stopQuietly(framework);
            if (ownsStorage) {
                cache.close();
                delete(storage);
            }
            throw e;
        }
        long tStarted = System.nanoTime();
        String breakdown = String.format("create + init %d ms, install %d bundles %d ms, start %d ms",
                millis(t0, tInit), jars.size(), millis(tInit, tInstalled), millis(tInstalled, tStarted));
        return new CajalFramework(framework, root, storage, cache, report, Map.copyOf(config),
                Duration.ofNanos(tStarted - t0), breakdown);
    }

    private static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }

    private static void awaitQuietly(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Framework newFramework(Map<String, String> config) {
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class, CajalFramework.class.getClassLoader())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "no OSGi framework on the class path: lib/org.apache.felix.framework.jar is missing"));
        return factory.newFramework(config);
    }

    private static void install(BundleContext context, List<Path> jars, boolean byReference) throws BundleException {
        List<Bundle> toStart = new ArrayList<>();
        for (Path jar : jars) {
            // an unpacked bundle (a folder) can only be installed by reference: there is no file to copy
            String location = (byReference || Files.isDirectory(jar) ? "reference:" : "") + jar.toUri();
            Bundle bundle;
            try {
                bundle = context.installBundle(location);
            } catch (BundleException e) {
                System.err.println("cajal: cannot install " + jar + ": " + BundleReport.rootMessage(e));
                continue;
            }
            bundle.adapt(BundleStartLevel.class).setStartLevel(StartLevels.of(bundle.getSymbolicName()));
            if (!BundleReport.isFragment(bundle)) {
                toStart.add(bundle);
            }
        }
        for (Bundle bundle : toStart) {
            bundle.start(); // only marks it: the framework starts it when its start level is reached
        }
    }

    private static void printError(FrameworkEvent event) {
        if (event.getType() == FrameworkEvent.ERROR) {
            Bundle b = event.getBundle();
            String who = b == null || b.getBundleId() == 0 ? "framework" : "bundle " + b.getSymbolicName();
            System.err.println("cajal: " + who + ": " + PluginFailures.reason(event.getThrowable()));
        }
    }

    /** The system bundle's context: install bundles, look up services, listen to events. */
    public BundleContext context() {
        return framework.getBundleContext();
    }

    /** The Felix framework itself. */
    public Framework framework() {
        return framework;
    }

    /** The distribution folder, absolute. */
    public Path home() {
        return home;
    }

    /** The framework's storage (bundle cache) folder. */
    public Path storage() {
        return storage;
    }

    /** The framework properties in effect. */
    public Map<String, String> configuration() {
        return configuration;
    }

    /** How long {@link #start} took, from building the configuration to the final start level. */
    public Duration startupTime() {
        return startupTime;
    }

    /** Where {@link #startupTime} went: creating the framework, installing, starting. */
    String startupBreakdown() {
        return startupBreakdown;
    }

    /**
     * Waits for a service and returns it, obtained through the system bundle (and kept until the framework stops).
     *
     * @param classNameOrFilter a class name such as {@code org.cajal.api.compute.ComputeBackend}, or an LDAP filter
     *        starting with {@code (} such as {@code (&(objectClass=...)(id=xor))}
     * @return the service, or empty when none appeared within {@code timeout}
     */
    public Optional<Object> waitForService(String classNameOrFilter, Duration timeout) throws InterruptedException {
        String filter = classNameOrFilter.startsWith("(") ? classNameOrFilter
                : "(" + Constants.OBJECTCLASS + "=" + classNameOrFilter + ")";
        return waitFor(filter(filter), timeout);
    }

    /**
     * Waits for a service whose type the caller's class loader shares with the bundles (in practice
     * {@link LauncherCommand}, which the framework exports from the launcher).
     *
     * @param filter an extra LDAP filter, or {@code null}
     */
    public <S> Optional<S> waitForService(Class<S> type, String filter, Duration timeout) throws InterruptedException {
        String byClass = "(" + Constants.OBJECTCLASS + "=" + type.getName() + ")";
        return waitFor(filter(filter == null ? byClass : "(&" + byClass + filter + ")"), timeout).map(type::cast);
    }

    /** Waits for the {@link LauncherCommand} registered with {@code cajal.command=<name>}. */
    public Optional<LauncherCommand> waitForCommand(String name, Duration timeout) throws InterruptedException {
        return waitForService(LauncherCommand.class, "(" + LauncherCommand.NAME_PROPERTY + "=" + name + ")", timeout);
    }

    private Optional<Object> waitFor(Filter filter, Duration timeout) throws InterruptedException {
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context(), filter, null);
        tracker.open(true);
        try {
            if (tracker.waitForService(Math.max(1, timeout.toMillis())) == null) {
                return Optional.empty();
            }
            ServiceReference<Object> reference = tracker.getServiceReference();
            return reference == null ? Optional.empty() : Optional.ofNullable(context().getService(reference));
        } finally {
            tracker.close();
        }
    }

    private Filter filter(String text) {
        try {
            return context().createFilter(text);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("not an LDAP filter: " + text + " (" + e.getMessage() + ")", e);
        }
    }

    /** The names of the launcher commands registered now, sorted. */
    public List<String> commandNames() {
        try {
            ServiceReference<?>[] refs = context().getServiceReferences(LauncherCommand.class.getName(), null);
            if (refs == null) {
                return List.of();
            }
            return java.util.Arrays.stream(refs).map(r -> r.getProperty(LauncherCommand.NAME_PROPERTY))
                    .filter(java.util.Objects::nonNull).map(Object::toString).sorted().distinct().toList();
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Installed bundles that are not ACTIVE, or, for fragments, not RESOLVED; empty when all is well. */
    public List<Bundle> problemBundles() {
        return report.problems(context());
    }

    /** A table of the given bundles: id, state, start level, name, version, and the last error of a failed one. */
    public String describe(List<Bundle> bundles) {
        return report.describe(bundles);
    }

    /** A table of every installed bundle, as {@link #describe} writes it. */
    public String describeAllBundles() {
        return report.describe(List.of(context().getBundles()));
    }

    /** Prints every bundle's state to {@code out}. */
    public void printBundles(PrintStream out) {
        out.print(describeAllBundles());
    }

    /** Blocks until the framework stops (a shell's {@code stop 0}, or {@link #close()} from another thread). */
    public void awaitStop() throws InterruptedException {
        framework.waitForStop(0);
        deleteOwnedStorage();
    }

    /**
     * Stops the framework (waiting up to 30 s) and deletes the storage folder if {@link #start} created it.
     * Safe to call more than once and from a shutdown hook.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopQuietly(framework);
        deleteOwnedStorage();
    }

    private static void stopQuietly(Framework framework) {
        try {
            framework.stop();
            FrameworkEvent event = framework.waitForStop(30_000);
            if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                System.err.println("cajal: the framework did not stop within 30 s");
            }
        } catch (BundleException e) {
            System.err.println("cajal: stopping the framework failed: " + BundleReport.rootMessage(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void deleteOwnedStorage() {
        if (ownsStorage) {
            cache.close();
            delete(storage);
        }
    }

    private static void delete(Path folder) {
        if (Files.exists(folder) && !FrameworkCache.delete(folder)) {
            System.err.println("cajal: could not delete the framework cache " + folder);
        }
    }
}
