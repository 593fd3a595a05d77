package org.cajal.launcher;

import java.util.List;

/**
 * Which start level a bundle of the distribution gets, decided by its symbolic name.
 *
 * <ol>
 *   <li>{@link #INFRASTRUCTURE}: logging, the OSGi service APIs, SCR and Configuration Admin, so that every
 *       component of level 2 finds them running;</li>
 *   <li>{@link #PLATFORM}: Cajal's bundles and the libraries they use;</li>
 *   <li>{@link #PLUGINS}: FileInstall (plugins from {@code plugins/} arrive after the platform is up) and the Gogo
 *       shell (its prompt appears after everything else has started).</li>
 * </ol>
 */
final class StartLevels {

    static final int INFRASTRUCTURE = 1;
    static final int PLATFORM = 2;
    static final int PLUGINS = 3;

    private static final List<String> INFRASTRUCTURE_PREFIXES = List.of(
            "slf4j.", "org.osgi.", "org.apache.felix.scr", "org.apache.felix.configadmin");
    private static final List<String> LAST = List.of(
            "org.apache.felix.fileinstall", "org.apache.felix.gogo.shell");

    private StartLevels() {
    }

    static int of(String symbolicName) {
        if (symbolicName == null) {
            return PLATFORM;
        }
        if (LAST.contains(symbolicName)) {
            return PLUGINS;
        }
        return INFRASTRUCTURE_PREFIXES.stream().anyMatch(symbolicName::startsWith) ? INFRASTRUCTURE : PLATFORM;
    }
}
