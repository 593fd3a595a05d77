package org.cajal.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

class BlasSettingsTest {

    @Test
    void nd4jsThreadCountWinsWhenItHasOne() {
        assertEquals(2, BlasSettings.threads(2, Map.of("OPENBLAS_NUM_THREADS", "1")::get, 8));
    }

    @Test
    void withoutNd4jsCountOpenBlasVariablesAreReadInOpenBlasOrder() {
        assertEquals(1, BlasSettings.threads(-1, Map.of("OPENBLAS_NUM_THREADS", "1", "OMP_NUM_THREADS", "4")::get, 8));
        assertEquals(3, BlasSettings.threads(-1, Map.of("GOTO_NUM_THREADS", "3", "OMP_NUM_THREADS", "4")::get, 8));
        assertEquals(4, BlasSettings.threads(-1, Map.of("OPENBLAS_NUM_THREADS", "x", "OMP_NUM_THREADS", "4")::get, 8));
        assertEquals(8, BlasSettings.threads(-1, Map.<String, String>of()::get, 8));
    }

    @Test
    void anUnknownVendorIsOpenBlasWhenJavaCppLoadedIt() {
        Map<String, String> loaded = Map.of("openblas_nolapack@.0", "/cache/linux-x86_64/libopenblas_nolapack.so.0");

        assertEquals("OPENBLAS", BlasSettings.vendor("UNKNOWN", loaded));
        assertEquals("MKL", BlasSettings.vendor("MKL", loaded));
        assertEquals("UNKNOWN", BlasSettings.vendor("UNKNOWN", Map.of()));
        assertEquals("UNKNOWN", BlasSettings.vendor(null, Map.of()));
    }
}
