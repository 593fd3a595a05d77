package org.cajal.launcher.spi;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Runs an experiment's trials on a distributed engine (Apache Spark) instead of on this process's threads. The
 * launcher registers an implementation as an OSGi service when one is on its class path ({@code lib/spark/},
 * which {@code bin/cajal} adds for {@code --spark}); the experiments bundle calls it with the trials it planned and
 * writes what comes back into the experiment folder, as it does for trials it runs itself.
 *
 * <p>The engine itself stays outside the framework: its class loading and closure serialisation do not belong in
 * OSGi. Only this interface, {@link TrialRunner} and their records (plain Java types) cross the boundary.
 */
public interface TrialDistributor {

    /**
     * One trial, as shipped to an executor.
     *
     * @param number the trial's number in its experiment (from 1)
     * @param pipelineJson the trial's plain pipeline (no search section): the run's pipeline.json
     * @param source what messages name as the pipeline's origin
     * @param baseDirectory the absolute folder relative data paths in the pipeline resolve against
     * @param seed the run's seed
     * @param dataFiles the pipeline's data files: dataset parameter → the file's absolute path on the driver; the
     *                  engine ships them to the executors (docs/spark.md)
     */
    record Trial(int number, String pipelineJson, String source, String baseDirectory, long seed,
                 Map<String, String> dataFiles) implements Serializable {

        public Trial {
            dataFiles = Map.copyOf(dataFiles);
        }

        /** A trial without data files. */
        public Trial(int number, String pipelineJson, String source, String baseDirectory, long seed) {
            this(number, pipelineJson, source, baseDirectory, seed, Map.of());
        }
    }

    /**
     * A trial that ended on an executor.
     *
     * @param runFolderZip the run folder, zipped with the folder's name as the entries' first part; null when the
     *                     trial made no folder (its pipeline was refused before training)
     * @param error why the trial failed, in Cajal's words; null when the run ended on its own (finished,
     *              diverged: its provenance.json says which)
     * @param executor where it ran (executor id and host), for progress lines
     * @param readFrom the data files the executor read from its shipped copy: dataset parameter → the copy's path
     *                 there (its run folder's pipeline.json and provenance.json name that path)
     */
    record Result(int number, byte[] runFolderZip, String error, String executor, Map<String, String> readFrom)
            implements Serializable {

        public Result {
            readFrom = Map.copyOf(readFrom);
        }

        /** A result of a trial that read no shipped file. */
        public Result(int number, byte[] runFolderZip, String error, String executor) {
            this(number, runFolderZip, error, executor, Map.of());
        }
    }

    /**
     * What to run, and where.
     *
     * @param name the application's name (the Spark UI shows it)
     * @param master the cluster's master URL ({@code local[4]}, {@code spark://host:7077}, {@code yarn}, ...)
     * @param conf further engine settings ({@code spark.executor.memory=4g}, ...), the user's {@code --spark-conf}
     * @param home the Cajal distribution folder on this machine (its jars are shipped to the executors)
     */
    record Job(String name, String master, Map<String, String> conf, List<Trial> trials, String home) {

        public Job {
            conf = Map.copyOf(conf);
            trials = List.copyOf(trials);
        }
    }

    /** Hears of the trials as they start and end; called on the engine's threads, one call at a time. */
    interface Progress {

        /** A trial started (again, after a lost executor) on an executor. */
        void started(int trial, String executor);

        /** A trial ended; each trial is handed over exactly once. */
        void finished(Result result);

        /** Something the user should read: the engine's web UI address, a lost executor, a retried trial. */
        void message(String text);
    }

    /**
     * Runs the trials and returns when every one has been handed to {@code progress} (or the job failed).
     * Interrupting the calling thread cancels the trials not yet ended and rethrows the interruption.
     *
     * @param local runs trials in this process when the engine puts executors here ({@code local[N]}): a second
     *              framework in one JVM would load ND4J's native library twice
     * @throws IOException when the engine cannot start (a wrong master URL, an unreachable cluster) or loses the
     *                     job (a trial failed on every try, its executors dying): the message says which
     */
    void run(Job job, TrialRunner local, Progress progress) throws IOException, InterruptedException;
}
