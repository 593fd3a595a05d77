package org.cajal.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkException;
import org.cajal.launcher.spi.TrialDistributor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark settings of a job: Cajal's defaults only where the user set nothing; what executors are sent. */
class SparkSettingsTest {

    @TempDir
    Path home;

    private TrialDistributor.Job job(String master, Map<String, String> conf) {
        return new TrialDistributor.Job("Cajal: search-x", master, conf, List.of(), home.toString());
    }

    @Test
    void aLocalMasterGetsThreadsAndHomeButNoJarsAndShipsNoData() {
        SparkConf conf = SparkSettings.of(job("local[2]", Map.of("spark.task.cpus", "2")));
        assertEquals("local[2]", conf.get("spark.master"));
        assertEquals("Cajal: search-x", conf.get("spark.app.name"));
        assertEquals("2", conf.get("spark.executorEnv.OMP_NUM_THREADS"), "ND4J's threads follow spark.task.cpus");
        assertEquals("1", conf.get("spark.executorEnv.OPENBLAS_NUM_THREADS"));
        assertEquals(home.toString(), conf.get(SparkSettings.CAJAL_HOME));
        assertFalse(conf.contains("spark.jars"), "local executors are the driver: nothing to send");
        assertFalse(SparkSettings.shipsData(conf));
    }

    @Test
    void aClusterGetsTheLaunchersJarsBeforeTheUsersAndTheUsersSettingsWin() throws Exception {
        Files.createDirectories(home.resolve("lib/spark"));
        for (String jar : List.of("lib/launcher.jar", "lib/org.apache.felix.framework.jar", "lib/picocli.jar",
                "lib/spark/cajal-spark.jar")) {
            Files.writeString(home.resolve(jar), "jar");
        }
        SparkConf conf = SparkSettings.of(job("spark://head:7077", Map.of("spark.jars", "file:/opt/extra.jar",
                "spark.executorEnv.OMP_NUM_THREADS", "8", SparkSettings.CAJAL_HOME, "cajal/cajal-1")));
        String[] jars = conf.get("spark.jars").split(",");
        assertEquals(5, jars.length, conf.get("spark.jars"));
        assertTrue(jars[0].endsWith("lib/launcher.jar") && jars[3].endsWith("lib/spark/cajal-spark.jar"));
        assertEquals("file:/opt/extra.jar", jars[4]);
        assertEquals("8", conf.get("spark.executorEnv.OMP_NUM_THREADS"));
        assertEquals("cajal/cajal-1", conf.get(SparkSettings.CAJAL_HOME));
        assertTrue(SparkSettings.shipsData(conf));
        assertFalse(SparkSettings.shipsData(SparkSettings.of(job("spark://head:7077",
                Map.of(SparkSettings.DATA, "path")))));
    }

    @Test
    void aJobFailureSaysCajalsOwnMessageWhereATaskHadOne() {
        SparkException e = new SparkException("Job aborted due to stage failure: Task 0 in stage 0.0 failed 4 times,"
                + " most recent failure: Lost task 0.3 (TID 3) (10.0.0.2 executor 1): java.lang.IllegalStateException: "
                + TrialTask.MARK + "no Cajal distribution at /opt/cajal on executor 1 (node-b)\n\tat x.y(Z.java:1)");
        assertEquals("no Cajal distribution at /opt/cajal on executor 1 (node-b)",
                SparkTrialDistributor.failure(e));
        assertEquals("Job 0 cancelled", SparkTrialDistributor.failure(new SparkException("Job 0 cancelled\nmore")));
    }
}
