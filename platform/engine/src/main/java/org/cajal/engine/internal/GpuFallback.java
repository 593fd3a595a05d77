package org.cajal.engine.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says, once, why the GPU was not used when ND4J's CUDA backend fragment ({@code org.cajal.backend.cuda}) is attached
 * to the engine but ND4J loaded the CPU backend.
 *
 * <p>ND4J tries {@code JCublasBackend} first; when its {@code canRun()} fails (no {@code libcuda.so.1}, no CUDA 11
 * runtime, no GPU) it logs the failure, prints its stack trace and falls back to {@code CpuBackend}. This class
 * finds the cause by checking, not by guessing: it looks for the libraries the CUDA backend links to where the
 * dynamic loader would ({@link CudaLibraries}), and, when the driver and runtime are there, asks the CUDA runtime
 * for the GPUs and their compute capability ({@link CudaRuntimeQuery}). The result goes into
 * {@link org.cajal.api.compute.BackendInfo#details()} under {@value #NOTICE_KEY} and into one WARN line.
 *
 * <p>Not covered here, because ND4J then does not fall back: a GPU that {@code canRun()} accepts but whose
 * architecture the natives lack (compute capability 9.0 and newer, or below 3.7) makes ND4J choose CUDA and fail at
 * the first operation; see bundles/backend-cuda/README.md.
 */
final class GpuFallback {

    /** The details key of the notice. */
    static final String NOTICE_KEY = "backend.notice";
    /** The details key of the cause, one of {@link Cause}'s names in lower case with dashes ({@code no-driver}). */
    static final String CAUSE_KEY = "backend.notice.cause";
    /** ND4J's CUDA backend; present in the engine's class loader when the CUDA fragment is attached. */
    static final String CUDA_BACKEND_CLASS = "org.nd4j.linalg.jcublas.JCublasBackend";

    /**
     * GPU architectures nd4j-cuda-11.6 1.0.0-M2.1 (linux-x86_64) carries kernels for, read from the fat binary in
     * libnd4jcuda.so: sm_37, 50, 52, 60, 61, 70, 75, 80, 86, machine code only, no PTX that a newer GPU could compile.
     * A kernel for sm_XY runs on compute capability X.Z with Z &gt;= Y.
     */
    static final List<int[]> KERNEL_ARCHITECTURES = List.of(new int[] {3, 7}, new int[] {5, 0}, new int[] {5, 2},
            new int[] {6, 0}, new int[] {6, 1}, new int[] {7, 0}, new int[] {7, 5}, new int[] {8, 0}, new int[] {8, 6});

    private static final String PREFIX = "GPU not used, training runs on the CPU: ";
    private static final String NEEDS = "ND4J's CUDA 11.6 backend needs the NVIDIA driver, the CUDA 11.6 libraries "
            + "(libcudart.so.11.0, libcublas.so.11, libcublasLt.so.11, libcusolver.so.11) and a GPU of compute "
            + "capability 3.7 to 8.x";

    private static final Logger LOG = LoggerFactory.getLogger(GpuFallback.class);

    /** Why the CUDA backend did not load. */
    enum Cause {
        /** libcuda.so.1 is not there: no NVIDIA driver (or it is not visible, e.g. in a container). */
        NO_DRIVER,
        /** the driver is older than CUDA 11 needs. */
        DRIVER_TOO_OLD,
        /** the driver is there but it reports no GPU. */
        NO_GPU,
        /** every GPU has a compute capability the natives have no kernels for. */
        UNSUPPORTED_GPU,
        /** a CUDA 11 library the backend links to is not found. */
        MISSING_CUDA_LIBRARY,
        /** everything checked is in place; the message of ND4J's failure or the restart hint is all there is. */
        UNKNOWN;

        String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * What was checked: the library search, and the CUDA runtime's answer when it could be asked.
     *
     * @param libraries the search for {@link CudaLibraries#REQUIRED}
     * @param runtime the runtime's report; empty when the runtime could not be loaded (or was not tried)
     * @param runtimeFailure why the runtime could not be loaded; null when it loaded or was not tried
     */
    record Evidence(CudaLibraries.Search libraries, Optional<CudaRuntimeQuery.Report> runtime, Throwable runtimeFailure) {
    }

    /** The cause and the one-line notice for the user. */
    record Diagnosis(Cause cause, String notice) {
    }

    private GpuFallback() {
    }

    /**
     * Adds {@value #NOTICE_KEY} and {@value #CAUSE_KEY} to {@code details} and logs the notice once, when the CUDA
     * backend is attached to {@code engineLoader} but the CPU backend was loaded.
     */
    static void addNotice(ClassLoader engineLoader, Map<String, String> details) {
        if (!cudaBackendAttached(engineLoader)) {
            return;
        }
        Diagnosis diagnosis = classify(gather(engineLoader));
        details.put(NOTICE_KEY, diagnosis.notice());
        details.put(CAUSE_KEY, diagnosis.cause().id());
        LOG.warn("{}", diagnosis.notice());
    }

    /** True when ND4J's CUDA backend class is visible to the engine (the CUDA fragment is attached). */
    static boolean cudaBackendAttached(ClassLoader engineLoader) {
        return engineLoader.getResource(CUDA_BACKEND_CLASS.replace('.', '/') + ".class") != null;
    }

    /** Searches the libraries and, when the driver and runtime are there, asks the runtime. */
    static Evidence gather(ClassLoader engineLoader) {
        CudaLibraries.Search libraries = CudaLibraries.searchThisMachine();
        if (libraries.missing().contains(CudaLibraries.DRIVER) || libraries.missing().contains("libcudart.so.11.0")) {
            return new Evidence(libraries, Optional.empty(), null); // loading the runtime could only fail
        }
        CudaRuntimeQuery.Result result = CudaRuntimeQuery.query(engineLoader);
        return new Evidence(libraries, result.report(), result.failure());
    }

    /** Decides the cause from what was checked; the most fundamental problem wins (driver, GPU, libraries). */
    static Diagnosis classify(Evidence evidence) {
        CudaLibraries.Search libraries = evidence.libraries();
        List<String> missing = libraries.missing();
        if (missing.contains(CudaLibraries.DRIVER)) {
            List<String> alsoMissing = new ArrayList<>(missing);
            alsoMissing.remove(CudaLibraries.DRIVER);
            String also = alsoMissing.isEmpty() ? "" : " The CUDA 11.6 libraries are missing too: "
                    + describeMissing(alsoMissing, libraries.otherVersions()) + ".";
            return new Diagnosis(Cause.NO_DRIVER, PREFIX + "the NVIDIA driver library " + CudaLibraries.DRIVER
                    + " was not found (no NVIDIA driver installed, or it is not visible to this process)." + also
                    + " Install the NVIDIA driver and check the GPU with nvidia-smi.");
        }
        if (evidence.runtime().isPresent()) {
            Optional<Diagnosis> fromRuntime = classifyRuntime(evidence.runtime().get());
            if (fromRuntime.isPresent()) {
                return fromRuntime.get();
            }
        }
        if (!missing.isEmpty()) {
            return new Diagnosis(Cause.MISSING_CUDA_LIBRARY, PREFIX + "the CUDA 11.6 "
                    + (missing.size() == 1 ? "library " : "libraries ") + describeMissing(missing, libraries.otherVersions())
                    + (missing.size() == 1 ? " was" : " were") + " not found (searched " + searched(libraries)
                    + "). Install CUDA 11.6 (cuda-libraries-11-6) and add its lib64 folder to LD_LIBRARY_PATH, or rebuild "
                    + "bundles/backend-cuda with the cuda-11.6-8.3-1.5.7-linux-x86_64-redist jar embedded (see its "
                    + "README). " + NEEDS + ".");
        }
        return new Diagnosis(Cause.UNKNOWN, PREFIX + "the NVIDIA driver and the CUDA 11.6 libraries were found"
                + evidence.runtime().map(r -> " and the driver reports " + gpus(r.gpus())).orElse("")
                + ", yet ND4J did not load its CUDA backend"
                + (evidence.runtimeFailure() == null ? "" : " (" + rootMessage(evidence.runtimeFailure()) + ")")
                + ". See ND4J's 'Skipped [JCublasBackend]' message above; if the CUDA backend was added while Cajal "
                + "was running, restart Cajal.");
    }

    private static Optional<Diagnosis> classifyRuntime(CudaRuntimeQuery.Report report) {
        if (report.deviceCountError() == CudaRuntimeQuery.CUDA_ERROR_INSUFFICIENT_DRIVER) {
            String driver = CudaRuntimeQuery.nvidiaDriverVersion().map(v -> " " + v).orElse("");
            String supports = report.driverVersion() > 0
                    ? ", which supports CUDA up to " + CudaRuntimeQuery.versionName(report.driverVersion()) : "";
            return Optional.of(new Diagnosis(Cause.DRIVER_TOO_OLD, PREFIX + "the NVIDIA driver" + driver + supports
                    + " is too old for the CUDA 11.6 runtime (" + report.errorName() + "). Install NVIDIA driver "
                    + "510.39 or newer."));
        }
        if (report.deviceCountError() == CudaRuntimeQuery.CUDA_ERROR_NO_DEVICE
                || (report.deviceCountError() == CudaRuntimeQuery.CUDA_SUCCESS && report.gpus().isEmpty())) {
            return Optional.of(new Diagnosis(Cause.NO_GPU, PREFIX + "the NVIDIA driver is installed but reports no "
                    + "GPU" + (report.errorName().isEmpty() ? "" : " (" + report.errorName() + ")") + ". Check "
                    + "nvidia-smi, and CUDA_VISIBLE_DEVICES if it is set."));
        }
        if (report.deviceCountError() != CudaRuntimeQuery.CUDA_SUCCESS) {
            return Optional.of(new Diagnosis(Cause.UNKNOWN, PREFIX + "the CUDA runtime could not count the GPUs ("
                    + report.errorName() + "). Check the driver with nvidia-smi."));
        }
        if (report.gpus().stream().noneMatch(GpuFallback::supported)) {
            return Optional.of(new Diagnosis(Cause.UNSUPPORTED_GPU, PREFIX + gpus(report.gpus()) + ": ND4J's CUDA "
                    + "11.6 natives carry kernels for compute capability 3.7 to 8.9 "
                    + "(not 9.x or newer, nor below 3.7) only, so " + (report.gpus().size() == 1 ? "this GPU" : "these GPUs") + " cannot run them."));
        }
        return Optional.empty();
    }

    /** True when the natives hold kernels this GPU can run: same major, kernel minor not above the GPU's. */
    static boolean supported(CudaRuntimeQuery.Gpu gpu) {
        return KERNEL_ARCHITECTURES.stream().anyMatch(a -> a[0] == gpu.major() && a[1] <= gpu.minor());
    }

    private static String gpus(List<CudaRuntimeQuery.Gpu> gpus) {
        return gpus.stream().map(g -> g.name() + " (compute capability " + g.capability() + ")")
                .collect(Collectors.joining(", "));
    }

    private static String describeMissing(List<String> missing, Map<String, Set<String>> otherVersions) {
        return missing.stream().map(soname -> {
            Set<String> others = otherVersions.getOrDefault(soname, Set.of());
            return others.isEmpty() ? soname
                    : soname + " (found " + String.join(", ", others) + ": another CUDA version)";
        }).collect(Collectors.joining(", "));
    }

    private static String searched(CudaLibraries.Search libraries) {
        List<String> places = libraries.searched();
        return places.size() <= 4 ? String.join(", ", places)
                : String.join(", ", places.subList(0, 4)) + " and " + (places.size() - 4) + " more folders";
    }

    /** The innermost message of a failure chain, where ND4J and JavaCPP put the loader's own words. */
    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
