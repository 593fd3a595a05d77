package org.cajal.bench.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

    /**
     * Resident KiB per mapping from {@code /proc/self/smaps}, summed by what is mapped: a file by its name (the
     * natives {@code libnd4jcpu.so}, OpenBLAS, the JDK's {@code libjvm.so}, ...: pages of code read in as they are
     * first used), {@code [heap]} (the C heap of the main arena), {@code [anon]} (every anonymous mapping: the
     * Java heap, malloc's other arenas, thread stacks, ND4J's buffers), {@code [stack]}. Empty where there is no
     * /proc.
     */
    static Map<String, Long> residentByMapping() {
        return residentByMapping(readSmaps());
    }

    static Map<String, Long> residentByMapping(List<String> smaps) {
        Map<String, Long> rss = new TreeMap<>();
        String current = null;
        for (String line : smaps) {
            String[] f = line.trim().split("\\s+", 6);
            if (f.length >= 5 && f[0].contains("-") && !f[0].endsWith(":")) {
                // a mapping's header: address range, permissions, offset, device, inode, then the path if any
                String path = f.length == 6 ? f[5].trim() : "";
                current = path.isEmpty() ? "[anon]" : path.startsWith("[") ? path : Path.of(path).getFileName().toString();
            } else if (current != null && f.length >= 2 && f[0].equals("Rss:")) {
                try {
                    rss.merge(current, Long.parseLong(f[1].split("\\s+")[0]), Long::sum);
                } catch (NumberFormatException e) {
                    // not a number: skip
                }
            }
        }
        return rss;
    }

    private static List<String> readSmaps() {
        try {
            return Files.readAllLines(Path.of("/proc/self/smaps"), StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            return List.of();
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
