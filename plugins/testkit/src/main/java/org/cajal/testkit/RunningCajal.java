package org.cajal.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.cajal.api.ComponentKind;
import org.cajal.launcher.CajalFramework;
import org.cajal.launcher.spi.LauncherCommand;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * A Cajal installation booted inside the test JVM: the real Apache Felix framework with the installation's bundles,
 * a private {@code plugins/} folder that FileInstall watches (as {@code <home>/plugins} is watched in the program),
 * and a private {@code runs/} folder. Tests drop a plugin jar in, wait for its components, run pipelines with
 * {@code cajal run} as a user would, and take the jar out again.
 *
 * <pre>{@code
 * try (RunningCajal cajal = RunningCajal.boot()) {          // CajalHome.locate(): -Dcajal.home or CAJAL_HOME
 *     DroppedPlugin plugin = cajal.drop(Path.of("target/my-plugin-1.0.jar"));
 *     cajal.awaitComponent(ComponentKind.LAYER_TYPE, "gaussian-noise", Duration.ofSeconds(30));
 *     CommandOutcome run = cajal.run(pipeline.toString(), "--out", cajal.newFolder("runs").toString());
 *     assertEquals(0, run.status(), run::toString);
 *     plugin.remove(Duration.ofSeconds(30));
 * }
 * }</pre>
 * With JUnit 5, {@link CajalExtension} boots one per test JVM and passes it to test methods.
 *
 * <p>One framework per JVM at a time: ND4J's native libraries bind to the first class loader that loads them, so a
 * second boot in the same JVM (after {@link #close()}) cannot train. Keep plugin unit tests, which load ND4J on the
 * test class path, in a different JVM (surefire) from the tests that boot Cajal (a separate execution or failsafe).
 *
 * <p>The test's class path holds only this testkit, the launcher and Felix: the bundles, and so the API classes the
 * services implement, are loaded by the framework from the installation. See {@link InstalledComponent}.
 */
public final class RunningCajal implements AutoCloseable {

    /** How long {@link #boot} waits for the runtime's {@code run} command: a cold, busy machine can be slow. */
    public static final Duration BOOT_TIMEOUT = Duration.ofMinutes(3);
    /** How long {@link #command} waits for a launcher command to be registered. */
    public static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    private final CajalFramework framework;
    private final Path work;
    private final Path plugins;
    private final Path runs;
    private final LauncherCommand runCommand;
    private final ComponentRegistry registry;

    private RunningCajal(CajalFramework framework, Path work, Path plugins, Path runs, LauncherCommand runCommand) {
        this.framework = framework;
        this.work = work;
        this.plugins = plugins;
        this.runs = runs;
        this.runCommand = runCommand;
        this.registry = new ComponentRegistry(framework, this::problems);
    }

    /** Boots the installation {@link CajalHome#locate()} finds. */
    public static RunningCajal boot() throws IOException, InterruptedException {
        return boot(CajalHome.locate(), Map.of());
    }

    /**
     * Boots a Cajal installation with fresh, temporary {@code plugins/} and {@code runs/} folders (the installation's
     * own {@code plugins/} is not watched, so plugins lying there are not loaded) and waits until the runtime's
     * {@code run} command is registered.
     *
     * @param home the installation folder (holding {@code bundles/} and {@code lib/})
     * @param extraConfig further framework properties (see {@link CajalFramework#start}); may be empty
     * @throws IllegalStateException when {@code home} is not an installation, or the framework cannot start or
     *         never registers the {@code run} command (the message lists the bundles and their states)
     */
    public static RunningCajal boot(Path home, Map<String, String> extraConfig) throws IOException,
            InterruptedException {
        Path root = CajalHome.check(home, "the Cajal home");
        Path work = Files.createTempDirectory("cajal-test-");
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Path runs = Files.createDirectories(work.resolve("runs"));
        Map<String, String> config = new HashMap<>();
        config.put(CajalFramework.PLUGINS_DIR_PROPERTY, plugins.toString());
        config.put("cajal.runs", runs.toString());
        config.putAll(extraConfig);
        CajalFramework framework;
        try {
            framework = CajalFramework.start(root, config);
        } catch (BundleException e) {
            delete(work);
            throw new IllegalStateException("the Cajal framework at " + root + " did not start: " + e.getMessage(), e);
        }
        Optional<LauncherCommand> run = framework.waitForCommand("run", BOOT_TIMEOUT);
        if (run.isEmpty()) {
            String bundles = framework.describeAllBundles();
            framework.close();
            delete(work);
            throw new IllegalStateException("the runtime at " + root + " never registered the 'run' command within "
                    + BOOT_TIMEOUT.toSeconds() + " s; bundles:\n" + bundles);
        }
        return new RunningCajal(framework, work, plugins, runs, run.get());
    }

    /** The framework: its bundle context, bundle states ({@link CajalFramework#problemBundles()}), services. */
    public CajalFramework framework() {
        return framework;
    }

    /** The installation folder; its {@code examples/} holds the shipped pipelines. */
    public Path home() {
        return framework.home();
    }

    /** The folder FileInstall watches in this framework (a temporary one, not the installation's). */
    public Path plugins() {
        return plugins;
    }

    /** Where runs started without {@code --out} write their folders. */
    public Path runs() {
        return runs;
    }

    /** A fresh, empty folder for one test's files, deleted with the framework at {@link #close()}. */
    public Path newFolder(String name) {
        try {
            return Files.createTempDirectory(work, name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies a plugin jar into {@link #plugins()} under its own file name and waits until FileInstall has installed
     * and started its bundle, and every Declarative Services component it declares with a service has registered
     * it (SCR registers them one by one after the bundle has started); factory components, disabled ones and
     * those with {@code configuration-policy="require"} are not awaited. A component whose references cannot be
     * satisfied makes the drop fail with its name: a plugin that means to wait for a service another jar brings
     * should be dropped after that jar.
     *
     * @throws IllegalArgumentException when the file is not a bundle jar (no {@code Bundle-SymbolicName})
     * @throws IllegalStateException when a jar of the same name already lies in {@link #plugins()}
     * @throws AssertionError when the bundle is not active, or a component has not registered its service, within
     *         30 s (the message names them)
     */
    public DroppedPlugin drop(Path jar) throws IOException, InterruptedException {
        String symbolicName = DroppedPlugin.symbolicName(jar);
        Path target = plugins.resolve(jar.getFileName().toString());
        if (Files.exists(target)) {
            throw new IllegalStateException(target + " is already in the plugins folder; remove the plugin first");
        }
        Files.copy(jar, target);
        DroppedPlugin plugin = new DroppedPlugin(this, target, symbolicName);
        plugin.awaitActive(Duration.ofSeconds(30));
        return plugin;
    }

    /** The components of one kind registered now, sorted by id. */
    public List<InstalledComponent> components(ComponentKind kind) {
        return registry.components(kind);
    }

    /** The registered component of a kind with this id, if there is one now. */
    public Optional<InstalledComponent> component(ComponentKind kind, String id) {
        return registry.component(kind, id);
    }

    /**
     * Waits until a component of this kind and id is registered and the runtime has taken it up.
     *
     * @throws AssertionError when it does not appear in time; the message lists the ids of that kind that are
     *         installed and the bundles that are not active (with their errors)
     */
    public InstalledComponent awaitComponent(ComponentKind kind, String id, Duration timeout)
            throws InterruptedException {
        return registry.awaitComponent(kind, id, timeout);
    }

    /**
     * Waits until no component of this kind and id is registered any more.
     *
     * @throws AssertionError when it is still there after {@code timeout}, naming the bundle that registers it
     */
    public void awaitComponentGone(ComponentKind kind, String id, Duration timeout) throws InterruptedException {
        registry.awaitComponentGone(kind, id, timeout);
    }

    /**
     * A service registered now, obtained through the system bundle, for tests that only need to know it is there
     * or read its service properties (its class is the framework's, not the test's: see {@link InstalledComponent}).
     *
     * @param classNameOrFilter an interface name or an LDAP filter starting with {@code (}
     */
    public Optional<ServiceReference<?>> service(String classNameOrFilter) {
        String filter = classNameOrFilter.startsWith("(") ? classNameOrFilter
                : "(" + Constants.OBJECTCLASS + "=" + classNameOrFilter + ")";
        try {
            ServiceReference<?>[] refs = framework.context().getAllServiceReferences(null, filter);
            return refs == null || refs.length == 0 ? Optional.empty() : Optional.of(refs[0]);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("not an LDAP filter: " + filter + " (" + e.getMessage() + ")", e);
        }
    }

    /** Waits for a service, as {@link CajalFramework#waitForService(String, Duration)} does. */
    public Optional<Object> awaitService(String classNameOrFilter, Duration timeout) throws InterruptedException {
        return framework.waitForService(classNameOrFilter, timeout);
    }

    /** The installed bundle with this symbolic name, if there is one. */
    public Optional<Bundle> bundle(String symbolicName) {
        return Arrays.stream(framework.context().getBundles())
                .filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst();
    }

    /**
     * Runs {@code cajal run} with these arguments, as the launcher would ({@code cajal run FILE --out DIR ...}),
     * and captures what it prints.
     */
    public CommandOutcome run(String... args) throws InterruptedException {
        return execute(runCommand, args);
    }

    /**
     * Runs another launcher command ({@code plot}, {@code predict}, {@code docs}) with these arguments.
     *
     * @throws AssertionError when no such command is registered within {@link #COMMAND_TIMEOUT}
     */
    public CommandOutcome command(String name, String... args) throws InterruptedException {
        LauncherCommand command = framework.waitForCommand(name, COMMAND_TIMEOUT)
                .orElseThrow(() -> new AssertionError("no launcher command '" + name + "' is registered; there are: "
                        + framework.commandNames()));
        return execute(command, args);
    }

    /** Stops the framework and deletes the temporary plugins, runs and test folders. */
    @Override
    public void close() {
        framework.close();
        delete(work);
    }

    String problems() {
        List<Bundle> problems = framework.problemBundles();
        return problems.isEmpty() ? "" : "\nbundles that are not active:\n" + framework.describe(problems);
    }

    private static CommandOutcome execute(LauncherCommand command, String... args) throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = command.execute(List.of(args), o, e);
        }
        return new CommandOutcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("cajal-testkit: could not delete " + folder + ": " + e.getMessage());
        }
    }
}
