package org.cajal.engine.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * BLAS vendor and thread count for {@link BackendProbe}, also when ND4J cannot say: with {@code ND4J_SKIP_BLAS_THREADS}
 * set ND4J never calls JavaCPP's {@code blas_set_num_threads}, and JavaCPP's OpenBLAS presets then answer -1 threads
 * and vendor UNKNOWN although OpenBLAS is loaded and has chosen its thread count itself.
 */
final class BlasSettings {

    static final String UNKNOWN_VENDOR = "UNKNOWN";

    /** OpenBLAS's own order of environment variables for its thread count (driver/others/init.c). */
    private static final List<String> OPENBLAS_THREAD_VARIABLES =
            List.of("OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS");

    private BlasSettings() {
    }

    /**
     * @param nd4jThreads what ND4J reports, -1 if unknown
     * @param environment {@link System#getenv(String)} or a test's map
     * @param cores available processors, OpenBLAS's default
     * @return ND4J's figure when it has one, otherwise the count OpenBLAS derives from the environment
     */
    static int threads(int nd4jThreads, Function<String, String> environment, int cores) {
        if (nd4jThreads > 0) {
            return nd4jThreads;
        }
        for (String variable : OPENBLAS_THREAD_VARIABLES) {
            int value = positiveInt(environment.apply(variable));
            if (value > 0) {
                return value;
            }
        }
        return cores;
    }

    /** ND4J's vendor, or OPENBLAS when ND4J says UNKNOWN but JavaCPP has loaded OpenBLAS. */
    static String vendor(String nd4jVendor, Map<String, String> loadedLibraries) {
        boolean unknown = nd4jVendor == null || nd4jVendor.isEmpty() || UNKNOWN_VENDOR.equals(nd4jVendor);
        if (unknown && loadedLibraries.keySet().stream().anyMatch(name -> name.startsWith("openblas"))) {
            return "OPENBLAS";
        }
        return unknown ? UNKNOWN_VENDOR : nd4jVendor;
    }

    private static int positiveInt(String text) {
        if (text == null) {
            return -1;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }
}
