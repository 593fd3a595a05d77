package org.cajal.engine.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.bytedeco.javacpp.Loader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks, before ND4J loads its natives, the fastest nd4j-native build that is both installed (a folder of the CPU
 * backend fragment) and runnable on this CPU, and tells JavaCPP through {@value NativeVariant#EXTENSION_PROPERTY}.
 *
 * <p>The CPU backend fragment carries several builds of libnd4j side by side, each in its own resource folder
 * ({@code org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64[-extension]/}). Without the property JavaCPP tries
 * every extension its presets list, the last one first, and could load an AVX-512 build on a CPU without AVX-512
 * (illegal instruction); with it, JavaCPP tries that extension and then the generic build. The order of preference:
 * oneDNN with AVX-512, AVX-512, oneDNN with AVX2, AVX2, oneDNN, generic. oneDNN builds come first because only they
 * give DL4J's convolution, pooling and batch-normalisation layers their fast kernels (ENGINE.md 8; with the helper
 * switch and {@code org.nd4j.nativeblas.Nd4jCpu}). A property the user set is kept as it is.
 */
final class NativeVariantChoice {

    /** Where nd4j-native's builds keep their libraries, one folder per platform and extension. */
    static final String BINDINGS_FOLDER = "org/nd4j/linalg/cpu/nativecpu/bindings/";

    /** The JNI library every build has; its presence marks an installed build. */
    static final String JNI_LIBRARY = "libjnind4jcpu.so";

    /** A build and the /proc/cpuinfo flags it needs (libnd4j's avx2 build is Haswell-level, avx512 Skylake-X). */
    record Candidate(String extension, List<String> requiredFlags) {
        Candidate {
            requiredFlags = List.copyOf(requiredFlags);
        }
    }

    /** Haswell's extensions (libnd4j's avx2 build may be compiled for the whole level, not AVX2 alone). */
    private static final List<String> AVX2 = List.of("avx", "avx2", "fma", "f16c", "bmi1", "bmi2");
    private static final List<String> AVX512 = List.of("avx", "avx2", "fma", "f16c", "bmi1", "bmi2",
            "avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl");

    /** Most preferred first. */
    static final List<Candidate> PREFERENCE = List.of(
            new Candidate("-onednn-avx512", AVX512),
            new Candidate("-avx512", AVX512),
            new Candidate("-onednn-avx2", AVX2),
            new Candidate("-avx2", AVX2),
            new Candidate("-onednn", List.of()),
            new Candidate("", List.of()));

    private static final Logger LOG = LoggerFactory.getLogger(NativeVariantChoice.class);

    /** The extension this class set, so that a restart of the engine in the same JVM does not call it the user's. */
    private static volatile String chosenHere;

    private NativeVariantChoice() {
    }

    /**
     * The extension to load.
     *
     * @param platform JavaCPP's platform, e.g. {@code linux-x86_64}
     * @param cpuFlags the CPU's flags ({@link CpuDescription#features()})
     * @param installed whether a folder name ({@code platform + extension}) holds a build
     * @return the first candidate of {@link #PREFERENCE} that is installed and whose flags the CPU has; empty when no
     *         build is installed at all (then there is nothing to choose and ND4J will report the missing backend)
     */
    static Optional<String> choose(String platform, List<String> cpuFlags, Predicate<String> installed) {
        return PREFERENCE.stream()
                .filter(candidate -> cpuFlags.containsAll(candidate.requiredFlags()))
                .filter(candidate -> installed.test(platform + candidate.extension()))
                .map(Candidate::extension)
                .findFirst();
    }

    /**
     * Sets {@value NativeVariant#EXTENSION_PROPERTY} unless the user did, from the builds {@code loader} can see.
     * Must run before anything loads JavaCPP's {@code Loader}, which reads the property once.
     *
     * @return the extension in force afterwards ({@code ""} for the generic build)
     */
    static String apply(ClassLoader loader, CpuDescription cpu) {
        String requested = System.getProperty(NativeVariant.EXTENSION_PROPERTY);
        if (requested != null && requested.equals(chosenHere)) {
            LOG.info("Native variant: {} as chosen at the engine's first start in this JVM", variantName(requested));
            return requested;
        }
        if (requested != null) {
            LOG.info("Native variant: {} kept as set ({}={})", variantName(requested), NativeVariant.EXTENSION_PROPERTY,
                    requested);
            return requested;
        }
        Optional<String> chosen = choose(javaCppPlatform(), cpu.features(),
                folder -> loader.getResource(BINDINGS_FOLDER + folder + "/" + JNI_LIBRARY) != null);
        chosen.ifPresent(extension -> {
            System.setProperty(NativeVariant.EXTENSION_PROPERTY, extension);
            chosenHere = extension;
            LOG.info("Native variant: {} chosen for this CPU (flags: {})", variantName(extension),
                    String.join(" ", cpu.features()));
        });
        return chosen.orElse("");
    }

    /** {@code generic} for the empty extension, else the extension without its dash. */
    static String variantName(String extension) {
        return extension.isEmpty() ? "generic" : extension.substring(1);
    }

    /**
     * JavaCPP's platform name ({@code linux-x86_64}, or the {@code org.bytedeco.javacpp.platform} property) from
     * JavaCPP's own {@link Loader.Detector}, a nested class whose use does not initialise {@link Loader}: the loader
     * must not read its properties before {@link #apply} has set the extension.
     */
    static String javaCppPlatform() {
        return Loader.Detector.getPlatform();
    }
}
