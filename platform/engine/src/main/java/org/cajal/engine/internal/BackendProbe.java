package org.cajal.engine.internal;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.cajal.api.compute.BackendInfo;
import org.nd4j.linalg.api.environment.Nd4jEnvironment;
import org.nd4j.linalg.factory.Environment;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.factory.Nd4jBackend;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;

/** Collects, once ND4J is up, what ND4J, JavaCPP, the JVM and the OS say about the backend into a {@link BackendInfo}. */
final class BackendProbe {

    static final String KIND_CPU = "cpu";
    static final String KIND_CUDA = "cuda";

    /** Environment variables that change native threading or kernels; read by the natives at start-up. */
    static final List<String> NATIVE_ENVIRONMENT = List.of("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS",
            "ND4J_SKIP_BLAS_THREADS", "OPENBLAS_CORETYPE", "MKL_NUM_THREADS");

    /** DL4J's switch for layer helpers; unset means disabled. */
    static final String DL4J_HELPERS_DISABLE = "org.eclipse.deeplearning4j.helpers.disable";

    private final Nd4jBackend backend;

    BackendProbe(Nd4jBackend backend) {
        this.backend = backend;
    }

    /** @param timings start-up timings to keep among the details */
    BackendInfo describe(Map<String, String> timings) {
        Properties environment = Nd4j.getExecutioner().getEnvironmentInformation();
        String backendClass = backend.getClass().getName();
        String kind = kindOf(backendClass);
        CpuDescription cpu = CpuDescription.read();
        int threads = intValue(environment, Nd4jEnvironment.OMP_THREADS_KEY, Nd4j.getEnvironment().maxThreads());
        int nd4jBlasThreads = intValue(environment, Nd4jEnvironment.BLAS_THREADS_KEY, -1);
        int blasThreads = KIND_CPU.equals(kind)
                ? BlasSettings.threads(nd4jBlasThreads, System::getenv, Runtime.getRuntime().availableProcessors())
                : nd4jBlasThreads;
        Map<String, String> details = details(environment, timings);
        if (KIND_CUDA.equals(kind)) { // CUDA versions and capabilities; on the CPU, why an attached GPU backend is unused
            CudaBackendDetails.addTo(BackendProbe.class.getClassLoader(), environment, details);
        } else {
            GpuFallback.addNotice(BackendProbe.class.getClassLoader(), details);
        }
        return new BackendInfo(backendClass, kind, NativeVariant.loaded(), cpu.features(), threads, blasThreads,
                Runtime.getRuntime().maxMemory(), Pointer.maxBytes(), physicalBytes(),
                devices(kind, cpu, environment), details);
    }

    /** {@code cuda} for ND4J's CUDA backend ({@code org.nd4j.linalg.jcublas.JCublasBackend}), else {@code cpu}. */
    static String kindOf(String backendClass) {
        return backendClass.startsWith("org.nd4j.linalg.jcublas.") ? KIND_CUDA : KIND_CPU;
    }

    private static List<String> devices(String kind, CpuDescription cpu, Properties environment) {
        if (KIND_CUDA.equals(kind)) {
            return gpuDevices(environment.get(Nd4jEnvironment.CUDA_DEVICE_INFORMATION_KEY));
        }
        int cores = Runtime.getRuntime().availableProcessors();
        return List.of("CPU: " + cpu.model() + ", " + cores + (cores == 1 ? " core" : " cores"));
    }

    /** One "GPU i: name, N MiB" per entry of the CUDA executioner's device list. */
    private static List<String> gpuDevices(Object deviceList) {
        List<String> devices = new ArrayList<>();
        if (deviceList instanceof List<?> list) {
            for (Object entry : list) {
                if (entry instanceof Map<?, ?> device) {
                    Object memory = device.get(Nd4jEnvironment.CUDA_TOTAL_MEMORY_KEY);
                    String mib = memory instanceof Number bytes ? ", " + (bytes.longValue() >> 20) + " MiB" : "";
                    devices.add("GPU " + devices.size() + ": " + device.get(Nd4jEnvironment.CUDA_DEVICE_NAME_KEY) + mib);
                }
            }
        }
        return devices;
    }

