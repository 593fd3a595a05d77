package org.cajal.engine.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.cajal.api.compute.BackendInfo;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.factory.Nd4jBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts ND4J and proves the natives compute before the backend is announced, timing each step. */
final class Nd4jStartup {

    private static final Logger LOG = LoggerFactory.getLogger(Nd4jStartup.class);

    /** [[1,2],[3,4]] times itself is [[7,10],[15,22]]. */
    private static final double EXPECTED_FIRST_SUM = 54.0;

    private final long startNanos;
    private final String requestedExtension;

    /**
     * @param startNanos {@link System#nanoTime()} when the engine bundle started, for the total in the log
     * @param requestedExtension the native build asked of JavaCPP ({@link NativeVariantChoice}), {@code ""} generic
     */
    Nd4jStartup(long startNanos, String requestedExtension) {
        this.startNanos = startNanos;
        this.requestedExtension = requestedExtension;
    }

    /** Loads the backend (ServiceLoader discovery, native extraction and loading), runs a first operation, describes it. */
    BackendInfo start() {
        long backendStart = System.nanoTime();
        Nd4jBackend backend = Nd4j.getBackend();
        boolean cpu = BackendProbe.KIND_CPU.equals(BackendProbe.kindOf(backend.getClass().getName()));
        EngineActivator.enableLayerHelpers(cpu);
        long firstOpStart = System.nanoTime();
        runFirstOperation();
        long probeStart = System.nanoTime();

        Map<String, String> timings = new LinkedHashMap<>();
        timings.put("startup.backendMs", millisBetween(backendStart, firstOpStart));
        timings.put("startup.firstOpMs", millisBetween(firstOpStart, probeStart));
        if (cpu) {
            timings.put("nativeVariant.requested", NativeVariantChoice.variantName(requestedExtension));
        }
        timings.put("dl4j.onednnHelpers", String.valueOf(oneDnnHelpersEnabled()));
        BackendInfo info = new BackendProbe(backend).describe(timings);
        String totalMs = millisBetween(startNanos, System.nanoTime());
        String loaded = info.nativeVariant();
        // only the CPU backend loads one of the builds the choice was about (CUDA loads jnind4jcuda)
        String expected = cpu ? NativeVariantChoice.javaCppPlatform() + requestedExtension : loaded;
        if (!loaded.equals(expected)) {
            LOG.warn("JavaCPP loaded the native build {} although {} was requested; the speed figures of "
                    + "docs/performance.md assume the requested one", loaded,
                    NativeVariantChoice.variantName(requestedExtension));
        }

        LOG.info("ND4J ready in {} ms (backend and natives {} ms, first op {} ms): {} {} on {}, {} OpenMP / {} BLAS "
                        + "threads ({}), off-heap limit {} MiB",
                totalMs, timings.get("startup.backendMs"), timings.get("startup.firstOpMs"), info.kind(),
                info.backendClass().substring(info.backendClass().lastIndexOf('.') + 1), info.nativeVariant(),
                info.threads(), info.blasThreads(), info.details().getOrDefault("blas.vendor", "BLAS unknown"),
                info.maxOffHeapBytes() >> 20);
        return info;
    }

    /**
     * Whether DL4J will use its oneDNN layer helpers: its own check ({@code BaseMKLDNNHelper.mklDnnEnabled()}), which
     * needs a CPU backend, a oneDNN build of the natives and {@code org.nd4j.nativeblas.Nd4jCpu} (ENGINE.md 8.3).
     * The helper switch ({@value BackendProbe#DL4J_HELPERS_DISABLE}) is reported separately.
     */
    static boolean oneDnnHelpersEnabled() {
        try {
            return org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper.mklDnnEnabled();
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("DL4J's oneDNN check failed", e);
            return false;
        }
    }

    /** A 2x2 matrix product: the first call into the natives, which fails loudly if they are broken. */
    static void runFirstOperation() {
        try (INDArray a = Nd4j.create(new float[] {1, 2, 3, 4}, new long[] {2, 2}, DataType.FLOAT);
             INDArray product = a.mmul(a)) {
            double sum = product.sumNumber().doubleValue();
            if (Math.abs(sum - EXPECTED_FIRST_SUM) > 1e-4) {
                throw new IllegalStateException("ND4J's first operation computed a wrong result: [[1,2],[3,4]]^2 summed to "
                        + sum + " instead of " + EXPECTED_FIRST_SUM + "; the native backend is not usable");
            }
        }
    }

    private static String millisBetween(long fromNanos, long toNanos) {
        return Long.toString(TimeUnit.NANOSECONDS.toMillis(toNanos - fromNanos));
    }
}
