package org.cajal.itests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.cajal.launcher.CajalFramework;
import org.cajal.testkit.CajalExtension;
import org.cajal.testkit.CommandOutcome;
import org.cajal.testkit.RunningCajal;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension for the itests: the plugin testkit's {@link CajalExtension} booting the assembled distribution
 * ({@code cajal.dist}) ONCE per test JVM, with the workbench's preferences kept apart from the user's. Test methods
 * get a {@link CajalRuntime}, a thin view of the testkit's {@link RunningCajal} (reach it with {@link #kit()}).
 */
public final class CajalRuntime implements BeforeAllCallback, ParameterResolver {

    private static CajalRuntime shared;

    private final RunningCajal kit;

    /** The extension instance JUnit creates; test methods get the shared view made at the first boot. */
    public CajalRuntime() {
        this(null);
    }

    private CajalRuntime(RunningCajal kit) {
        this.kit = kit;
    }

    /** The result of one command: exit status and what it printed. */
    public record Outcome(int status, String out, String err) {
        static Outcome of(CommandOutcome o) {
            return new Outcome(o.status(), o.out(), o.err());
        }

        @Override
        public String toString() {
            return new CommandOutcome(status, out, err).toString();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (CajalRuntime.class) {
            RunningCajal kit = CajalExtension.shared(context, distribution(), Map.of(
                    // the workbench keeps its settings (recent files, layout) apart from the user's
                    "cajal.workbench.preferences", "org/cajal/itests/workbench-" + ProcessHandle.current().pid()));
            if (shared == null || shared.kit != kit) {
                shared = new CajalRuntime(kit);
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

    static Path distribution() {
        Path dist = Path.of(System.getProperty("cajal.dist", "../distribution/target/cajal"));
        if (!Files.isDirectory(dist.resolve("bundles"))) {
            throw new IllegalStateException("no assembled distribution at " + dist.toAbsolutePath()
                    + "; build it first with mvn -B package -DskipTests");
        }
        return dist;
    }

    /** The testkit's running Cajal behind this view: components by kind and id, dropping and removing plugins. */
    public RunningCajal kit() {
        return kit;
    }

    public CajalFramework framework() {
        return kit.framework();
    }

    /** Where runs started without --out (the workbench's runs) write their folders. */
    public Path runs() {
        return kit.runs();
    }

    /** The folder FileInstall watches in this test framework. */
    public Path plugins() {
        return kit.plugins();
    }

    /** A fresh folder for one test's files. */
    public Path newFolder(String name) {
        return kit.newFolder(name);
    }

    /** Runs {@code cajal run} with the given arguments, as the launcher would, capturing its output. */
    public Outcome run(String... args) throws InterruptedException {
        return Outcome.of(kit.run(args));
    }

    /** Runs another launcher command ({@code cajal docs ...}). */
    public Outcome command(String name, String... args) throws InterruptedException {
        return Outcome.of(kit.command(name, args));
    }

    /** The run folder a successful run printed as its last line. */
    static Path runFolder(Outcome outcome) {
        return new CommandOutcome(outcome.status(), outcome.out(), outcome.err()).runFolder();
    }
}
