package org.cajal.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BackendProbeTest {

    @Test
    void theCudaBackendIsKindCudaEverythingElseCpu() {
        assertEquals("cuda", BackendProbe.kindOf("org.nd4j.linalg.jcublas.JCublasBackend"));
        assertEquals("cpu", BackendProbe.kindOf("org.nd4j.linalg.cpu.nativecpu.CpuBackend"));
    }

    @Test
    void instructionLevelsAreNamedAsNd4jLogsThem() {
        assertEquals("Generic x86", BackendProbe.instructionLevelName(0));
        assertEquals("Generic x86", BackendProbe.instructionLevelName(1));
        assertEquals("AVX/AVX2", BackendProbe.instructionLevelName(2));
        assertEquals("AVX512", BackendProbe.instructionLevelName(3));
    }
}
