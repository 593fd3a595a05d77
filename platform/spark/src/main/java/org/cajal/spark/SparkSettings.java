package org.cajal.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.SparkConf;
import org.cajal.launcher.spi.TrialDistributor;

/**
 * The Spark settings of a job: the user's ({@code --spark-conf}, and {@code -Dspark.*} in CAJAL_OPTS) over Cajal's
 * defaults, which are only set where the user has not:
 * <ul>
 *   <li>{@code spark.cajal.home}: this machine's Cajal folder, where executors find the distribution;</li>
 *   <li>{@code spark.jars}, for executors in other JVMs: the launcher's jars and this module's, which boot the
 *       executor's framework;</li>
 *   <li>{@code spark.executorEnv.OMP_NUM_THREADS} = {@code spark.task.cpus} (ND4J's threads per trial; default
 *       1), with {@code ND4J_SKIP_BLAS_THREADS=1} and {@code OPENBLAS_NUM_THREADS=1} as bin/cajal sets them;</li>
 *   <li>{@code spark.ui.showConsoleProgress=false}: Cajal prints its own line per trial.</li>
 * </ul>
 */
final class SparkSettings {

    /** Where the executors find the Cajal distribution (absolute, or relative to an unpacked archive). */
    static final String CAJAL_HOME = "spark.cajal.home";
    /**
     * {@code ship} (default): the trials' data files go to the executors with the job (SparkContext.addFile) and
     * are read from there; {@code path}: nothing is shipped, executors read each file at the driver's path (a shared
     * file system with large data). Local masters never ship: their executors are the driver.
     */
    static final String DATA = "spark.cajal.data";
    /** The module's own jar in the distribution, beside Spark's {@code jars/}. */
    static final String OWN_JAR = "cajal-spark.jar";

    private SparkSettings() {
    }

    /** Whether the job's data files are shipped to the executors. */
    static boolean shipsData(SparkConf conf) {
        return !isLocal(conf.get("spark.master")) && !"path".equals(conf.get(DATA, "ship").trim());
    }

    static boolean isLocal(String master) {
        return master.equals("local") || master.startsWith("local[") || master.startsWith("local-cluster[");
    }

    static SparkConf of(TrialDistributor.Job job) {
        SparkConf conf = new SparkConf(true).setMaster(job.master()).setAppName(job.name());
        job.conf().forEach(conf::set);
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        conf.setIfMissing("spark.task.cpus", "1");
        conf.setIfMissing("spark.executorEnv.OMP_NUM_THREADS", conf.get("spark.task.cpus"));
        conf.setIfMissing("spark.executorEnv.ND4J_SKIP_BLAS_THREADS", "1");
        conf.setIfMissing("spark.executorEnv.OPENBLAS_NUM_THREADS", "1");
        if (job.home() != null) {
            conf.setIfMissing(CAJAL_HOME, job.home());
            List<String> jars = executorJars(Path.of(job.home()));
            if (!jars.isEmpty() && !isLocal(job.master())) {
                String given = conf.get("spark.jars", "");
                conf.set("spark.jars", String.join(",", jars) + (given.isBlank() ? "" : "," + given));
            }
        }
        return conf;
    }

    /** The jars an executor needs besides Spark's: the launcher (Felix, picocli) and this module. */
    static List<String> executorJars(Path home) {
        List<String> jars = new ArrayList<>();
        for (Path jar : List.of(home.resolve("lib/launcher.jar"), home.resolve("lib/org.apache.felix.framework.jar"),
                home.resolve("lib/picocli.jar"), home.resolve("lib/spark").resolve(OWN_JAR))) {
            if (Files.isRegularFile(jar)) {
                jars.add(jar.toAbsolutePath().toUri().toString());
            }
        }
        return jars;
    }
}
