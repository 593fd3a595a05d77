package org.cajal.engine.internal;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;

/**
 * Asks the CUDA runtime, through JavaCPP's {@code org.bytedeco.cuda.global.cudart} bindings of the CUDA backend
 * fragment, how many GPUs there are, what they are and which CUDA versions the runtime and the driver offer.
 *
 * <p>Reflection, because the engine is built and runs without the CUDA fragment; the bindings are found through the
 * engine's class loader, where an attached fragment's classes live. Loading them loads {@code libjnicudart.so} and so
 * {@code libcuda.so.1} and {@code libcudart.so.11.0}: call this only when {@link CudaLibraries} found those.
 */
final class CudaRuntimeQuery {

    static final String CUDART = "org.bytedeco.cuda.global.cudart";
    static final String DEVICE_PROP = "org.bytedeco.cuda.cudart.cudaDeviceProp";
    /** The NVIDIA kernel module's version line, when the driver is loaded. */
    static final Path NVIDIA_DRIVER_VERSION = Path.of("/proc/driver/nvidia/version");

    /** cudaError_t values the notice explains; the rest are named by {@code cudaGetErrorName}. */
    static final int CUDA_SUCCESS = 0;
    static final int CUDA_ERROR_INSUFFICIENT_DRIVER = 35;
    static final int CUDA_ERROR_NO_DEVICE = 100;

    /**
     * One GPU as the runtime describes it.
     *
     * @param name the device name, {@code NVIDIA GeForce RTX 3080}
     * @param major compute capability, major
     * @param minor compute capability, minor
     * @param totalBytes device memory
     */
    record Gpu(String name, int major, int minor, long totalBytes) {
        String capability() {
            return major + "." + minor;
        }
    }

    /**
     * What the runtime said.
     *
     * @param deviceCountError {@code cudaGetDeviceCount}'s cudaError_t, 0 on success
     * @param errorName its name ({@code cudaErrorInsufficientDriver}), empty on success
     * @param runtimeVersion {@code cudaRuntimeGetVersion}, 11060 for 11.6; 0 if unknown
     * @param driverVersion {@code cudaDriverGetVersion}, the newest CUDA the driver supports; 0 if unknown or none
     * @param gpus the devices, empty when there are none
     */
    record Report(int deviceCountError, String errorName, int runtimeVersion, int driverVersion, List<Gpu> gpus) {
        Report {
            errorName = errorName == null ? "" : errorName;
            gpus = List.copyOf(gpus);
        }
    }

    private final Class<?> cudart;

    private CudaRuntimeQuery(Class<?> cudart) {
        this.cudart = cudart;
    }

    /**
     * Queries the runtime through {@code loader}.
     *
     * @return the report, or empty with nothing thrown when the bindings are absent or their libraries do not load
     *         (the returned failure says why)
     */
    static Result query(ClassLoader loader) {
        try {
            Class<?> cudart = Class.forName(CUDART, true, loader);
            return new Result(Optional.of(new CudaRuntimeQuery(cudart).report(loader)), null);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return new Result(Optional.empty(), e);
        }
    }

    /** A report, or why there is none. */
    record Result(Optional<Report> report, Throwable failure) {
    }

    private Report report(ClassLoader loader) throws ReflectiveOperationException {
        int[] count = {0};
        int error = (int) call("cudaGetDeviceCount", new Class<?>[] {int[].class}, (Object) count);
        String errorName = error == CUDA_SUCCESS ? "" : errorName(error);
        int runtime = version("cudaRuntimeGetVersion");
        int driver = version("cudaDriverGetVersion");
        List<Gpu> gpus = new ArrayList<>();
        if (error == CUDA_SUCCESS) {
            Class<?> propClass = Class.forName(DEVICE_PROP, true, loader);
            for (int device = 0; device < count[0]; device++) {
                gpus.add(gpu(propClass, device));
            }
        }
        return new Report(error, errorName, runtime, driver, gpus);
    }

    private Gpu gpu(Class<?> propClass, int device) throws ReflectiveOperationException {
        Object prop = propClass.getConstructor().newInstance();
        try {
            int error = (int) call("cudaGetDeviceProperties", new Class<?>[] {propClass, int.class}, prop, device);
            if (error != CUDA_SUCCESS) {
                return new Gpu("device " + device + " (" + errorName(error) + ")", 0, 0, 0);
            }
            BytePointer name = (BytePointer) propClass.getMethod("name").invoke(prop);
            int major = (int) propClass.getMethod("major").invoke(prop);
            int minor = (int) propClass.getMethod("minor").invoke(prop);
            long total = (long) propClass.getMethod("totalGlobalMem").invoke(prop);
            return new Gpu(name.getString(StandardCharsets.UTF_8).trim(), major, minor, total);
        } finally {
            ((Pointer) prop).close();
        }
    }

    private int version(String method) throws ReflectiveOperationException {
        int[] version = {0};
        int error = (int) call(method, new Class<?>[] {int[].class}, (Object) version);
        return error == CUDA_SUCCESS ? version[0] : 0;
    }

    private String errorName(int error) {
        try {
            Object name = call("cudaGetErrorName", new Class<?>[] {int.class}, error);
            return name instanceof BytePointer pointer && !pointer.isNull() ? pointer.getString() : "cudaError " + error;
        } catch (ReflectiveOperationException e) {
            return "cudaError " + error;
        }
    }

    private Object call(String name, Class<?>[] types, Object... args) throws ReflectiveOperationException {
        Method method = cudart.getMethod(name, types);
        try {
            return method.invoke(null, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** {@code 11060} → {@code 11.6}; {@code 12020} → {@code 12.2}. */
    static String versionName(int cudaVersion) {
        return cudaVersion <= 0 ? "" : (cudaVersion / 1000) + "." + (cudaVersion % 1000 / 10);
    }

    /** The NVIDIA kernel driver's version ({@code 535.104.05}) from /proc, when the driver is loaded. */
    static Optional<String> nvidiaDriverVersion() {
        try {
            return parseNvidiaDriverVersion(Files.readString(NVIDIA_DRIVER_VERSION, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException noDriver) {
            return Optional.empty();
        }
    }

    /** {@code NVRM version: NVIDIA UNIX x86_64 Kernel Module  535.104.05  Sat Aug 19 ...} → {@code 535.104.05}. */
    static Optional<String> parseNvidiaDriverVersion(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Kernel Module\\s+([0-9][0-9.]+)").matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
