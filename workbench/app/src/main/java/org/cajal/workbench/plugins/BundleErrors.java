package org.cajal.workbench.plugins;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.BundleException;

/**
 * Turns the framework's {@link BundleException}s into sentences for the user. Felix reports an unresolved plugin as
 * {@code Unable to resolve x [12](R 12.0): missing requirement [...] osgi.wiring.package;
 * (&(osgi.wiring.package=org.foo)(version>=1.0.0)) [caused by: ...]}; this says which package is missing and what
 * to do about it.
 */
final class BundleErrors {

    /** A requirement in a Felix resolution message: its namespace and the value it asks for. */
    private static final Pattern REQUIREMENT = Pattern.compile(
            "(osgi\\.wiring\\.package|osgi\\.wiring\\.bundle|osgi\\.wiring\\.host|osgi\\.ee|osgi\\.extender"
                    + "|osgi\\.service|osgi\\.identity)=([^)\\s]+)\\)((?:\\((?:!\\()?version[^)]*\\)\\)?)*)");
    private static final Pattern LOWEST_VERSION = Pattern.compile("\\(version>=([^)]+)\\)");

    private BundleErrors() {
    }

    /**
     * The explanation of a failed install or start.
     *
     * @param e the framework's exception
     * @return one or two sentences saying what is wrong and what to do, ending with the framework's own message
     *         where it adds something
     */
    static String explain(BundleException e) {
        String message = Objects.requireNonNullElse(e.getMessage(), "the framework gave no reason");
        // the innermost requirement ("caused by") is the one nothing provides
        Matcher m = REQUIREMENT.matcher(message);
        String namespace = null;
        String value = null;
        String constraint = "";
        while (m.find()) {
            namespace = m.group(1);
            value = m.group(2);
            constraint = m.group(3);
        }
        if (namespace != null) {
            Matcher lowest = LOWEST_VERSION.matcher(constraint);
            String version = lowest.find() ? " (version " + lowest.group(1) + " or later)" : "";
            String what = switch (namespace) {
                case "osgi.wiring.package" -> "The plugin needs package " + value + version
                        + ", which no installed bundle exports. Install the bundle that exports it (for instance by "
                        + "dropping its jar into the plugins folder), then select the plugin and press Start.";
                case "osgi.wiring.bundle" -> "The plugin requires the bundle " + value + version
                        + ", which is not installed. Install it, then select the plugin and press Start.";
                case "osgi.wiring.host" -> "The fragment's host bundle " + value + version + " is not installed.";
                case "osgi.ee" -> "The plugin needs a Java version (" + value + ") that this runtime does not "
                        + "provide.";
                case "osgi.extender" -> "The plugin needs the extender " + value + version + " (for example "
                        + "Declarative Services for osgi.component), which no installed bundle provides.";
                default -> "The plugin needs " + namespace + " " + value + version
                        + ", which no installed bundle provides.";
            };
            return what + "\n\nThe framework said: " + message;
        }
        return switch (e.getType()) {
            case BundleException.DUPLICATE_BUNDLE_ERROR -> "A bundle with the same symbolic name and version is "
                    + "already installed. Uninstall that one first, or raise the plugin's Bundle-Version.\n\n"
                    + "The framework said: " + message;
            case BundleException.MANIFEST_ERROR -> "The jar's manifest is not a valid OSGi bundle manifest: "
                    + message;
            case BundleException.ACTIVATOR_ERROR -> "The plugin's activator failed while starting: "
                    + (e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
                    : message);
            case BundleException.RESOLVE_ERROR -> "The plugin cannot be resolved: " + message;
            default -> message;
        };
    }
}
