package org.cajal.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.cajal.launcher.CajalFramework;
import org.cajal.launcher.spi.LauncherCommand;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that boots the assembled distribution ONCE per test JVM (ND4J's natives bind to one class
 * loader, and one boot keeps the suite fast) and hands tests a {@link CajalRuntime}: the running framework, a
 * private plugins folder that FileInstall watches, and a way to run {@code cajal run ...} as the launcher does.
 */
public final class CajalRuntime implements BeforeAllCallback, ParameterResolver {

    /** Bundles, pipelines and the ND4J engine can take a while on a cold, busy machine. */
    static final Duration BOOT_TIMEOUT = Duration.ofMinutes(3);

    private static CajalRuntime shared;

    private CajalFramework framework;
    private LauncherCommand runCommand;
    private Path plugins;
    private Path runs;
    private Path work;

    /** The result of one command: exit status and what it printed. */
    public record Outcome(int status, String out, String err) {
        @Override
        public String toString() {
            return "exit " + status + "\n--- out ---\n" + out + "--- err ---\n" + err;
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (CajalRuntime.class) {
            if (shared == null) {
                shared = boot();
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                        .put(CajalRuntime.class, (ExtensionContext.Store.CloseableResource) shared::close);
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == CajalRuntime.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        return shared;
    }

    private static CajalRuntime boot() throws Exception {
        CajalRuntime r = new CajalRuntime();
        r.work = Files.createTempDirectory("cajal-itests-");
        r.plugins = Files.createDirectories(r.work.resolve("plugins"));
        r.runs = Files.createDirectories(r.work.resolve("runs"));
        r.framework = CajalFramework.start(distribution(), Map.of(
                CajalFramework.PLUGINS_DIR_PROPERTY, r.plugins.toString(),
                "cajal.runs", r.runs.toString(),
                // the workbench keeps its settings (recent files, layout) apart from the user's
                "cajal.workbench.preferences", "org/cajal/itests/workbench-" + ProcessHandle.current().pid()));
        r.runCommand = r.framework.waitForCommand("run", BOOT_TIMEOUT).orElseThrow(() -> new AssertionError(
                "the runtime never registered the 'run' command; bundles:\n" + r.framework.describeAllBundles()));
        return r;
    }

    static Path distribution() {
        Path dist = Path.of(System.getProperty("cajal.dist", "../distribution/target/cajal"));
        if (!Files.isDirectory(dist.resolve("bundles"))) {
            throw new IllegalStateException("no assembled distribution at " + dist.toAbsolutePath()
                    + "; build it first with mvn -B install -DskipTests");
        }
        return dist;
    }

    public CajalFramework framework() {
        return framework;
    }

    /** Where runs started without --out (the workbench's runs) write their folders. */
    public Path runs() {
        return runs;
    }

    /** The folder FileInstall watches in this test framework. */
    public Path plugins() {
        return plugins;
    }

    /** A fresh folder for one test's files. */
    public Path newFolder(String name) {
        try {
            return Files.createTempDirectory(work, name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code cajal run} with the given arguments, as the launcher would, capturing its output. */
    public Outcome run(String... args) throws InterruptedException {
        return execute(runCommand, args);
    }

    /** Runs another launcher command ({@code cajal docs ...}). */
    public Outcome command(String name, String... args) throws InterruptedException {
        LauncherCommand command = framework.waitForCommand(name, Duration.ofSeconds(30))
                .orElseThrow(() -> new AssertionError("no '" + name + "' command"));
        return execute(command, args);
    }

    private static Outcome execute(LauncherCommand command, String... args) throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = command.execute(List.of(args), o, e);
        }
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The run folder a successful run printed as its last line. */
    static Path runFolder(Outcome outcome) {
        String marker = "run folder: ";
        int at = outcome.out().lastIndexOf(marker);
        if (at < 0) {
            throw new AssertionError("no run folder in output:\n" + outcome);
        }
        return Path.of(outcome.out().substring(at + marker.length()).strip());
    }

    private void close() {
        framework.close();
    }
}
