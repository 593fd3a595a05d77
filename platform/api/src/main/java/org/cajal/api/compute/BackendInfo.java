package org.cajal.api.compute;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A description of the active compute backend.
 *
 * @param backendClass the ND4J backend class ({@code org.nd4j.linalg.cpu.nativecpu.CpuBackend})
 * @param kind {@code cpu} or {@code cuda}
 * @param nativeVariant the native library variant loaded ({@code linux-x86_64}, {@code linux-x86_64-avx2}, ...)
 * @param cpuFeatures CPU instruction-set extensions found ({@code avx2}, {@code avx512f}, ...)
 * @param threads threads ND4J's native code uses (OpenMP)
 * @param blasThreads threads the BLAS library uses
 * @param maxHeapBytes the JVM's maximum heap
 * @param maxOffHeapBytes ND4J's off-heap limit
 * @param physicalBytes total physical memory of the machine, or -1 if unknown
 * @param devices one entry per compute device (the CPU, or each GPU) with name and memory
 * @param details everything else the backend reports (BLAS vendor, ...)
 */
public record BackendInfo(String backendClass, String kind, String nativeVariant, List<String> cpuFeatures,
                          int threads, int blasThreads, long maxHeapBytes, long maxOffHeapBytes,
                          long physicalBytes, List<String> devices, Map<String, String> details) {

    public BackendInfo {
        Objects.requireNonNull(backendClass, "backendClass");
        Objects.requireNonNull(kind, "kind");
        nativeVariant = Objects.requireNonNullElse(nativeVariant, "");
        cpuFeatures = List.copyOf(cpuFeatures);
        devices = List.copyOf(devices);
        details = Map.copyOf(details);
    }
}
