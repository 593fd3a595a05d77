package org.cajal.spark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.cajal.launcher.spi.TrialRunner;

/**
 * The trial runners of jobs whose executors are the driver's own JVM ({@code local[N]}), by job key: a task that
 * finds its job here trains with the driver's framework instead of booting a second one in the same JVM (ND4J's
 * native library can be loaded by one class loader only).
 */
final class LocalRunners {

    private static final Map<String, TrialRunner> RUNNERS = new ConcurrentHashMap<>();

    private LocalRunners() {
    }

    static void put(String job, TrialRunner runner) {
        if (runner != null) {
            RUNNERS.put(job, runner);
        }
    }

    static TrialRunner get(String job) {
        return RUNNERS.get(job);
    }

    static void remove(String job) {
        RUNNERS.remove(job);
    }
}
