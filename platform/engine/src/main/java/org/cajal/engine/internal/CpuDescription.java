package org.cajal.engine.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CPU as Linux's /proc/cpuinfo describes it, reduced to the instruction-set extensions that decide which ND4J
 * native variant (generic, avx2, avx512, onednn-*) can run and how fast.
 *
 * @param model the first "model name", or {@code os.arch} where /proc/cpuinfo is missing
 * @param features the relevant flags the CPU has, in the order of {@link #RELEVANT_FLAGS}
 */
record CpuDescription(String model, List<String> features) {

    /** Flags worth reporting, oldest extension first. */
    static final List<String> RELEVANT_FLAGS = List.of("sse4_1", "sse4_2", "avx", "avx2", "fma", "f16c", "bmi1", "bmi2",
            "avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl", "avx512_vnni", "avx512_bf16",
            "amx_tile", "amx_bf16", "amx_int8");

    private static final Logger LOG = LoggerFactory.getLogger(CpuDescription.class);
    private static final Path CPUINFO = Path.of("/proc/cpuinfo");

    CpuDescription {
        features = List.copyOf(features);
    }

    /** Reads /proc/cpuinfo; on systems without it the model is {@code os.arch} and no feature is listed. */
    static CpuDescription read() {
        if (!Files.isReadable(CPUINFO)) {
            return unknown();
        }
        try {
            return parse(Files.readString(CPUINFO));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not read {}; CPU model and features are reported as unknown", CPUINFO, e);
            return unknown();
        }
    }

    /** Parses the text of /proc/cpuinfo; only the first processor's entry is used (all cores are alike on x86). */
    static CpuDescription parse(String cpuinfo) {
        String model = firstValue(cpuinfo, "model name");
        Set<String> flags = Arrays.stream(firstValue(cpuinfo, "flags").split("\\s+")).collect(Collectors.toSet());
        List<String> relevant = RELEVANT_FLAGS.stream().filter(flags::contains).toList();
        return new CpuDescription(model.isEmpty() ? System.getProperty("os.arch") : model, relevant);
    }

    private static String firstValue(String cpuinfo, String key) {
        return cpuinfo.lines()
                .filter(line -> line.startsWith(key) && line.indexOf(':') > 0
                        && line.substring(0, line.indexOf(':')).trim().equals(key))
                .map(line -> line.substring(line.indexOf(':') + 1).trim())
                .findFirst()
                .orElse("");
    }

    private static CpuDescription unknown() {
        return new CpuDescription(System.getProperty("os.arch"), List.of());
    }
}
