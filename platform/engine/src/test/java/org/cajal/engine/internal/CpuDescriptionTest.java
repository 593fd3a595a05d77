package org.cajal.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class CpuDescriptionTest {

    private static final String TWO_PROCESSORS = """
            processor\t: 0
            vendor_id\t: GenuineIntel
            model name\t: Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz
            flags\t\t: fpu sse sse2 ssse3 fma sse4_1 sse4_2 avx f16c avx2 avx512f avx512dq avx512cd avx512bw avx512vl avx512_vnni
            model\t\t: 106

            processor\t: 1
            model name\t: Some other name
            flags\t\t: fpu sse
            """;

    @Test
    void keepsTheFirstModelNameAndOnlyRelevantFlagsInCanonicalOrder() {
        CpuDescription cpu = CpuDescription.parse(TWO_PROCESSORS);

        assertEquals("Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz", cpu.model());
        assertEquals(List.of("sse4_1", "sse4_2", "avx", "avx2", "fma", "f16c", "avx512f", "avx512cd", "avx512bw",
                "avx512dq", "avx512vl", "avx512_vnni"), cpu.features());
    }

    @Test
    void aKeyThatOnlyStartsLikeModelIsNotTakenForTheModelName() {
        CpuDescription cpu = CpuDescription.parse("model\t\t: 106\nmodel name\t: AMD EPYC 7B13\nflags\t: avx2 fma\n");

        assertEquals("AMD EPYC 7B13", cpu.model());
        assertEquals(List.of("avx2", "fma"), cpu.features());
    }

    @Test
    void withoutModelNameOrFlagsFallsBackToTheArchitecture() {
        CpuDescription cpu = CpuDescription.parse("processor\t: 0\nCPU implementer\t: 0x41\n");

        assertEquals(System.getProperty("os.arch"), cpu.model());
        assertEquals(List.of(), cpu.features());
    }
}
