package org.cajal.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.osgi.framework.Bundle;

/**
 * A plugin jar lying in the running framework's {@code plugins/} folder, put there by {@link RunningCajal#drop}.
 * {@link #remove} takes it out again, as a user deleting the file would, and waits until FileInstall has stopped
 * and uninstalled the bundle, so the next test starts without it.
 */
public final class DroppedPlugin {

    private final RunningCajal cajal;
    private final Path file;
    private final String symbolicName;

    DroppedPlugin(RunningCajal cajal, Path file, String symbolicName) {
        this.cajal = cajal;
        this.file = file;
        this.symbolicName = symbolicName;
    }

    /** The jar in the plugins folder. */
    public Path file() {
        return file;
    }

    /** The plugin bundle's symbolic name, from the jar's manifest. */
    public String symbolicName() {
        return symbolicName;
    }

    /** The installed bundle, while it is installed. */
    public Optional<Bundle> bundle() {
        return cajal.bundle(symbolicName);
    }

    /**
     * Deletes the jar from the plugins folder and waits until its bundle is uninstalled; its services are
     * unregistered before that (Declarative Services deactivates the components when the bundle stops).
     *
     * @throws AssertionError when the bundle is still installed after {@code timeout}
     */
    public void remove(Duration timeout) throws IOException, InterruptedException {
        Files.deleteIfExists(file);
        long end = System.nanoTime() + timeout.toNanos();
        while (bundle().isPresent()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("bundle " + symbolicName + " was still installed " + timeout.toSeconds()
                        + " s after " + file.getFileName() + " was removed from " + file.getParent());
            }
            Thread.sleep(100);
        }
    }

    void awaitActive(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<Bundle> bundle = bundle();
            if (bundle.isPresent() && bundle.get().getState() == Bundle.ACTIVE) {
                return;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError(bundle.map(b -> "bundle " + symbolicName + " from " + file.getFileName()
                        + " is installed but not active " + timeout.toSeconds() + " s after the drop (a package it "
                        + "imports may be missing, or its activation failed)")
                        .orElse("FileInstall did not install " + file.getFileName() + " (bundle " + symbolicName
                                + ") within " + timeout.toSeconds() + " s") + cajal.problems());
            }
            Thread.sleep(100);
        }
    }

    /**
     * The {@code Bundle-SymbolicName} of a jar, without its directives.
     *
     * @throws IllegalArgumentException when the jar has none (it is not an OSGi bundle: build it with
     *         maven-bundle-plugin, packaging {@code bundle})
     */
    static String symbolicName(Path jar) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("no plugin jar at " + jar.toAbsolutePath() + "; build it first (mvn package)");
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String name = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException(jar + " is not an OSGi bundle: its manifest has no "
                        + "Bundle-SymbolicName; build the plugin with maven-bundle-plugin (packaging bundle)");
            }
            int semicolon = name.indexOf(';');
            return (semicolon < 0 ? name : name.substring(0, semicolon)).strip();
        }
    }
}
