package org.cajal.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class NativeVariantTest {

    @Test
    void namesTheFolderNd4jsJniLibraryWasExtractedTo() {
        Map<String, String> loaded = new LinkedHashMap<>();
        loaded.put("jnijavacpp", "/tmp/javacpp-cache/linux-x86_64/libjnijavacpp.so");
        loaded.put("openblas_nolapack@.0", "/tmp/javacpp-cache/linux-x86_64/libopenblas_nolapack.so.0");
        loaded.put("jnind4jcpu", "/tmp/javacpp-cache/linux-x86_64-avx2/libjnind4jcpu.so");

        assertEquals(Optional.of("linux-x86_64-avx2"), NativeVariant.fromLoadedLibraries(loaded, "linux-x86_64"));
    }

    @Test
    void ignoresAFolderThatIsNotAPlatformName() {
        Map<String, String> loaded = Map.of("jnind4jcpu", "/usr/lib/libjnind4jcpu.so");

        assertEquals(Optional.empty(), NativeVariant.fromLoadedLibraries(loaded, "linux-x86_64"));
    }

    @Test
    void isEmptyBeforeNd4jIsLoaded() {
        assertEquals(Optional.empty(), NativeVariant.fromLoadedLibraries(Map.of(), "linux-x86_64"));
    }
}
