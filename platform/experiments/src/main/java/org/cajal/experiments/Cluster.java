package org.cajal.experiments;

import java.util.Map;
import java.util.Objects;

/**
 * Where an experiment's trials run when not on this machine's threads: an Apache Spark cluster. Each trial (one
 * pipeline run) is one Spark task; executors run Cajal itself and hand the run folders back, so the experiment
 * folder is the one a local experiment writes (docs/spark.md).
 *
 * @param master Spark's master URL: {@code local[4]}, {@code spark://host:7077}, {@code yarn}, {@code k8s://...}
 * @param conf further Spark settings ({@code spark.executor.memory} → {@code 4g}), as {@code --spark-conf} gives
 */
public record Cluster(String master, Map<String, String> conf) {

    public Cluster {
        Objects.requireNonNull(master, "master");
        if (master.isBlank()) {
            throw new IllegalArgumentException("the Spark master URL is empty (e.g. local[4] or spark://host:7077)");
        }
        conf = Map.copyOf(conf);
    }

    /** A master URL without further settings. */
    public static Cluster of(String master) {
        return new Cluster(master, Map.of());
    }
}
