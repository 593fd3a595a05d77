package org.cajal.engine.internal;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds the class loader of every ACTIVE bundle with the manifest header {@value #HEADER}{@code : true} to the
 * {@link EngineExtensionLoader}, and removes it when the bundle stops. Meant for a {@code BundleTracker} with state
 * mask {@link Bundle#ACTIVE}, which calls it on framework threads, one event per bundle at a time.
 */
final class ExtensionBundleTracker implements BundleTrackerCustomizer<ClassLoader> {

    /** Manifest header by which a bundle asks DL4J/ND4J to find its classes by name. */
    static final String HEADER = "Cajal-Engine-Extension";

    private static final Logger LOG = LoggerFactory.getLogger(ExtensionBundleTracker.class);

    private final EngineExtensionLoader loader;

    ExtensionBundleTracker(EngineExtensionLoader loader) {
        this.loader = loader;
    }

    /** Whether a bundle's headers declare it an engine extension ({@code true}, any case, surrounding blanks ignored). */
    static boolean declaresExtension(Bundle bundle) {
        String value = bundle.getHeaders("").get(HEADER);
        return value != null && Boolean.parseBoolean(value.trim());
    }

    /** @return the bundle's class loader, now tracked, or {@code null} for bundles that are not extensions */
    @Override
    public ClassLoader addingBundle(Bundle bundle, BundleEvent event) {
        if (!declaresExtension(bundle)) {
            return null;
        }
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        ClassLoader classLoader = wiring == null ? null : wiring.getClassLoader();
        if (classLoader == null) { // a fragment, or a bundle uninstalled meanwhile: nothing to load from
            LOG.warn("Bundle {} declares {}: true but has no class loader (is it a fragment?); DL4J will not find "
                    + "its classes", bundle.getSymbolicName(), HEADER);
            return null;
        }
        loader.addExtension(classLoader);
        LOG.info("DL4J/ND4J now also load classes by name from {} {}", bundle.getSymbolicName(), bundle.getVersion());
        return classLoader;
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, ClassLoader classLoader) {
        // still ACTIVE: nothing changes
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, ClassLoader classLoader) {
        loader.removeExtension(classLoader);
        LOG.info("DL4J/ND4J no longer load classes from {} {}; models naming its classes cannot be read until it is "
                + "active again", bundle.getSymbolicName(), bundle.getVersion());
    }
}
