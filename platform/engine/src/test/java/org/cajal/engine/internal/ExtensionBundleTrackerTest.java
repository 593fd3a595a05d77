package org.cajal.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Hashtable;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleWiring;

/** The tracker's decisions, with proxies standing in for bundles (no framework needed). */
class ExtensionBundleTrackerTest {

    private final EngineExtensionLoader loader = new EngineExtensionLoader(getClass().getClassLoader());
    private final ExtensionBundleTracker tracker = new ExtensionBundleTracker(loader);

    @Test
    void aBundleDeclaringTheHeaderIsAddedUntilItStops() {
        ClassLoader bundleLoader = new URLClassLoader(new URL[0], null);
        Bundle bundle = bundle("org.cajal.optimizers", "true", bundleLoader);

        ClassLoader tracked = tracker.addingBundle(bundle, null);
        assertSame(bundleLoader, tracked);
        assertEquals(List.of(bundleLoader), loader.extensions());

        tracker.removedBundle(bundle, null, tracked);
        assertEquals(List.of(), loader.extensions());
    }

    @Test
    void bundlesWithoutTheHeaderOrWithAnotherValueAreNotTracked() {
        ClassLoader bundleLoader = new URLClassLoader(new URL[0], null);
        assertNull(tracker.addingBundle(bundle("org.cajal.layers", null, bundleLoader), null));
        assertNull(tracker.addingBundle(bundle("org.cajal.datasets", "false", bundleLoader), null));
        assertNull(tracker.addingBundle(bundle("org.cajal.odd", "yes", bundleLoader), null));
        assertEquals(List.of(), loader.extensions());
    }

    @Test
    void theHeaderValueIgnoresCaseAndBlanks() {
        assertTrue(ExtensionBundleTracker.declaresExtension(bundle("x", " TRUE ", null)));
        assertFalse(ExtensionBundleTracker.declaresExtension(bundle("x", "", null)));
    }

    @Test
    void aDeclaringBundleWithoutClassLoaderIsSkipped() {
        assertNull(tracker.addingBundle(bundle("org.cajal.fragment", "true", null), null));
        assertEquals(List.of(), loader.extensions());
    }

    /** A bundle whose raw headers hold {@code header} (unless null) and whose wiring has {@code classLoader}. */
    private static Bundle bundle(String symbolicName, String header, ClassLoader classLoader) {
        Hashtable<String, String> headers = new Hashtable<>();
        if (header != null) {
            headers.put(ExtensionBundleTracker.HEADER, header);
        }
        BundleWiring wiring = (BundleWiring) Proxy.newProxyInstance(BundleWiring.class.getClassLoader(),
                new Class<?>[] {BundleWiring.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getClassLoader" -> classLoader;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getHeaders" -> headers;
                    case "getSymbolicName" -> symbolicName;
                    case "getVersion" -> Version.emptyVersion;
                    case "adapt" -> args[0] == BundleWiring.class ? wiring : null;
                    case "toString" -> symbolicName;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
