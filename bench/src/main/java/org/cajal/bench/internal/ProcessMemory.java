package org.cajal.bench.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resident memory of this process from {@code /proc/self/status} (Linux): the current {@code VmRSS} and the peak
 * {@code VmHWM}. Both count the whole JVM — heap, ND4J's off-heap buffers, both sides of the benchmark — and the
 * JVM rarely gives heap back, so a side's peak includes what earlier work left resident.
 */
final class ProcessMemory {

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private ProcessMemory() {
    }

    /** Peak resident set size in KiB since start (or the last {@link #resetPeak()}), or -1 where unknown. */
    static long peakKib() {
        return field("VmHWM:");
    }

    /** Resident set size now in KiB, or -1 where unknown. */
    static long residentKib() {
        return field("VmRSS:");
    }

    /**
     * Sets the peak back to the current resident size (Linux 4.0+: {@code echo 5 > /proc/self/clear_refs}), so
     * that the next {@link #peakKib()} covers only what happens from now on.
     *
     * @return false where the kernel does not allow it; the peak then stays the process's
     */
    static boolean resetPeak() {
        try {
            Files.writeString(CLEAR_REFS, "5", StandardCharsets.US_ASCII);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The machine's 1-minute load average ({@code /proc/loadavg}), or "?" where unknown: other work skews figures. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static long field(String name) {
        try {
            for (String line : Files.readAllLines(STATUS, StandardCharsets.US_ASCII)) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).replace("kB", "").trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc not mounted: unknown
        }
        return -1;
    }
}
