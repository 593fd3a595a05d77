package org.cajal.bench.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import org.cajal.api.compute.BackendInfo;

/** What a reader needs to interpret the figures: backend, native variant, thread settings, memory limits. */
final class Settings {

    /** Environment variables read by ND4J's native code, OpenMP and OpenBLAS when the process starts. */
    static final List<String> THREAD_VARIABLES = List.of("OMP_NUM_THREADS", "ND4J_SKIP_BLAS_THREADS",
            "OPENBLAS_NUM_THREADS", "OPENBLAS_CORETYPE", "MKL_NUM_THREADS", "OMP_PROC_BIND", "OMP_PLACES");

    /** DL4J's switch for the oneDNN/cuDNN layer helpers; unset means disabled in 1.0.0-M2.1 (see ENGINE.md §8). */
    static final String HELPERS_PROPERTY = "org.eclipse.deeplearning4j.helpers.disable";

    private Settings() {
    }

    static void print(BackendInfo info, PrintStream out) {
        out.printf(Locale.ROOT, "backend: %s (%s), native variant %s, %d OpenMP threads, %d BLAS threads%n",
                info.backendClass(), info.kind(), info.nativeVariant().isEmpty() ? "?" : info.nativeVariant(),
                info.threads(), info.blasThreads());
        out.printf(Locale.ROOT, "  cpu features: %s; devices: %s%n", String.join(" ", info.cpuFeatures()),
                String.join("; ", info.devices()));
        out.printf(Locale.ROOT, "  details: %s%n", info.details());
        StringBuilder env = new StringBuilder("environment:");
        for (String name : THREAD_VARIABLES) {
            String value = System.getenv(name);
            env.append(' ').append(name).append('=').append(value == null ? "(unset)" : value);
        }
        out.println(env);
        Runtime rt = Runtime.getRuntime();
        out.printf(Locale.ROOT, "jvm: %s %s, %d cores visible, max heap %d MiB, ND4J off-heap limit %d MiB, -D%s=%s%n",
                System.getProperty("java.vm.name"), System.getProperty("java.version"), rt.availableProcessors(),
                info.maxHeapBytes() >> 20, info.maxOffHeapBytes() >> 20, HELPERS_PROPERTY,
                System.getProperty(HELPERS_PROPERTY, "(unset: helpers off)"));
    }
}
