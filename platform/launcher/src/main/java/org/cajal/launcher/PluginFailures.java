package org.cajal.launcher;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.BundleException;

/**
 * One line, in Cajal's words, for why the framework could not resolve or start a plugin: the package or bundle it
 * needs that nothing provides, or what its activator said, never the framework's exception names or stack traces
 * (those go to the plugins log).
 */
final class PluginFailures {

    /** A requirement in Felix's resolution message: its namespace and the value it asks for (the last is the cause). */
    private static final Pattern REQUIREMENT = Pattern.compile(
            "(osgi\\.wiring\\.package|osgi\\.wiring\\.bundle|osgi\\.wiring\\.host|osgi\\.ee|osgi\\.extender"
                    + "|osgi\\.service|osgi\\.identity)=([^)\\s]+)\\)((?:\\((?:!\\()?version[^)]*\\)\\)?)*)");
    private static final Pattern LOWEST_VERSION = Pattern.compile("\\(version>=([^)]+)\\)");
    /** Felix's bundle naming in its messages: {@code my.plugin [12](R 12.0)} or {@code my.plugin [12]}. */
    private static final Pattern BUNDLE_ID = Pattern.compile("\\s*\\[\\d+](\\(R [\\d.]+\\))?");

    /** Felix's message when the class a bundle names as its activator is not in it. */
    private static final String ACTIVATOR_NOT_FOUND = "Not found:";

    private PluginFailures() {
    }

    /** Why the plugin failed, as one line that ends with what to do. */
    static String reason(Throwable failure) {
        if (failure == null) {
            return "it failed without a reason given";
        }
        String message = failure.getMessage() == null ? "" : failure.getMessage();
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
            return needs(namespace, value, lowest.find() ? " " + lowest.group(1) + " or later" : "");
        }
        if (failure instanceof BundleException b && b.getType() == BundleException.ACTIVATOR_ERROR) {
            Throwable cause = b.getCause();
            String said = cause == null || cause.getMessage() == null || cause.getMessage().isBlank() ? null
                    : BUNDLE_ID.matcher(firstLine(cause.getMessage())).replaceAll("");
            return "its activator failed while starting" + (said == null ? " without saying why" : ": " + said)
                    + "; fix the plugin (its author's start code), or remove its jar";
        }
        if (message.startsWith(ACTIVATOR_NOT_FOUND)) {
            return "its activator " + message.substring(ACTIVATOR_NOT_FOUND.length()).strip() + " is not in the jar "
                    + "(its Bundle-Activator names a class the jar does not hold); rebuild the plugin";
        }
        if (failure instanceof BundleException b && b.getType() == BundleException.DUPLICATE_BUNDLE_ERROR) {
            return "a bundle with the same name and version is already installed; remove one of the two jars";
        }
        String text = BUNDLE_ID.matcher(firstLine(message)).replaceAll("").strip();
        return (text.isEmpty() ? "it failed without a reason given" : text)
                + "; check that the jar is a plugin built for this version of Cajal";
    }

    private static String needs(String namespace, String value, String version) {
        return switch (namespace) {
            case "osgi.wiring.package" -> "it needs the package " + value + version + ", which no installed "
                    + "bundle provides; install the plugin that provides it, or rebuild the plugin against this "
                    + "version of Cajal";
            case "osgi.wiring.bundle" -> "it needs the bundle " + value + version + ", which is not installed; "
                    + "install it too";
            case "osgi.wiring.host" -> "it is a fragment of the bundle " + value + version
                    + ", which is not installed; install that bundle too";
            case "osgi.ee" -> "it needs a Java version (" + value + ") this Java does not provide; run Cajal on a "
                    + "newer Java";
            case "osgi.extender" -> "it needs " + value + version + ", which no installed bundle provides";
            default -> "it needs " + namespace + " " + value + version + ", which no installed bundle provides";
        };
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }
}
