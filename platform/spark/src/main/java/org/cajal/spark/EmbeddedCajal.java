package org.cajal.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.cajal.launcher.CajalFramework;
import org.cajal.launcher.spi.CajalProperties;
import org.cajal.launcher.spi.TrialRunner;

/**
 * The one Cajal framework of an executor JVM, booted from the distribution on the executor's node at its first
 * trial and kept for the JVM's life (a JVM per trial would pay Felix's and ND4J's start-up for every trial). Its
 * {@link TrialRunner} service runs the trials.
 */
final class EmbeddedCajal {

    /** How long the framework's trial runner may take to appear after the framework started. */
    static final Duration RUNNER_WAIT = Duration.ofMinutes(2);

    private static CajalFramework framework;
    private static TrialRunner runner;

    private EmbeddedCajal() {
    }

    /**
     * The executor's trial runner, booting the framework the first time.
     *
     * @param home the distribution folder on this node
     * @param parallelRuns trials this executor runs at once (its cores / {@code spark.task.cpus})
     * @throws IllegalStateException when the folder is not a Cajal distribution or the framework does not come up;
     *                               the message says what to fix, for the driver's error line
     */
    static synchronized TrialRunner runner(Path home, int parallelRuns, String executor) throws InterruptedException {
        if (runner != null) {
            return runner;
        }
        if (!Files.isDirectory(home.resolve("bundles"))) {
            throw new IllegalStateException(TrialTask.MARK + "no Cajal distribution at " + home + " on " + executor
                    + " (no bundles/ folder there): install Cajal at the same path on every node (spark.cajal.home), or"
                    + " ship it with --spark-conf spark.archives=cajal.tar.gz#cajal --spark-conf"
                    + " spark.cajal.home=cajal/cajal-VERSION (docs/spark.md)");
        }
        Map<String, String> defaults = Map.of(
                "org.bytedeco.javacpp.cachedir", Path.of(System.getProperty("user.home"), ".cajal", "javacpp").toString(),
                "org.bytedeco.javacpp.maxphysicalbytes", "0",
                "org.slf4j.simpleLogger.defaultLogLevel", "warn",
                "org.slf4j.simpleLogger.logFile", "System.err");
        defaults.forEach(System.getProperties()::putIfAbsent);
        Map<String, String> config = new HashMap<>();
        config.put(CajalProperties.HOME, home.toString());
        config.put(CajalProperties.PARALLEL_RUNS, Integer.toString(Math.max(1, parallelRuns)));
        CajalFramework started;
        try {
            started = CajalFramework.start(home, config);
        } catch (Exception e) {
            throw new IllegalStateException(TrialTask.MARK + "Cajal at " + home + " did not start on " + executor
                    + ": " + e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(started::close, "cajal-executor-shutdown"));
        Optional<TrialRunner> found = started.waitForService(TrialRunner.class, null, RUNNER_WAIT);
        if (found.isEmpty()) {
            String problems = started.describe(started.problemBundles());
            started.close();
            throw new IllegalStateException(TrialTask.MARK + "Cajal at " + home + " started on " + executor
                    + " but its trial runner (the experiments bundle) did not appear within "
                    + RUNNER_WAIT.toSeconds() + " s" + (problems.isBlank() ? "" : "; bundles not running: " + problems));
        }
        framework = started;
        runner = found.get();
        return runner;
    }

    /** Whether this JVM booted a framework of its own (for tests). */
    static synchronized boolean booted() {
        return framework != null;
    }
}
