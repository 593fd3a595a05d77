package org.cajal.workbench.plugins;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.cajal.api.ComponentKind;
import org.cajal.workbench.core.Catalog;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;

/**
 * What the plugins view knows about a bundle: its state in words, where it was installed from (the distribution's
 * {@code bundles/}, the {@code plugins/} folder FileInstall watches, or a file installed by hand), what it
 * contributes to the catalog, and whether the user may start, stop or uninstall it.
 *
 * <p>The rules: the system bundle (the framework), the workbench's own bundle and the core bundles of the
 * distribution can be neither stopped nor uninstalled from the window, since the runtime, the launcher and the
 * window itself run on them. A plugin from {@code plugins/} is removed by deleting its jar, which is how FileInstall
 * expects it; a bundle installed from a file is uninstalled directly.
 */
final class BundleRules {

    /** Where a bundle came from. */
    enum Origin {
        /** The framework itself (bundle 0). */
        SYSTEM,
        /** A jar in the distribution's {@code bundles/} folder, installed by the launcher. */
        CORE,
        /** A jar in {@code plugins/}, installed by FileInstall. */
        PLUGIN,
        /** A jar elsewhere, installed from a file (the Install button, or the shell). */
        FILE,
        /** Any other location (a URL the framework was given). */
        OTHER
    }

    /** What the Uninstall button does with a bundle. */
    sealed interface Removal {
        /** It may not be uninstalled, for this reason. */
        record Refused(String reason) implements Removal {
        }

        /** It came from plugins/: delete this jar and FileInstall uninstalls it. */
        record DeleteJar(Path jar) implements Removal {
        }

        /** Uninstall it directly. */
        record Uninstall() implements Removal {
        }
    }

    private static final String REFERENCE = "reference:";

    private final Path bundlesFolder;
    private final Path bundlesFolderReal;
    private final Path pluginsFolder;
    private final Path pluginsFolderReal;
    private final long selfId;

    /**
     * @param home          the distribution folder (with bundles/ and plugins/)
     * @param pluginsFolder the folder FileInstall watches
     * @param selfId        the id of the workbench's own bundle, or -1 if unknown
     */
    BundleRules(Path home, Path pluginsFolder, long selfId) {
        this.bundlesFolder = home.resolve("bundles").toAbsolutePath().normalize();
        this.bundlesFolderReal = canonical(bundlesFolder);
        this.pluginsFolder = pluginsFolder.toAbsolutePath().normalize();
        this.pluginsFolderReal = canonical(this.pluginsFolder);
        this.selfId = selfId;
    }

    // ---------------------------------------------------------------- facts

    /** The state in words: Installed, Resolved, Starting, Active, Stopping or Uninstalled; fragments say so. */
    static String stateName(Bundle bundle) {
        String state = switch (bundle.getState()) {
            case Bundle.INSTALLED -> "Installed";
            case Bundle.RESOLVED -> "Resolved";
            case Bundle.STARTING -> "Starting";
            case Bundle.ACTIVE -> "Active";
            case Bundle.STOPPING -> "Stopping";
            case Bundle.UNINSTALLED -> "Uninstalled";
            default -> "Unknown (" + bundle.getState() + ")";
        };
        return isFragment(bundle) ? state + " (fragment)" : state;
    }

    /** Whether the bundle is a fragment (attached to a host, never started itself). */
    static boolean isFragment(Bundle bundle) {
        var headers = bundle.getHeaders("");
        return headers != null && headers.get(Constants.FRAGMENT_HOST) != null;
    }

    /** The symbolic name, or the location for a bundle without one (a legacy manifest). */
    static String name(Bundle bundle) {
        String name = bundle.getSymbolicName();
        return name != null ? name : bundle.getLocation();
    }

    Origin origin(Bundle bundle) {
        if (bundle.getBundleId() == Constants.SYSTEM_BUNDLE_ID) {
            return Origin.SYSTEM;
        }
        Optional<Path> jar = file(bundle.getLocation());
        if (jar.isEmpty()) {
            return Origin.OTHER;
        }
        Path p = jar.get().toAbsolutePath().normalize();
        Path real = canonical(p);
        if (p.startsWith(bundlesFolder) || real.startsWith(bundlesFolderReal)) {
            return Origin.CORE;
        }
        if (p.startsWith(pluginsFolder) || real.startsWith(pluginsFolderReal)) {
            return Origin.PLUGIN;
        }
        return Origin.FILE;
    }

    /** The "where from" column: the folder and jar name, or the file or location it was installed from. */
    String fromText(Bundle bundle) {
        Optional<Path> jar = file(bundle.getLocation());
        String name = jar.map(p -> p.getFileName() == null ? p.toString() : p.getFileName().toString()).orElse("");
        return switch (origin(bundle)) {
            case SYSTEM -> "the framework";
            case CORE -> "bundles/ (core): " + name;
            case PLUGIN -> "plugins/: " + name;
            case FILE -> "installed from " + jar.map(Path::toString).orElse(bundle.getLocation());
            case OTHER -> "installed from " + bundle.getLocation();
        };
    }

