package org.cajal.engine.internal;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The class loader ND4J, DL4J and DL4J's JSON mappers use to turn class names back into classes: the engine bundle's
 * own loader first, then the loaders of extension bundles (those whose manifest says
 * {@value ExtensionBundleTracker#HEADER}{@code : true}).
 *
 * <p>Why it exists: a DL4J network configuration names its parts by class ({@code "@class":
 * "org.cajal.optimizers.internal.ClassicalMomentum"}), and reading one back ({@code MultiLayerConfiguration.fromJson},
 * {@code ModelSerializer.restoreMultiLayerNetwork}, {@code convertDataType}) asks a class loader for that name. In
 * OSGi the engine bundle's loader sees only DL4J/ND4J and what the engine imports, so an updater, schedule or
 * SameDiff layer defined in a plugin bundle could be used to train but never read back. This loader lets the
 * engine see exactly the bundles that asked to be seen, and only while they are active.
 *
 * <p>Parent first: every class and resource the engine bundle (with its backend fragment) can load comes from
 * there, exactly as before, including the {@code META-INF/services} files ND4J's backend discovery reads. Only a
 * name the engine cannot find is looked up in the extension loaders, in the order the bundles became active.
 * A class found there is the extension bundle's own class (it is not defined again), so it is the same class the
 * plugin's code uses. Thread-safe: extensions come and go on framework threads while training threads load.
 */
final class EngineExtensionLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final CopyOnWriteArrayList<ClassLoader> extensions = new CopyOnWriteArrayList<>();

    /** @param engineLoader the engine bundle's class loader (host plus attached backend fragments) */
    EngineExtensionLoader(ClassLoader engineLoader) {
        super("cajal-engine-extensions", Objects.requireNonNull(engineLoader, "engineLoader"));
    }

    /** Makes an extension bundle's classes and resources visible; adding the same loader twice has no effect. */
    void addExtension(ClassLoader extension) {
        extensions.addIfAbsent(Objects.requireNonNull(extension, "extension"));
    }

    /** Stops looking into an extension's loader (its bundle stopped); classes already loaded stay loaded. */
    void removeExtension(ClassLoader extension) {
        extensions.remove(extension);
    }

    /** The extension loaders in look-up order, a snapshot. */
    List<ClassLoader> extensions() {
        return List.copyOf(extensions);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        for (ClassLoader extension : extensions) {
            try {
                return extension.loadClass(name);
            } catch (ClassNotFoundException | NoClassDefFoundError notThere) {
                // try the next extension
            }
        }
        throw new ClassNotFoundException(name + " is neither in the engine bundle nor in one of the "
                + extensions.size() + " active extension bundle(s); a bundle whose classes DL4J must find by name "
                + "(custom updaters, schedules, layers) declares the manifest header "
                + ExtensionBundleTracker.HEADER + ": true and must be active");
    }

    @Override
    protected URL findResource(String name) {
        for (ClassLoader extension : extensions) {
            URL url = extension.getResource(name);
            if (url != null) {
                return url;
            }
        }
        return null;
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        // getResources() lists the engine's (the parent's) first, then these
        Set<URL> urls = new LinkedHashSet<>();
        for (ClassLoader extension : extensions) {
            urls.addAll(Collections.list(extension.getResources(name)));
        }
        return Collections.enumeration(urls);
    }
}
