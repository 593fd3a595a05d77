package org.cajal.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.BundleRevision;

/**
 * Tells which bundles are healthy (ACTIVE, or RESOLVED for a fragment) and remembers the last error the framework
 * reported for each bundle, so that a failure message can say why a bundle did not start.
 */
final class BundleReport implements FrameworkListener {

    private final Map<Long, String> lastError = new ConcurrentHashMap<>();

    @Override
    public void frameworkEvent(FrameworkEvent event) {
        if (event.getType() == FrameworkEvent.ERROR && event.getBundle() != null) {
            lastError.put(event.getBundle().getBundleId(), rootMessage(event.getThrowable()));
        }
    }

    /** Bundles that are neither ACTIVE nor (for fragments) RESOLVED, the system bundle aside. */
    List<Bundle> problems(BundleContext context) {
        List<Bundle> problems = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (b.getBundleId() != 0 && !isHealthy(b)) {
                problems.add(b);
            }
        }
        return problems;
    }

    /** One line per bundle: id, state, start level, symbolic name, version, and the last error if any. */
    String describe(List<Bundle> bundles) {
        StringBuilder text = new StringBuilder();
        for (Bundle b : bundles) {
            BundleStartLevel level = b.adapt(BundleStartLevel.class);
            text.append(String.format("  %3d  %-11s %2s  %s %s%s", b.getBundleId(), stateName(b.getState()),
                    level == null ? "" : Integer.toString(level.getStartLevel()), b.getSymbolicName(),
                    b.getVersion(), isFragment(b) ? " (fragment)" : ""));
            String error = lastError.get(b.getBundleId());
            if (error != null && !isHealthy(b)) {
                text.append("\n         ").append(error);
            }
            text.append(System.lineSeparator());
        }
        return text.toString();
    }

    static boolean isHealthy(Bundle b) {
        return b.getState() == (isFragment(b) ? Bundle.RESOLVED : Bundle.ACTIVE);
    }

    static boolean isFragment(Bundle b) {
        BundleRevision revision = b.adapt(BundleRevision.class);
        return revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
    }

    static String stateName(int state) {
        switch (state) {
            case Bundle.UNINSTALLED: return "UNINSTALLED";
            case Bundle.INSTALLED: return "INSTALLED";
            case Bundle.RESOLVED: return "RESOLVED";
            case Bundle.STARTING: return "STARTING";
            case Bundle.STOPPING: return "STOPPING";
            case Bundle.ACTIVE: return "ACTIVE";
            default: return "STATE-" + state;
        }
    }

    /**
     * The message of {@code t} and of its root cause, less Felix's trailing "Unresolved requirements: [...]",
     * which only repeats the missing requirement already named.
     */
    static String rootMessage(Throwable t) {
        if (t == null) {
            return "(no detail)";
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = t.getMessage() != null ? t.getMessage() : "failed without a message";
        int repeat = message.indexOf(" Unresolved requirements:");
        if (repeat > 0) {
            message = message.substring(0, repeat);
        }
        // the cause's own words, not its Java class name
        return root == t || root.getMessage() == null ? message : message + " (cause: " + root.getMessage() + ")";
    }
}
