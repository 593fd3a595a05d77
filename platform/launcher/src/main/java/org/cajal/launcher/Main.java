package org.cajal.launcher;

import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.cajal.launcher.spi.LauncherCommand;
import org.osgi.framework.Bundle;

/**
 * The {@code cajal} command: {@code cajal run FILE [--out DIR] [--seed N]}, {@code cajal shell}, {@code cajal
 * --help}, {@code cajal --version}; see {@link CommandLine#USAGE}.
 *
 * <p>Start-up, in order:
 * <ol>
 *   <li>parse the command line; help, version and usage errors end here (status 0, 0, 2);</li>
 *   <li>find the distribution folder: {@value CajalFramework#HOME_PROPERTY} (set by {@code bin/cajal}), else the
 *       folder above the launcher jar's {@code lib/};</li>
 *   <li>set JVM defaults the user has not set: the JavaCPP cache {@code ~/.cajal/javacpp}, slf4j-simple logging
 *       to {@code System.err} at {@code warn} ({@code info} in the shell or with {@code -v}; FileInstall's log
 *       likewise, through java.util.logging);</li>
 *   <li>boot the framework with {@link CajalFramework#start} (the Gogo shell bundles only for {@code shell});
 *       JVM system properties named {@code org.osgi.framework.*}, {@code felix.*}, {@code gosh.*} and
 *       {@code cajal.*} become framework properties; a shutdown hook stops the framework;</li>
 *   <li>{@code run}: wait up to {@value #COMMAND_WAIT_PROPERTY} seconds (default 120) for the
 *       {@link LauncherCommand} service with {@code cajal.command=run}, call it on this thread with the command's
 *       arguments, stop the framework and exit with its status; if it never appears, name the bundles that did
 *       not start and exit with 3. No command: the same for the workbench bundle's {@code workbench} command, which
 *       returns when its window closes. {@code shell}: wait until the framework stops ({@code stop 0}).</li>
 * </ol>
 */
public final class Main {

    /** JVM system property: seconds to wait for a launcher command's service to appear. Default 120. */
    public static final String COMMAND_WAIT_PROPERTY = "cajal.command.wait";
    static final Duration DEFAULT_COMMAND_WAIT = Duration.ofSeconds(120);

    static final int OK = 0;
    static final int USAGE_ERROR = 2;
    static final int NOT_AVAILABLE = 3;
    static final int COMMAND_CRASHED = 4;

    /** The runtime bundle provides the {@code run} command; named only to make a failure message helpful. */
    private static final String RUNTIME_BUNDLE = "org.cajal.runtime";
    /** How long a command other than {@code run} may take to appear once the runtime's {@code run} is there. */
    private static final Duration OTHER_COMMAND_GRACE = Duration.ofSeconds(5);
    private static final List<String> FRAMEWORK_PROPERTY_PREFIXES =
            List.of("org.osgi.framework.", "felix.", "gosh.", "cajal.");

