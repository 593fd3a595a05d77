package org.cajal.engine.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.bytedeco.javacpp.Loader;

/**
 * Names the native build JavaCPP actually loaded for ND4J ({@code linux-x86_64}, {@code linux-x86_64-avx2}, ...):
 * JavaCPP keeps each native jar's platform folder name when it extracts a library, so the JNI library's folder says it.
 */
final class NativeVariant {

    /** System property JavaCPP reads to prefer a variant, e.g. {@code -avx2}. */
    static final String EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";

    /** ND4J's JNI library names start with this ({@code jnind4jcpu}, {@code jnind4jcuda}). */
    private static final String ND4J_JNI_PREFIX = "jnind4j";

    private NativeVariant() {
    }

    /** The variant loaded, or the platform plus the requested extension if the loaded library cannot be found. */
    static String loaded() {
        return fromLoadedLibraries(Loader.getLoadedLibraries(), Loader.getPlatform())
                .orElseGet(() -> Loader.getPlatform() + System.getProperty(EXTENSION_PROPERTY, ""));
    }

    /**
     * @param loadedLibraries JavaCPP's library name to file path map ({@link Loader#getLoadedLibraries()})
     * @param platform JavaCPP's platform, e.g. {@code linux-x86_64}
     * @return the folder name of ND4J's JNI library when it starts with the platform
     */
    static Optional<String> fromLoadedLibraries(Map<String, String> loadedLibraries, String platform) {
        return loadedLibraries.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(ND4J_JNI_PREFIX) && entry.getValue() != null)
                .map(entry -> Path.of(entry.getValue()).getParent())
                .filter(folder -> folder != null && folder.getFileName() != null)
                .map(folder -> folder.getFileName().toString())
                .filter(name -> name.startsWith(platform))
                .findFirst();
    }
}
