package org.cajal.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.cajal.engine.internal.CudaRuntimeQuery.Gpu;
import org.cajal.engine.internal.CudaRuntimeQuery.Report;
import org.cajal.engine.internal.GpuFallback.Cause;
import org.cajal.engine.internal.GpuFallback.Diagnosis;
import org.cajal.engine.internal.GpuFallback.Evidence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cause classification, fed with made-up searches and runtime answers: no GPU or CUDA needed. */
class GpuFallbackTest {

    private static final List<String> ALL_CUDA = List.of("libcudart.so.11.0", "libcublas.so.11",
            "libcublasLt.so.11", "libcusolver.so.11");
    private static final Gpu RTX_3080 = new Gpu("NVIDIA GeForce RTX 3080", 8, 6, 10L << 30);
    private static final Gpu H100 = new Gpu("NVIDIA H100 80GB HBM3", 9, 0, 80L << 30);
    private static final Gpu K20 = new Gpu("Tesla K20m", 3, 5, 5L << 30);

    private static CudaLibraries.Search search(List<String> missing, Map<String, Set<String>> others) {
        return new CudaLibraries.Search(missing, others, List.of("loaded libraries", "ld.so.cache", "/usr/lib64"));
    }

    private static Evidence noRuntime(List<String> missing) {
        return new Evidence(search(missing, Map.of()), Optional.empty(), null);
    }

    private static Evidence runtime(List<String> missing, Report report) {
        return new Evidence(search(missing, Map.of()), Optional.of(report), null);
    }

    @Test
    void noDriverLibraryMeansNoDriverAndListsTheCudaLibrariesMissingToo() {
        List<String> missing = new java.util.ArrayList<>(List.of(CudaLibraries.DRIVER));
        missing.addAll(ALL_CUDA);
        Diagnosis d = GpuFallback.classify(new Evidence(search(missing,
                Map.of("libcudart.so.11.0", Set.of("libcudart.so.13"))), Optional.empty(), null));
        assertEquals(Cause.NO_DRIVER, d.cause());
        assertTrue(d.notice().startsWith("GPU not used, training runs on the CPU: the NVIDIA driver library "
                + "libcuda.so.1 was not found"), d.notice());
        assertTrue(d.notice().contains("libcudart.so.11.0 (found libcudart.so.13: another CUDA version)"), d.notice());
        assertTrue(d.notice().contains("libcusolver.so.11"), d.notice());
        assertFalse(d.notice().contains("\n"), "one line");
    }

    @Test
    void aDriverWithoutTheCuda11RuntimeIsAMissingLibrary() {
        Diagnosis d = GpuFallback.classify(noRuntime(List.of("libcudart.so.11.0", "libcublas.so.11")));
        assertEquals(Cause.MISSING_CUDA_LIBRARY, d.cause());
        assertTrue(d.notice().contains("libraries libcudart.so.11.0, libcublas.so.11 were not found (searched "
                + "loaded libraries, ld.so.cache, /usr/lib64)"), d.notice());
        assertFalse(d.notice().contains("libcuda.so.1 was not found"), d.notice());
    }

    @Test
    void aRuntimeThatLoadsButLacksCublasIsAMissingLibraryWhenTheGpuIsFine() {
        Report ok = new Report(0, "", 11060, 12020, List.of(RTX_3080));
        Diagnosis d = GpuFallback.classify(runtime(List.of("libcublasLt.so.11"), ok));
        assertEquals(Cause.MISSING_CUDA_LIBRARY, d.cause());
        assertTrue(d.notice().contains("library libcublasLt.so.11 was not found"), d.notice());
    }

    @Test
    void anOldDriverIsNamedAsSuch() {
        Report old = new Report(CudaRuntimeQuery.CUDA_ERROR_INSUFFICIENT_DRIVER, "cudaErrorInsufficientDriver", 11060,
                10020, List.of());
        Diagnosis d = GpuFallback.classify(runtime(List.of(), old));
        assertEquals(Cause.DRIVER_TOO_OLD, d.cause());
        assertTrue(d.notice().contains("which supports CUDA up to 10.2 is too old"), d.notice());
        assertTrue(d.notice().contains("cudaErrorInsufficientDriver"), d.notice());
    }

