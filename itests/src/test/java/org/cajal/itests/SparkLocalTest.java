package org.cajal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code cajal search examples/xor.json --spark local[2]}, as a user types it: the trials run as Spark tasks (the
 * executors are the driver's JVM), and the experiment folder holds, trial for trial, what the same search run on
 * this machine's threads holds, down to the bytes of metrics.csv and weights.json.
 */
@ExtendWith(CajalRuntime.class)
class SparkLocalTest {

    @Test
    void aSearchOnSparkLocalGivesTheLocalSearchsNumbersTrialForTrial(CajalRuntime cajal) throws Exception {
        Path dir = cajal.newFolder("spark-local");
        Path xor = CajalRuntime.distribution().resolve("examples").resolve("xor.json").toAbsolutePath();
        SparkTrials.Run spark = SparkTrials.cajal(dir.resolve("spark.log"), Duration.ofMinutes(4), "search",
                "examples/xor.json", "--spark", "local[2]", "--out", dir.resolve("spark").toString());
        assertEquals(0, spark.status(), spark::toString);
        assertTrue(spark.output().contains("running 8 trials on Spark (local[2])"), spark::toString);
        assertTrue(spark.output().contains("Spark application local-"), spark::toString);

        CajalRuntime.Outcome local = cajal.command("search", xor.toString(), "--out", dir.resolve("local").toString());
        assertEquals(0, local.status(), local::toString);

        SparkTrials.assertSameTrials(ExperimentsTest.onlyChild(dir.resolve("local"), "search-"),
                ExperimentsTest.onlyChild(dir.resolve("spark"), "search-"), 8);
    }

    @Test
    void sparkOptionsAreCheckedBeforeAnythingRuns(CajalRuntime cajal) throws Exception {
        Path dir = cajal.newFolder("spark-options");
        Path xor = CajalRuntime.distribution().resolve("examples").resolve("xor.json").toAbsolutePath();
        CajalRuntime.Outcome conf = cajal.command("search", xor.toString(), "--spark-conf", "spark.executor.memory=4g",
                "--out", dir.toString());
        assertEquals(2, conf.status(), conf::toString);
        assertTrue(conf.err().contains("--spark-conf needs --spark MASTER too"), conf::toString);
        CajalRuntime.Outcome bad = cajal.command("repeat", xor.toString(), "--spark", "local[2]", "--spark-conf",
                "executor.memory=4g", "--out", dir.toString());
        assertEquals(2, bad.status(), bad::toString);
        assertTrue(bad.err().contains("'executor.memory' is not a Spark setting"), bad::toString);
        // the test framework, like a start without lib/spark/ on the class path, has no Spark: said plainly
        CajalRuntime.Outcome none = cajal.command("sweep", xor.toString(), "--param", "training.epochs",
                "--values", "5,10", "--spark", "local[2]", "--out", dir.toString());
        assertEquals(1, none.status(), none::toString);
        assertTrue(none.err().contains("Spark is not available in this Cajal"), none::toString);
    }
}
