package org.cajal.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.spark.SparkEnv;
import org.apache.spark.SparkFiles;
import org.cajal.launcher.spi.TrialDistributor;
import org.cajal.launcher.spi.TrialRunner;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction1;

/**
 * One Spark task: one trial (each partition holds one). Runs it with the executor's Cajal, zips the run folder and
 * returns it. A trial that fails for its own reasons (a bad pipeline, a failed run) returns its error and is not
 * retried; only what stops the executor from running trials at all (no Cajal distribution there, a framework that
 * did not start, a dying JVM) fails the task, so that Spark tries it again elsewhere.
 */
final class TrialTask extends AbstractFunction1<Iterator<TrialDistributor.Trial>, TrialDistributor.Result>
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Starts the message of an exception meant for the user; the driver finds it in Spark's failure text. */
    static final String MARK = "[cajal] ";

    private final String home;
    private final String job;
    private final boolean ship;

    /**
     * @param home {@code spark.cajal.home}: the distribution's folder on every node, or relative to the executor's
     *             working or SparkFiles folder (where {@code spark.archives} unpacks it)
     * @param job the job's key, to find its local runner in the driver's JVM
     */
    TrialTask(String home, String job, boolean ship) {
        this.home = home;
        this.job = job;
        this.ship = ship;
    }

    @Override
    public TrialDistributor.Result apply(Iterator<TrialDistributor.Trial> trials) {
        TrialDistributor.Trial trial = trials.next();
        String executor = executor();
        Path runs = null;
        try {
            TrialRunner runner = LocalRunners.get(job);
            if (runner == null) {
                runner = EmbeddedCajal.runner(home(executor), parallelRuns(), executor);
            }
            runs = Files.createTempDirectory("cajal-trial-" + trial.number() + "-");
            java.util.Map<String, String> readFrom = ship ? ShippedFiles.copies(trial, executor) : java.util.Map.of();
            TrialRunner.Outcome outcome = runner.run(ShippedFiles.reading(trial, readFrom), runs);
            byte[] zip = outcome.folder() == null || !Files.isDirectory(outcome.folder()) ? null
                    : RunFolderZip.zip(outcome.folder());
            return new TrialDistributor.Result(trial.number(), zip, outcome.error(), executor, readFrom);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(MARK + "trial " + trial.number() + " was stopped on " + executor, e);
        } catch (IOException e) {
            throw new UncheckedIOException(MARK + "trial " + trial.number() + " on " + executor
                    + ": its run folder could not be written or read: " + e.getMessage(), e);
        } finally {
            RunFolderZip.deleteQuietly(runs);
        }
    }

    private Path home(String executor) {
        if (home == null || home.isBlank()) {
            throw new IllegalStateException(MARK + "spark.cajal.home is not set: the driver sets it to its own Cajal"
                    + " folder; set it with --spark-conf spark.cajal.home=FOLDER (docs/spark.md)");
        }
        Path path = Path.of(home);
        if (path.isAbsolute()) {
            return path;
        }
        Path shipped = Path.of(SparkFiles.getRootDirectory()).resolve(home);
        return Files.isDirectory(shipped) ? shipped : path.toAbsolutePath();
    }

    /** Trials this executor runs at once: its cores over the cores each task takes. */
    private static int parallelRuns() {
        SparkEnv env = SparkEnv.get();
        int cores = env == null ? Runtime.getRuntime().availableProcessors()
                : env.conf().getInt("spark.executor.cores", Runtime.getRuntime().availableProcessors());
        int perTask = env == null ? 1 : env.conf().getInt("spark.task.cpus", 1);
        return Math.max(1, cores / Math.max(1, perTask));
    }

    private static String executor() {
        SparkEnv env = SparkEnv.get();
        String id = env == null ? "?" : env.executorId();
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "?";
        }
        return "executor " + id + " (" + host + ")";
    }
}