    @Test
    void aDriverWithoutGpusIsNoGpuEvenWhenLibrariesAreMissing() {
        Report none = new Report(CudaRuntimeQuery.CUDA_ERROR_NO_DEVICE, "cudaErrorNoDevice", 11060, 12020, List.of());
        assertEquals(Cause.NO_GPU, GpuFallback.classify(runtime(List.of("libcusolver.so.11"), none)).cause());
        Report zero = new Report(0, "", 11060, 12020, List.of());
        assertEquals(Cause.NO_GPU, GpuFallback.classify(runtime(List.of(), zero)).cause());
    }

    @Test
    void gpusWithoutKernelsInTheNativesAreUnsupported() {
        Report hopper = new Report(0, "", 11060, 12020, List.of(H100));
        Diagnosis d = GpuFallback.classify(runtime(List.of(), hopper));
        assertEquals(Cause.UNSUPPORTED_GPU, d.cause());
        assertTrue(d.notice().contains("NVIDIA H100 80GB HBM3 (compute capability 9.0)"), d.notice());
        assertEquals(Cause.UNSUPPORTED_GPU, GpuFallback.classify(runtime(List.of(),
                new Report(0, "", 11060, 11040, List.of(K20)))).cause());
    }

    @Test
    void oneSupportedGpuAmongSeveralIsEnough() {
        Report mixed = new Report(0, "", 11060, 12020, List.of(K20, RTX_3080));
        Diagnosis d = GpuFallback.classify(runtime(List.of(), mixed));
        assertEquals(Cause.UNKNOWN, d.cause());
        assertTrue(d.notice().contains("restart Cajal"), d.notice());
    }

    @Test
    void computeCapabilityMatchesTheKernelsOfTheSameMajorVersion() {
        assertTrue(GpuFallback.supported(new Gpu("K80", 3, 7, 0)));
        assertFalse(GpuFallback.supported(new Gpu("K40", 3, 5, 0)));
        assertTrue(GpuFallback.supported(new Gpu("V100", 7, 0, 0)));
        assertTrue(GpuFallback.supported(new Gpu("T4", 7, 5, 0)));
        assertTrue(GpuFallback.supported(new Gpu("A100", 8, 0, 0)));
        assertTrue(GpuFallback.supported(new Gpu("RTX 4090", 8, 9, 0)));
        assertFalse(GpuFallback.supported(new Gpu("H100", 9, 0, 0)));
        assertFalse(GpuFallback.supported(new Gpu("B200", 10, 0, 0)));
    }

    @Test
    void everythingPresentButCpuLoadedSaysSoWithTheFailure() {
        Evidence e = new Evidence(search(List.of(), Map.of()), Optional.empty(),
                new NoClassDefFoundError("Could not initialize class org.bytedeco.cuda.global.cudart")
                        .initCause(new UnsatisfiedLinkError("no jnicudart in java.library.path")));
        Diagnosis d = GpuFallback.classify(e);
        assertEquals(Cause.UNKNOWN, d.cause());
        assertTrue(d.notice().contains("(UnsatisfiedLinkError: no jnicudart in java.library.path)"), d.notice());
    }

    @Test
    void theNoticeIsAddedOnlyWhenTheCudaBackendIsAttached(@TempDir Path dir) throws Exception {
        Map<String, String> details = new HashMap<>();
        try (URLClassLoader without = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            GpuFallback.addNotice(without, details);
        }
        assertTrue(details.isEmpty(), details::toString);

        Path fake = dir.resolve("org/nd4j/linalg/jcublas/JCublasBackend.class");
        Files.createDirectories(fake.getParent());
        Files.write(fake, new byte[] {0});
        try (URLClassLoader with = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            assertTrue(GpuFallback.cudaBackendAttached(with));
            GpuFallback.addNotice(with, details);
        }
        // this machine's real search and runtime decide the cause; whatever it is, the notice says the GPU is unused
        assertTrue(details.get(GpuFallback.NOTICE_KEY).startsWith("GPU not used, training runs on the CPU: "),
                details::toString);
        assertTrue(List.of("no-driver", "driver-too-old", "no-gpu", "unsupported-gpu", "missing-cuda-library",
                "unknown").contains(details.get(GpuFallback.CAUSE_KEY)), details::toString);
    }

    @Test
    void causeIdsAreLowerCaseWithDashes() {
        assertEquals("missing-cuda-library", Cause.MISSING_CUDA_LIBRARY.id());
        assertEquals("no-driver", Cause.NO_DRIVER.id());
    }
}
