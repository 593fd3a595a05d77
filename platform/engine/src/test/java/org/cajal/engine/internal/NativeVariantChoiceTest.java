package org.cajal.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class NativeVariantChoiceTest {

    private static final List<String> SKYLAKE_X = List.of("sse4_1", "sse4_2", "avx", "avx2", "fma", "f16c", "bmi1",
            "bmi2", "avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl");
    private static final List<String> HASWELL = List.of("sse4_1", "sse4_2", "avx", "avx2", "fma", "f16c", "bmi1", "bmi2");
    private static final List<String> SANDY_BRIDGE = List.of("sse4_1", "sse4_2", "avx");
    /** What Cajal's CPU fragment carries. */
    private static final Set<String> SHIPPED = Set.of("linux-x86_64", "linux-x86_64-onednn-avx2",
            "linux-x86_64-onednn-avx512");

    @Test
    void anAvx512CpuGetsTheOneDnnAvx512Build() {
        assertEquals(Optional.of("-onednn-avx512"), NativeVariantChoice.choose("linux-x86_64", SKYLAKE_X, SHIPPED::contains));
    }

    @Test
    void anAvx2CpuNeverGetsAnAvx512Build() {
        assertEquals(Optional.of("-onednn-avx2"), NativeVariantChoice.choose("linux-x86_64", HASWELL, SHIPPED::contains));
    }

    @Test
    void aCpuWithoutAvx2FallsBackToTheGenericBuild() {
        assertEquals(Optional.of(""), NativeVariantChoice.choose("linux-x86_64", SANDY_BRIDGE, SHIPPED::contains));
    }

    @Test
    void anAvx512CpuMissingOneOfTheSkylakeFlagsIsTreatedAsAvx2() {
        List<String> noBw = SKYLAKE_X.stream().filter(flag -> !flag.equals("avx512bw")).toList();

        assertEquals(Optional.of("-onednn-avx2"), NativeVariantChoice.choose("linux-x86_64", noBw, SHIPPED::contains));
    }

    @Test
    void aVirtualCpuHidingBmi2GetsTheGenericBuild() {
        List<String> noBmi2 = HASWELL.stream().filter(flag -> !flag.equals("bmi2")).toList();

        assertEquals(Optional.of(""), NativeVariantChoice.choose("linux-x86_64", noBmi2, SHIPPED::contains));
    }

    @Test
    void onlyInstalledBuildsAreChosen() {
        Set<String> genericAndAvx2 = Set.of("linux-x86_64", "linux-x86_64-avx2");

        assertEquals(Optional.of("-avx2"), NativeVariantChoice.choose("linux-x86_64", SKYLAKE_X, genericAndAvx2::contains));
    }

    @Test
    void nothingInstalledMeansNoChoice() {
        assertEquals(Optional.empty(), NativeVariantChoice.choose("linux-x86_64", SKYLAKE_X, folder -> false));
    }

    @Test
    void namesVariantsWithoutTheDash() {
        assertEquals("generic", NativeVariantChoice.variantName(""));
        assertEquals("onednn-avx2", NativeVariantChoice.variantName("-onednn-avx2"));
    }
}
