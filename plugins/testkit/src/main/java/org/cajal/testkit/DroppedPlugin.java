package org.cajal.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

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

    /**
     * Waits until the bundle is active and every Declarative Services component it declares with a service has
     * registered that service. Bundle ACTIVE alone is not enough: SCR registers a bundle's components one after
     * another after the bundle has started, so a test that ran a pipeline as soon as one of them appeared could
     * find the next still missing.
     */
    void awaitActive(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        Set<String> declared = null;
        while (true) {
            Optional<Bundle> bundle = bundle();
            if (bundle.isPresent() && bundle.get().getState() == Bundle.ACTIVE) {
                if (declared == null) {
                    declared = serviceComponents(bundle.get());
                }
                Set<String> missing = new TreeSet<>(declared);
                missing.removeAll(registeredComponents(bundle.get()));
                if (missing.isEmpty()) {
                    return;
                }
                if (System.nanoTime() > end) {
                    throw new AssertionError("bundle " + symbolicName + " from " + file.getFileName() + " is active "
                            + "but these of its components registered no service within " + timeout.toSeconds()
                            + " s: " + missing + " (a service they reference may be missing, or their activation "
                            + "failed)" + cajal.problems());
                }
            } else if (System.nanoTime() > end) {
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
     * The names of the components, declared in the bundle's Service-Component descriptors, that offer a service and
     * can register it without more input: factory components, disabled ones and those that require a
     * configuration are left out.
     */
    static Set<String> serviceComponents(Bundle bundle) {
        String header = bundle.getHeaders().get("Service-Component");
        Set<String> names = new TreeSet<>();
        if (header == null || header.isBlank()) {
            return names;
        }
        for (String entry : header.split(",")) {
            String path = entry.strip();
            List<URL> descriptors = new ArrayList<>();
            int slash = path.lastIndexOf('/');
            String name = path.substring(slash + 1);
            if (name.contains("*")) {
                Enumeration<URL> found = bundle.findEntries(slash < 0 ? "/" : path.substring(0, slash), name, false);
                if (found != null) {
                    descriptors.addAll(Collections.list(found));
                }
            } else if (bundle.getEntry(path) != null) {
                descriptors.add(bundle.getEntry(path));
            }
            for (URL descriptor : descriptors) {
                names.addAll(serviceComponents(descriptor));
            }
        }
        return names;
    }

    private static Set<String> serviceComponents(URL descriptor) {
        Set<String> names = new TreeSet<>();
        try (InputStream in = descriptor.openStream()) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(javax.xml.XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Document document = factory.newDocumentBuilder().parse(in);
            NodeList components = document.getElementsByTagNameNS("*", "component");
            for (int i = 0; i < components.getLength(); i++) {
                Element component = (Element) components.item(i);
                boolean offersService = component.getElementsByTagNameNS("*", "service").getLength() > 0;
                boolean isFactory = !component.getAttribute("factory").isEmpty();
                // a component that waits for its configuration registers nothing until it gets one: not awaited
                boolean needsConfiguration = "require".equals(component.getAttribute("configuration-policy"));
                if (offersService && !isFactory && !needsConfiguration
                        && !"false".equals(component.getAttribute("enabled"))) {
                    names.add(component.getAttribute("name"));
                }
            }
        } catch (IOException | ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("cannot read the component descriptor " + descriptor + ": " + e, e);
        }
        return names;
    }

    private static Set<String> registeredComponents(Bundle bundle) {
        Set<String> names = new TreeSet<>();
        ServiceReference<?>[] registered = bundle.getRegisteredServices();
        if (registered != null) {
            for (ServiceReference<?> ref : registered) {
                Object name = ref.getProperty("component.name");
                if (name != null) {
                    names.add(name.toString());
                }
            }
        }
        return names;
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
