package org.nd4j.nativeblas;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Compatibility class for a broken check in DL4J 1.0.0-M2.1 (ENGINE.md 8.3); not API, not used by Cajal's code.
 *
 * <p>DL4J decides whether its oneDNN layer helpers (convolution, subsampling, batch normalisation, LRN) may run in
 * {@code org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper.mklDnnEnabled()}, which looks up
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment} by name and calls {@code getInstance()} and {@code isUseMKLDNN()} on
 * it by reflection. Those names are from older ND4J releases: in M2.1 the class is
 * {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment} and the method {@code isUseONEDNN()}. The lookup
 * therefore always fails, DL4J records a failed check, and the helpers are never used even on a oneDNN build of the
 * natives — the CNN then runs libnd4j's generic convolution, about 9× slower here.
 *
 * <p>This class carries the old name and forwards to the new one. It lives in the engine bundle, beside the embedded
 * nd4j-native-api jar that holds the rest of {@code org.nd4j.nativeblas}, so the package is not split across bundles;
 * the real environment class comes from the CPU backend fragment, which shares the engine's class loader. With the CUDA
 * backend (or none) the real class is absent: {@link Environment#getInstance()} then throws, which DL4J treats as
 * "no oneDNN", exactly as before. Remove it when DL4J's check names the current class.
 */
public final class Nd4jCpu {

    private Nd4jCpu() {
    }

    /** Stands in for the old {@code Nd4jCpu.Environment}: only the two members DL4J's check calls. */
    public static final class Environment {

        /** The M2.1 name of ND4J's native environment, in the CPU backend fragment. */
        static final String CURRENT_CLASS = "org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment";

        private static volatile Environment instance;

        private final Object delegate;
        private final Method isUseOneDnn;

        private Environment(Object delegate, Method isUseOneDnn) {
            this.delegate = delegate;
            this.isUseOneDnn = isUseOneDnn;
        }

        /**
         * The environment of the loaded CPU backend.
         *
         * @throws IllegalStateException when the CPU backend's environment class is not in this class space (CUDA
         *         backend, or no backend) or cannot be called
         */
        public static Environment getInstance() {
            Environment current = instance;
            if (current != null) {
                return current;
            }
            try {
                Class<?> real = Class.forName(CURRENT_CLASS, true, Nd4jCpu.class.getClassLoader());
                Object delegate = real.getMethod("getInstance").invoke(null);
                current = new Environment(delegate, real.getMethod("isUseONEDNN"));
            } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException
                     | InvocationTargetException | LinkageError e) {
                throw new IllegalStateException("ND4J's CPU environment " + CURRENT_CLASS + " is not available", e);
            }
            instance = current;
            return current;
        }

        /** Whether libnd4j was built with oneDNN and may use it ({@code isUseONEDNN()} of the current class). */
        public boolean isUseMKLDNN() {
            try {
                return (Boolean) isUseOneDnn.invoke(delegate);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("Could not ask ND4J whether oneDNN is in use", e);
            }
        }
    }
}
