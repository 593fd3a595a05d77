package org.cajal.experiments.internal.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cajal.experiments.Cluster;
import org.junit.jupiter.api.Test;

/** --spark MASTER and the repeatable --spark-conf K=V of the experiment commands. */
class SparkOptionsTest {

    private static CommandSupport.Args parse(String... args) {
        return CommandSupport.Args.parse(List.of(args), Set.of("--out", CommandSupport.SPARK));
    }

    @Test
    void aMasterWithSettingsInOrder() {
        Cluster c = parse("x.json", "--spark", "spark://head:7077", "--spark-conf", "spark.executor.memory=4g",
                "--spark-conf", "spark.task.cpus = 2", "--out", "runs").cluster();
        assertEquals("spark://head:7077", c.master());
        assertEquals(Map.of("spark.executor.memory", "4g", "spark.task.cpus", "2"), c.conf());
        assertEquals(List.of("x.json"), parse("x.json", "--spark=local[2]").positional());
        assertEquals("local[2]", parse("x.json", "--spark=local[2]").cluster().master());
    }

    @Test
    void noMasterRunsHere() {
        assertNull(parse("x.json", "--out", "runs").cluster());
    }

    @Test
    void badSettingsAreUsageErrorsThatSayWhatToWrite() {
        assertEquals("--spark-conf needs --spark MASTER too (e.g. --spark local[4] or --spark spark://host:7077)",
                assertThrows(IllegalArgumentException.class,
                        () -> parse("x.json", "--spark-conf", "spark.a=b").cluster()).getMessage());
        assertEquals("--spark-conf needs key=value, e.g. spark.executor.memory=4g; got 'spark.a'",
                assertThrows(IllegalArgumentException.class,
                        () -> parse("x.json", "--spark", "local", "--spark-conf", "spark.a").cluster()).getMessage());
        assertEquals("--spark-conf: 'memory' is not a Spark setting (their names start with spark., e.g."
                        + " spark.executor.memory=4g)", assertThrows(IllegalArgumentException.class,
                () -> parse("x.json", "--spark", "local", "--spark-conf", "memory=4g").cluster()).getMessage());
        assertEquals("--spark needs a value, got an empty one", assertThrows(IllegalArgumentException.class,
                () -> parse("x.json", "--spark", "")).getMessage());
    }
}
