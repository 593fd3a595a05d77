package org.cajal.workbench.plugins;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleListener;
import org.osgi.framework.ServiceReference;
import org.cajal.launcher.spi.PluginProblems;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;

/** Small fake {@link Bundle}s and a {@link BundleContext} over them, as dynamic proxies. */
final class FakeBundles {

    private FakeBundles() {
    }

    static Bundle bundle(long id, String symbolicName, String version, int state, String location) {
        return bundle(id, symbolicName, version, state, location, false);
    }

    static Bundle fragment(long id, String symbolicName, String location) {
        return bundle(id, symbolicName, "1.0.0", Bundle.RESOLVED, location, true);
    }

    static Bundle bundle(long id, String symbolicName, String version, int state, String location, boolean fragment) {
        Hashtable<String, String> headers = new Hashtable<>();
        headers.put(Constants.BUNDLE_SYMBOLICNAME, symbolicName);
        if (fragment) {
            headers.put(Constants.FRAGMENT_HOST, "org.example.host");
        }
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBundleId" -> id;
                    case "getSymbolicName" -> symbolicName;
                    case "getVersion" -> Version.parseVersion(version);
                    case "getState" -> state;
                    case "getLocation" -> location;
                    case "getHeaders" -> headers;
                    case "hashCode" -> Long.hashCode(id);
                    case "equals" -> proxy == args[0];
                    case "toString" -> symbolicName + " [" + id + "]";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A context whose own bundle is {@code self}, listing {@code bundles}; it records added listeners. */
    static BundleContext context(Bundle self, List<Bundle> bundles, List<BundleListener> listeners) {
        return context(self, bundles, listeners, null);
    }

    /** As above, with the launcher's {@link PluginProblems} service when {@code problems} is not null. */
    static BundleContext context(Bundle self, List<Bundle> bundles, List<BundleListener> listeners,
                                 PluginProblems problems) {
        ServiceReference<?> reference = (ServiceReference<?>) Proxy.newProxyInstance(
                ServiceReference.class.getClassLoader(), new Class<?>[] {ServiceReference.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getBundle" -> {
                        if (args == null || args.length == 0) {
                            yield self;
                        }
                        long id = (Long) args[0];
                        yield bundles.stream().filter(b -> b.getBundleId() == id).findFirst().orElse(null);
                    }
                    case "getBundles" -> new ArrayList<>(bundles).toArray(new Bundle[0]);
                    case "addBundleListener" -> {
                        listeners.add((BundleListener) args[0]);
                        yield null;
                    }
                    case "addServiceListener", "removeServiceListener", "removeBundleListener" -> null;
                    case "getServiceReference" -> problems == null ? null : reference;
                    case "getService" -> problems;
                    case "ungetService" -> true;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "fake context";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
