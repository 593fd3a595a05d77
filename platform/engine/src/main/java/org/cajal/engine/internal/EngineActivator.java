package org.cajal.engine.internal;

import java.util.Hashtable;
import java.util.concurrent.atomic.AtomicReference;

import org.cajal.api.compute.BackendInfo;
import org.cajal.api.compute.ComputeBackend;
import org.deeplearning4j.config.DL4JClassLoading;
import org.nd4j.common.config.ND4JClassLoading;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.BundleTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A framework hook, hence an activator rather than a component: ND4J must be pointed at this bundle's class loader
 * before anything touches it, then started off the framework thread, and only then announced as a {@link ComputeBackend}.
 *
 * <p>Start-up, in order:
 * <ol>
 *   <li>{@code ND4JClassLoading} and {@code DL4JClassLoading} get an {@link EngineExtensionLoader}: this bundle's
 *       class loader (host plus the attached backend fragment) first, so ND4J finds its backend exactly as with the
 *       plain bundle loader (otherwise ND4J captures the launcher's thread context loader and finds no backend),
 *       then the loaders of active bundles that declare {@value ExtensionBundleTracker#HEADER}{@code : true}, so
 *       that configurations naming a plugin's updater, schedule or layer class can be read back;</li>
 *   <li>a {@link BundleTracker} starts following those extension bundles ({@link ExtensionBundleTracker});</li>
 *   <li>a daemon thread {@value #INIT_THREAD_NAME} chooses the native build for this CPU
 *       ({@link NativeVariantChoice}), turns DL4J's layer helpers on for the CPU backend
 *       ({@link #enableLayerHelpers}), points DL4J's and ND4J's JSON mappers at the same loader
 *       ({@link ConfigurationClassLoading}), loads the backend and its natives and runs a first operation
 *       ({@link Nd4jStartup}), so the framework thread never waits for native extraction;</li>
 *   <li>the {@link ComputeBackend} service is registered with {@value ComputeBackend#KIND_PROPERTY}={@code cpu|cuda}.</li>
 * </ol>
 * Stopping closes the tracker and unregisters the service. ND4J's native libraries stay loaded for the life of the
 * JVM (a JNI library cannot be unloaded and binds to one class loader), so changing the backend after first use
 * needs a restart.
 */
public final class EngineActivator implements BundleActivator {

    static final String INIT_THREAD_NAME = "cajal-nd4j-init";

    private static final Logger LOG = LoggerFactory.getLogger(EngineActivator.class);

    private final AtomicReference<ServiceRegistration<ComputeBackend>> registration = new AtomicReference<>();
    private volatile boolean stopped;
    private volatile BundleTracker<ClassLoader> extensionTracker;

    @Override
    public void start(BundleContext context) {
        long startNanos = System.nanoTime();
        EngineExtensionLoader loader = new EngineExtensionLoader(EngineActivator.class.getClassLoader());
        ND4JClassLoading.setNd4jClassloader(loader);
        DL4JClassLoading.setDl4jClassloader(loader);
        stopped = false;
        BundleTracker<ClassLoader> tracker = new BundleTracker<>(context, Bundle.ACTIVE,
                new ExtensionBundleTracker(loader));
        tracker.open();
        extensionTracker = tracker;
        Thread init = new Thread(() -> initialise(context, loader, startNanos), INIT_THREAD_NAME);
        init.setDaemon(true);
        // ND4J no longer needs it once its loaders are set; libraries that consult the context loader find ours too
        init.setContextClassLoader(loader);
        init.start();
    }

    @Override
    public void stop(BundleContext context) {
        stopped = true;
        BundleTracker<ClassLoader> tracker = extensionTracker;
        extensionTracker = null;
        if (tracker != null) {
            tracker.close();
        }
        unregister();
        LOG.info("Engine stopped; native libraries ND4J loaded stay loaded until the JVM exits, so a different backend "
                + "takes effect only after a restart");
    }

    private void initialise(BundleContext context, ClassLoader loader, long startNanos) {
        BackendInfo info;
        try {
            String extension = NativeVariantChoice.apply(EngineActivator.class.getClassLoader(), CpuDescription.read());
            ConfigurationClassLoading.useClassLoader(loader);
            info = new Nd4jStartup(startNanos, extension).start();
        } catch (RuntimeException | LinkageError e) {
            LOG.error("ND4J did not start in bundle {}, so no ComputeBackend is registered. Check that a backend "
                    + "fragment for this platform (e.g. org.cajal.backend.cpu for linux-x86_64) is installed and "
                    + "attached to the engine", context.getBundle().getSymbolicName(), e);
            return;
        }
        register(context, info);
    }

    /**
     * DL4J 1.0.0-M2.1 creates no oneDNN or cuDNN layer helper unless {@value BackendProbe#DL4J_HELPERS_DISABLE} is
     * {@code false}; its default is {@code true} (ENGINE.md 8.2). On the CPU backend the oneDNN helpers compute the
     * same results with faster kernels, so the engine turns them on unless the user set the property (e.g.
     * {@code -D...=true} to compare). On CUDA they stay off: M2.1's cuDNN helper classes were never published
     * (there is no deeplearning4j-cuda-11.6), so each layer would log errors and DL4J would swap its global class
     * loader while failing; convolutions run as im2col + cuBLAS gemm without them.
     *
     * @param cpuBackend whether ND4J loaded its CPU backend; called once ND4J has loaded a backend, before any network
     *        is built
     */
    static void enableLayerHelpers(boolean cpuBackend) {
        if (cpuBackend && System.getProperty(BackendProbe.DL4J_HELPERS_DISABLE) == null) {
            System.setProperty(BackendProbe.DL4J_HELPERS_DISABLE, "false");
        }
    }

    private void register(BundleContext context, BackendInfo info) {
        if (stopped) {
            return;
        }
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(ComputeBackend.KIND_PROPERTY, info.kind());
        properties.put("cajal.backend.class", info.backendClass());
        properties.put("cajal.backend.variant", info.nativeVariant());
        try {
            registration.set(context.registerService(ComputeBackend.class, new Nd4jComputeBackend(info), properties));
        } catch (IllegalStateException bundleAlreadyStopped) {
            return; // stop() completed while ND4J was starting: there is nothing left to announce
        }
        if (stopped) {
            unregister(); // stop() ran between the check above and the registration
        }
    }

    private void unregister() {
        ServiceRegistration<ComputeBackend> current = registration.getAndSet(null);
        if (current == null) {
            return;
        }
        try {
            current.unregister();
        } catch (IllegalStateException alreadyUnregistered) {
            // the framework unregisters a stopping bundle's services itself
        }
    }
}
