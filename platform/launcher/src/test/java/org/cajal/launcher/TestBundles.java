package org.cajal.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Writes small bundle jars for tests: a manifest and, optionally, classes copied from the test class path. */
final class TestBundles {

    private TestBundles() {
    }

    /** Makes {@code <home>/bundles} and {@code <home>/plugins}, as a distribution has them. */
    static Path distribution(Path home) throws IOException {
        Files.createDirectories(home.resolve("bundles"));
        Files.createDirectories(home.resolve("plugins"));
        return home;
    }

    /** Writes {@code <folder>/META-INF/MANIFEST.MF}, which makes the folder an unpacked bundle. */
    static Path writeManifest(Path folder, Map<String, String> headers) throws IOException {
        Path file = folder.resolve("META-INF/MANIFEST.MF");
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            manifest(headers).write(out);
        }
        return folder;
    }

    private static Manifest manifest(Map<String, String> headers) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
        headers.forEach(manifest.getMainAttributes()::putValue);
        return manifest;
    }

    static Path write(Path jar, Map<String, String> headers, Class<?>... classes) throws IOException {
        Manifest manifest = manifest(headers);
        Files.createDirectories(jar.getParent());
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Class<?> c : classes) {
                String entry = c.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(entry));
                try (InputStream in = c.getClassLoader().getResourceAsStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return jar;
    }
}
