package org.cajal.engine.internal;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.nd4j.linalg.api.environment.Nd4jEnvironment;

/**
 * What {@link BackendProbe} adds when ND4J's CUDA backend is loaded: the CUDA runtime and driver versions, each GPU's
 * compute capability, the NVIDIA driver's version, and whether cuDNN is in use.
 *
 * <p>Keys: {@value #CUDA_VERSION} (the runtime ND4J was built for and loaded, {@code 11.6}), {@value #CUDA_DRIVER}
 * (the newest CUDA the installed driver supports, {@code 12.2}), {@value #NVIDIA_DRIVER} ({@code 535.104.05}),
 * {@code cuda.device.N.computeCapability}, and {@value #CUDNN}.
 */
final class CudaBackendDetails {

    static final String CUDA_VERSION = "cuda.version";
    static final String CUDA_DRIVER = "cuda.driverVersion";
    static final String NVIDIA_DRIVER = "nvidia.driverVersion";
    static final String CUDNN = "cuda.cudnn";

    /**
     * DL4J 1.0.0-M2.1 names org.deeplearning4j.cuda.convolution.CudnnConvolutionHelper (and the other Cudnn*Helper
     * classes) for its cuDNN layer helpers, but no deeplearning4j-cuda-11.6 jar holding them was ever published (the
     * last, deeplearning4j-cuda-11.2, is 1.0.0-M1.1), and the plain linux-x86_64 nd4j-cuda natives are built without
     * cuDNN. So cuDNN is not used, whatever org.eclipse.deeplearning4j.helpers.disable says.
     */
    static final String CUDNN_NOT_USED = "not used: DL4J 1.0.0-M2.1 ships no cuDNN layer helpers "
            + "(deeplearning4j-cuda-11.6 does not exist) and the linux-x86_64 nd4j-cuda natives are built without cuDNN";

    private CudaBackendDetails() {
    }

    /** Adds the CUDA details, reading versions from the CUDA runtime and capabilities from ND4J's device list. */
    static void addTo(ClassLoader engineLoader, Properties environment, Map<String, String> details) {
        CudaRuntimeQuery.query(engineLoader).report().ifPresent(report -> {
            putIfKnown(details, CUDA_VERSION, CudaRuntimeQuery.versionName(report.runtimeVersion()));
            putIfKnown(details, CUDA_DRIVER, CudaRuntimeQuery.versionName(report.driverVersion()));
        });
        CudaRuntimeQuery.nvidiaDriverVersion().ifPresent(v -> details.put(NVIDIA_DRIVER, v));
        putCapabilities(environment.get(Nd4jEnvironment.CUDA_DEVICE_INFORMATION_KEY), details);
        details.put(CUDNN, CUDNN_NOT_USED);
    }

    /** {@code cuda.device.N.computeCapability} from ND4J's {@code cuda.devicesInformation} list. */
    static void putCapabilities(Object deviceList, Map<String, String> details) {
        if (!(deviceList instanceof List<?> list)) {
            return;
        }
        int index = 0;
        for (Object entry : list) {
            if (entry instanceof Map<?, ?> device && device.get(Nd4jEnvironment.CUDA_DEVICE_MAJOR_VERSION_KEY) != null) {
                details.put("cuda.device." + index + ".computeCapability",
                        device.get(Nd4jEnvironment.CUDA_DEVICE_MAJOR_VERSION_KEY) + "."
                                + device.get(Nd4jEnvironment.CUDA_DEVICE_MINOR_VERSION_KEY));
            }
            index++;
        }
    }

    private static void putIfKnown(Map<String, String> details, String key, String value) {
        if (!value.isEmpty()) {
            details.put(key, value);
        }
    }
}
