package org.cajal.launcher;

import java.util.List;

/**
 * Which start level a bundle of the distribution gets, decided by its symbolic name.
 *
 * <ol>
 *   <li>{@link #ENGINE}: the engine alone. Its activator starts ND4J on a thread of its own, and loading ND4J (its
 *       classes, the JavaCPP natives, a first operation) is the longest single step between launch and a first
 *       training step; starting it before everything else lets it run while the framework starts the other bundles
 *       on the other core, instead of after them. The engine needs none of the bundles below to be active (only
 *       resolved: slf4j, the Cajal API), and it announces its backend as a service whenever ND4J is ready;</li>
 *   <li>{@link #INFRASTRUCTURE}: logging, the OSGi service APIs, SCR and Configuration Admin, so that every
 *       component of the platform level finds them running;</li>
 *   <li>{@link #PLATFORM}: Cajal's other bundles and the libraries they use;</li>
 *   <li>{@link #PLUGINS}: FileInstall (plugins from {@code plugins/} arrive after the platform is up, at
 *       {@link #PLATFORM}) and the Gogo shell (its prompt appears after everything else has started).</li>
 * </ol>
 */
final class StartLevels {

    static final int ENGINE = 1;
    static final int INFRASTRUCTURE = 2;
    static final int PLATFORM = 3;
    static final int PLUGINS = 4;

    private static final List<String> FIRST = List.of("org.cajal.engine");
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
        if (FIRST.contains(symbolicName)) {
            return ENGINE;
        }
        if (LAST.contains(symbolicName)) {
            return PLUGINS;
        }
        return INFRASTRUCTURE_PREFIXES.stream().anyMatch(symbolicName::startsWith) ? INFRASTRUCTURE : PLATFORM;
    }
}