    private final PrintStream out;
    private final PrintStream err;

    Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new Main(System.out, System.err).run(List.of(args)));
    }

    int run(List<String> args) {
        CommandLine line = CommandLine.parse(args);
        switch (line.command()) {
            case HELP:
                if (line.error() != null) {
                    err.println("cajal: " + line.error());
                    err.println(CommandLine.USAGE);
                    return USAGE_ERROR;
                }
                out.println(CommandLine.USAGE);
                return OK;
            case VERSION:
                out.println("Cajal " + version());
                return OK;
            default:
                break;
        }
        Optional<Path> home = home();
        if (home.isEmpty()) {
            err.println("cajal: cannot find the distribution folder (the one with bundles/); start Cajal with"
                    + " bin/cajal or set -D" + CajalFramework.HOME_PROPERTY + "=FOLDER");
            return NOT_AVAILABLE;
        }
        boolean shell = line.command() == CommandLine.Command.SHELL;
        JvmDefaults.applyUnlessSet(JvmDefaults.defaults(shell, line.verbose(), Path.of(System.getProperty("user.home"))),
                System.getProperties());
        Map<String, String> config = frameworkProperties(System.getProperties());
        config.put(CajalFramework.SHELL_PROPERTY, Boolean.toString(shell));
        // in the shell (or with -v) say when a plugin comes or goes; headless runs only warn
        config.putIfAbsent(FrameworkConfiguration.FILEINSTALL_LOG_LEVEL, shell || line.verbose() ? "3" : "2");
        try {
            CajalFramework cajal = CajalFramework.start(home.get(), config);
            Runtime.getRuntime().addShutdownHook(new Thread(cajal::close, "cajal-shutdown"));
            if (!shell) {
                Interrupts.install(err);
            }
            LauncherServices.register(cajal);
            try {
                if (line.verbose()) {
                    err.printf("cajal: framework started in %d ms (%s) from %s%n", cajal.startupTime().toMillis(),
                            cajal.startupBreakdown(), home.get());
                    cajal.printBundles(err);
                }
                return shell ? shell(cajal) : runCommand(cajal, line.name(), line);
            } finally {
                cajal.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("cajal: interrupted");
            return NOT_AVAILABLE;
        } catch (Exception e) {
            err.println("cajal: could not start: " + BundleReport.rootMessage(e));
            return NOT_AVAILABLE;
        }
    }

    private int shell(CajalFramework cajal) throws InterruptedException {
        cajal.awaitStop();
        return OK;
    }

    private int runCommand(CajalFramework cajal, String name, CommandLine line) throws InterruptedException {
        Duration wait = commandWait();
        long t0 = System.nanoTime();
        Optional<LauncherCommand> command;
        if ("run".equals(name)) {
            command = cajal.waitForCommand(name, wait);
        } else {
            // other commands come from bundles too: once the runtime's 'run' is there, give them a moment more
            cajal.waitForCommand("run", wait);
            command = cajal.waitForCommand(name, OTHER_COMMAND_GRACE);
        }
        if (line.verbose()) {
            err.printf("cajal: the '%s' command %s after %d ms more; bundles now:%n", name,
                    command.isPresent() ? "appeared" : "did not appear", (System.nanoTime() - t0) / 1_000_000);
            cajal.printBundles(err);
        }
        if (command.isEmpty()) {
            return reportMissingCommand(cajal, name, wait);
        }
        try {
            return command.get().execute(line.arguments(), out, err);
        } catch (RuntimeException e) {
            err.println("cajal: the '" + name + "' command failed unexpectedly (a bug; please report it):");
            e.printStackTrace(err);
            return COMMAND_CRASHED;
        }
    }

    /**
     * Says why a command is missing: a name no bundle provides, while every bundle runs, is an unknown command
     * (with the nearest name and the list); otherwise the bundles that are not running are named.
     *
     * @return the exit status: {@link #USAGE_ERROR} for an unknown command, else {@link #NOT_AVAILABLE}
     */
    private int reportMissingCommand(CajalFramework cajal, String name, Duration wait) {
        List<String> available = new ArrayList<>(cajal.commandNames());
        List<Bundle> problems = cajal.problemBundles();
        if (available.contains("run") && problems.isEmpty() && !CommandLine.DOCUMENTED.contains(name)) {
            available.add("shell");
            err.println("cajal: unknown command '" + name + "'" + CommandLine.didYouMean(name, available)
                    + "; the commands are: " + String.join(", ", available.stream().sorted().toList())
                    + " (cajal --help describes them)");
            return USAGE_ERROR;
        }
        err.printf("cajal: no '%s' command appeared within %d s: no running bundle provides a command named '%s'%s.%n",
                name, wait.toSeconds(), name, CommandLine.didYouMean(name, available));
        if (!available.isEmpty()) {
            err.println("Commands available: " + String.join(", ", available) + " (and shell)");
        }
        if (!problems.isEmpty()) {
            err.println("These bundles are not running (fragments must be RESOLVED, all others ACTIVE):");
            err.print(cajal.describe(problems));
        }
        boolean runtimeInstalled = List.of(cajal.context().getBundles()).stream()
                .anyMatch(b -> RUNTIME_BUNDLE.equals(b.getSymbolicName()));
        if (!runtimeInstalled) {
            err.println("The runtime bundle (" + RUNTIME_BUNDLE + "), which provides the 'run' command, is not"
                    + " installed: is " + cajal.home().resolve("bundles").resolve("runtime.jar")
                    + " missing, or excluded with -D" + CajalFramework.EXCLUDE_PROPERTY + "?");
        } else if (problems.isEmpty()) {
            err.println("Every bundle is running; a component may have failed to activate (run again with -v).");
        }
        return NOT_AVAILABLE;
    }

    private static Duration commandWait() {
        String seconds = System.getProperty(COMMAND_WAIT_PROPERTY);
        if (seconds == null) {
            return DEFAULT_COMMAND_WAIT;
        }
        try {
            return Duration.ofMillis(Math.round(Double.parseDouble(seconds) * 1000));
        } catch (NumberFormatException e) {
            System.err.println("cajal: ignoring -D" + COMMAND_WAIT_PROPERTY + "=" + seconds + " (not a number of seconds)");
            return DEFAULT_COMMAND_WAIT;
        }
    }

    /** JVM system properties that are framework properties: {@code org.osgi.framework.*}, {@code felix.*}, ... */
    static Map<String, String> frameworkProperties(Properties system) {
        Map<String, String> config = new HashMap<>();
        for (String key : system.stringPropertyNames()) {
            if (FRAMEWORK_PROPERTY_PREFIXES.stream().anyMatch(key::startsWith)) {
                config.put(key, system.getProperty(key));
            }
        }
        return config;
    }

    /** {@value CajalFramework#HOME_PROPERTY}, else the parent of the folder holding the launcher jar. */
    static Optional<Path> home() {
        String configured = System.getProperty(CajalFramework.HOME_PROPERTY);
        if (configured != null) {
            return Optional.of(Path.of(configured).toAbsolutePath().normalize());
        }
        try {
            CodeSource source = Main.class.getProtectionDomain().getCodeSource();
            Path jar = Path.of(source.getLocation().toURI());
            Path candidate = jar.getParent() == null ? null : jar.getParent().getParent();
            return candidate != null && Files.isDirectory(candidate.resolve(BundleJars.BUNDLES_FOLDER))
                    ? Optional.of(candidate) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static String version() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version != null ? version : "(development build)";
    }
}