    /** The file a location names ({@code file:...}, also behind {@code reference:}), if it names one. */
    static Optional<Path> file(String location) {
        if (location == null) {
            return Optional.empty();
        }
        String l = location.startsWith(REFERENCE) ? location.substring(REFERENCE.length()) : location;
        if (!l.startsWith("file:")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(URI.create(l)));
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            // not a well-formed URI ("file:" + a raw path with spaces, or a relative path): take the rest as a path
            try {
                return Optional.of(Path.of(l.substring("file:".length())));
            } catch (InvalidPathException notAPath) {
                return Optional.empty();
            }
        }
    }

    /**
     * What the bundle contributes to the catalog: its components counted by kind ("2 layer types, 1 optimizer"),
     * or empty text if none.
     */
    static String contributions(String symbolicName, Catalog catalog) {
        if (symbolicName == null) {
            return "";
        }
        Map<ComponentKind, Long> counts = new EnumMap<>(ComponentKind.class);
        for (Catalog.Entry e : catalog.entries()) {
            if (symbolicName.equals(e.bundle())) {
                counts.merge(e.kind(), 1L, Long::sum);
            }
        }
        return counts.entrySet().stream()
                .map(e -> e.getValue() + " " + noun(e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String noun(ComponentKind kind, long count) {
        String singular = kind.noun();
        return count == 1 ? singular : singular + "s";
    }

    // ---------------------------------------------------------------- rules

    /** Why this bundle must not be stopped or uninstalled from the window, if so. */
    private Optional<String> protectedReason(Bundle bundle, String verb) {
        String name = name(bundle);
        if (bundle.getBundleId() == Constants.SYSTEM_BUNDLE_ID) {
            return Optional.of("The system bundle is the OSGi framework itself: to " + verb + " it would shut Cajal "
                    + "down. Close the window to quit instead.");
        }
        if (bundle.getBundleId() == selfId) {
            return Optional.of("'" + name + "' is the workbench itself: to " + verb + " it would close this window.");
        }
        if (origin(bundle) == Origin.CORE) {
            return Optional.of("'" + name + "' is a core bundle of the Cajal distribution (" + bundlesFolder
                    + "). The runtime, the launcher and this window depend on the core bundles, so they cannot be "
                    + (verb.equals("stop") ? "stopped" : "uninstalled") + " here. Only plugins can.");
        }
        return Optional.empty();
    }

    /** Why the Stop button refuses this bundle, or empty if it may be stopped. */
    Optional<String> refuseStop(Bundle bundle) {
        Optional<String> reason = protectedReason(bundle, "stop");
        if (reason.isPresent()) {
            return reason;
        }
        if (isFragment(bundle)) {
            return Optional.of("'" + name(bundle) + "' is a fragment: it is part of its host bundle and is never "
                    + "started or stopped on its own. Stop the host instead.");
        }
        if (bundle.getState() != Bundle.ACTIVE && bundle.getState() != Bundle.STARTING) {
            return Optional.of("'" + name(bundle) + "' is not running (" + stateName(bundle).toLowerCase(Locale.ROOT) + ").");
        }
        return Optional.empty();
    }

    /** Why the Start button refuses this bundle, or empty if it may be started. */
    Optional<String> refuseStart(Bundle bundle) {
        if (isFragment(bundle)) {
            return Optional.of("'" + name(bundle) + "' is a fragment: it is part of its host bundle and is never "
                    + "started on its own. Start the host instead.");
        }
        if (bundle.getState() == Bundle.ACTIVE) {
            return Optional.of("'" + name(bundle) + "' is already active.");
        }
        if (bundle.getState() == Bundle.UNINSTALLED) {
            return Optional.of("'" + name(bundle) + "' has been uninstalled.");
        }
        return Optional.empty();
    }

    /** What Uninstall does with this bundle. */
    Removal removal(Bundle bundle) {
        Optional<String> reason = protectedReason(bundle, "uninstall");
        if (reason.isPresent()) {
            return new Removal.Refused(reason.get());
        }
        if (origin(bundle) == Origin.PLUGIN) {
            Optional<Path> jar = file(bundle.getLocation());
            if (jar.isPresent() && Files.exists(jar.get())) {
                return new Removal.DeleteJar(jar.get());
            }
        }
        return new Removal.Uninstall();
    }

    /** The path with links resolved where it exists, else absolute and normalised. */
    static Path canonical(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException | SecurityException e) {
            return p.toAbsolutePath().normalize();
        }
    }
}