    private static Map<String, String> details(Properties environment, Map<String, String> timings) {
        Environment nd4j = Nd4j.getEnvironment();
        Map<String, String> details = new LinkedHashMap<>();
        putBlas(environment, nd4j, details);
        copy(environment, Nd4jEnvironment.CPU_CORES_KEY, details);
        copy(environment, Nd4jEnvironment.OS_KEY, details);
        details.put("nd4j.dataType", String.valueOf(Nd4j.dataType()));
        details.put("nd4j.executioner", Nd4j.getExecutioner().getClass().getName());
        details.put("nd4j.helpersAllowed", String.valueOf(nd4j.helpersAllowed()));
        // DL4J 1.0.0-M2.1 creates no oneDNN/cuDNN layer helper unless this is "false" (ENGINE.md 8)
        details.put(DL4J_HELPERS_DISABLE, System.getProperty(DL4J_HELPERS_DISABLE, "true"));
        if (nd4j.isCPU()) {
            putInstructionLevels(details);
        }
        putJavaCppAndEnvironment(details);
        details.putAll(timings);
        return details;
    }

    private static void putBlas(Properties environment, Environment nd4j, Map<String, String> details) {
        Object vendor = environment.get(Nd4jEnvironment.BLAS_VENDOR_KEY);
        details.put(Nd4jEnvironment.BLAS_VENDOR_KEY,
                BlasSettings.vendor(vendor == null ? null : vendor.toString(), Loader.getLoadedLibraries()));
        if (nd4j.blasMajorVersion() > 0) { // the CPU backend reports 0.0.0
            details.put("blas.version", nd4j.blasMajorVersion() + "." + nd4j.blasMinorVersion() + "." + nd4j.blasPatchVersion());
        }
        boolean nd4jSetBlasThreads = intValue(environment, Nd4jEnvironment.BLAS_THREADS_KEY, -1) > 0;
        details.put("blas.threads.source", nd4jSetBlasThreads ? "nd4j" : "environment, as OpenBLAS reads it");
    }

    private static void putJavaCppAndEnvironment(Map<String, String> details) {
        details.put("javacpp.platform", Loader.getPlatform());
        details.put("javacpp.platform.extension", System.getProperty(NativeVariant.EXTENSION_PROPERTY, ""));
        details.put("javacpp.cachedir", System.getProperty("org.bytedeco.javacpp.cachedir", "~/.javacpp/cache"));
        details.put("javacpp.maxPhysicalBytes", Long.toString(Pointer.maxPhysicalBytes()));
        for (String variable : NATIVE_ENVIRONMENT) {
            String value = System.getenv(variable);
            if (value != null) {
                details.put("env." + variable, value);
            }
        }
    }

    /**
     * What the loaded binary was built for against the best this CPU could run, as ND4J names them (0/1 generic
     * x86, 2 AVX/AVX2, 3 AVX512): a gap means a faster native variant exists for this machine.
     */
    private static void putInstructionLevels(Map<String, String> details) {
        NativeOps nativeOps = NativeOpsHolder.getInstance().getDeviceNativeOps();
        details.put("nd4j.binaryLevel", instructionLevelName(nativeOps.binaryLevel()));
        details.put("nd4j.optimalLevel", instructionLevelName(nativeOps.optimalLevel()));
    }

    static String instructionLevelName(int level) {
        return switch (level) {
            case 3 -> "AVX512";
            case 2 -> "AVX/AVX2";
            default -> "Generic x86";
        };
    }

    /** Total physical memory (container-aware on Java 17), or JavaCPP's figure where the JDK's MXBean is not wired. */
    private static long physicalBytes() {
        try {
            if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
                return os.getTotalMemorySize();
            }
        } catch (NoClassDefFoundError optionalImportNotWired) {
            // com.sun.management is an optional import; fall through
        }
        long total = Pointer.totalPhysicalBytes();
        return total > 0 ? total : -1;
    }

    private static void copy(Properties environment, String key, Map<String, String> details) {
        Object value = environment.get(key);
        if (value != null) {
            details.put(key, String.valueOf(value));
        }
    }

    private static int intValue(Properties environment, String key, int fallback) {
        Object value = environment.get(key);
        try {
            return value == null ? fallback : Integer.parseInt(String.valueOf(value).trim());
        } catch (NumberFormatException notANumber) {
            return fallback;
        }
    }
}
