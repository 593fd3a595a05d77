package org.cajal.engine.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Looks for the shared libraries ND4J's CUDA 11.6 backend links to, where the Linux dynamic loader would look for
 * them: libraries this process has already loaded ({@code /proc/self/maps}, which is where JavaCPP's preloads from a
 * {@code cuda-...-redist} jar end up), {@code LD_LIBRARY_PATH}, the run paths the JNI libraries were built with, the
 * {@code ld.so.cache} ({@code ldconfig -p}) and the default folders.
 *
 * <p>The sonames come from the {@code NEEDED} entries of {@code libjnicudart.so}, {@code libjnicublas.so}
 * (org.bytedeco:cuda:11.6-8.3-1.5.7) and {@code libnd4jcuda.so} (nd4j-cuda-11.6 1.0.0-M2.1, plain linux-x86_64
 * build), in the order the loader resolves them; the driver comes first because without it nothing else matters.
 */
final class CudaLibraries {

    /** The NVIDIA driver's user-space library; everything CUDA needs it. */
    static final String DRIVER = "libcuda.so.1";

    /** What the CUDA backend needs, driver first, then in the order ND4J loads them (cudart, cuBLAS, cuSOLVER). */
    static final List<String> REQUIRED = List.of(DRIVER, "libcudart.so.11.0", "libcublas.so.11", "libcublasLt.so.11",
            "libcusolver.so.11");

    /** Run paths baked into the JNI libraries ({@code readelf -d}), then the usual CUDA install folders. */
    static final List<String> BUILT_IN_FOLDERS = List.of("/usr/local/cuda-11.6/targets/x86_64-linux/lib",
            "/usr/local/cuda-11.6/lib64", "/usr/local/cuda/lib64", "/usr/lib64");

    /** Where glibc's loader looks last on x86-64 Debian/Ubuntu and Red Hat systems. */
    static final List<String> DEFAULT_FOLDERS = List.of("/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu",
            "/lib64", "/usr/lib64", "/lib", "/usr/lib");

    private static final List<String> LDCONFIG = List.of("/sbin/ldconfig", "/usr/sbin/ldconfig");
    /** {@code \tlibcudart.so.13 (libc6,x86-64) => /usr/local/cuda-13.0/lib/libcudart.so.13} */
    private static final Pattern LDCONFIG_LINE = Pattern.compile("^\\s*(\\S+)\\s+\\(([^)]*)\\)\\s+=>\\s+(\\S+)\\s*$");
    /** A file name in /proc/self/maps: the last field of a mapping line, when it is a path. */
    private static final Pattern MAPPED_FILE = Pattern.compile("\\s(/\\S+)$");

    /**
     * What was found.
     *
     * @param missing required sonames found nowhere, in {@link #REQUIRED} order
     * @param otherVersions for a missing soname, the sonames of the same library with another version that were
     *        found ({@code libcudart.so.11.0} missing, {@code libcudart.so.13} present: CUDA 13 is installed instead)
     * @param searched the places looked in, for the notice
     */
    record Search(List<String> missing, Map<String, Set<String>> otherVersions, List<String> searched) {
        Search {
            missing = List.copyOf(missing);
            otherVersions = Map.copyOf(otherVersions);
            searched = List.copyOf(searched);
        }
    }

    private CudaLibraries() {
    }

    /** Searches this machine: the loaded mappings, {@code LD_LIBRARY_PATH}, run paths, ld.so.cache, default folders. */
    static Search searchThisMachine() {
        List<Path> folders = new ArrayList<>();
        String ldLibraryPath = System.getenv("LD_LIBRARY_PATH");
        if (ldLibraryPath != null) {
            for (String entry : ldLibraryPath.split(":")) {
                if (!entry.isBlank()) {
                    folders.add(Path.of(entry));
                }
            }
        }
        BUILT_IN_FOLDERS.forEach(f -> folders.add(Path.of(f)));
        DEFAULT_FOLDERS.forEach(f -> folders.add(Path.of(f)));
        return search(REQUIRED, loadedLibraries(), ldconfigCache(), folders, CudaLibraries::fileNames);
    }

    /**
     * Looks for each soname among the loaded libraries, the ld.so.cache entries and the folders, in that order.
     *
     * @param sonames the libraries to find
     * @param loaded paths of libraries mapped into this process
     * @param cache {@code ldconfig -p} entries, soname to path (x86-64 entries only)
     * @param folders folders to list
     * @param lister lists the file names in a folder (empty when it does not exist)
     */
    static Search search(List<String> sonames, List<Path> loaded, Map<String, String> cache, List<Path> folders,
                         Function<Path, Set<String>> lister) {
        Set<String> available = new TreeSet<>();
        loaded.forEach(p -> available.add(String.valueOf(p.getFileName())));
        available.addAll(cache.keySet());
        List<String> searched = new ArrayList<>();
        searched.add("loaded libraries");
        searched.add("ld.so.cache");
        Set<Path> distinct = new LinkedHashSet<>(folders);
        for (Path folder : distinct) {
            available.addAll(lister.apply(folder));
            searched.add(folder.toString());
        }
        List<String> missing = new ArrayList<>();
        Map<String, Set<String>> otherVersions = new LinkedHashMap<>();
        for (String soname : sonames) {
            if (!available.contains(soname)) {
                missing.add(soname);
                Set<String> others = otherVersionsOf(soname, available);
                if (!others.isEmpty()) {
                    otherVersions.put(soname, others);
                }
            }
        }
        return new Search(missing, otherVersions, searched);
    }

    /** {@code libcudart.so.11.0} against {@code libcudart.so.13}, {@code libcudart.so.12}: the versioned siblings. */
    static Set<String> otherVersionsOf(String soname, Set<String> available) {
        int so = soname.indexOf(".so");
        String stem = soname.substring(0, so + 3) + ".";
        Set<String> others = new TreeSet<>();
        for (String name : available) {
            if (name.startsWith(stem) && !name.equals(soname)) {
                others.add(name);
            }
        }
        return others;
    }

    /** Parses {@code ldconfig -p}: soname to path, x86-64 entries only (a 32-bit libcuda.so.1 would not load). */
    static Map<String, String> parseLdconfig(String output) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            Matcher m = LDCONFIG_LINE.matcher(line);
            if (m.matches() && m.group(2).contains("x86-64")) {
                entries.putIfAbsent(m.group(1), m.group(3));
            }
        }
        return entries;
    }

    /** Paths of the shared libraries mapped in {@code /proc/self/maps} text. */
    static List<Path> parseMaps(String maps) {
        Set<Path> paths = new LinkedHashSet<>();
        for (String line : maps.split("\n")) {
            Matcher m = MAPPED_FILE.matcher(line);
            if (m.find() && m.group(1).contains(".so")) {
                paths.add(Path.of(m.group(1)));
            }
        }
        return List.copyOf(paths);
    }

    private static List<Path> loadedLibraries() {
        try {
            return parseMaps(Files.readString(Path.of("/proc/self/maps"), StandardCharsets.ISO_8859_1));
        } catch (IOException | RuntimeException notLinux) {
            return List.of();
        }
    }

    /** {@code ldconfig -p} of this machine, or nothing when ldconfig is not there or does not answer in 5 s. */
    private static Map<String, String> ldconfigCache() {
        for (String ldconfig : LDCONFIG) {
            if (!Files.isExecutable(Path.of(ldconfig))) {
                continue;
            }
            Path listing = null;
            try {
                // output to a file, so that waitFor's bound holds even if ldconfig hangs without closing its output
                listing = Files.createTempFile("cajal-ldconfig-", ".txt");
                Process process = new ProcessBuilder(ldconfig, "-p").redirectErrorStream(true)
                        .redirectOutput(listing.toFile()).start();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    continue;
                }
                if (process.exitValue() == 0) {
                    return parseLdconfig(Files.readString(listing, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // try the next location; the folder search still runs
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Map.of();
            } finally {
                deleteQuietly(listing);
            }
        }
        return Map.of();
    }

    private static Set<String> fileNames(Path folder) {
        Set<String> names = new TreeSet<>();
        if (!Files.isDirectory(folder)) {
            return names;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "lib*.so*")) {
            for (Path entry : entries) {
                if (Files.exists(entry)) { // a dangling link is as good as no library to the loader
                    names.add(entry.getFileName().toString());
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // an unreadable folder is one the loader cannot use either
        }
        return names;
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a small temporary file left behind
        }
    }
}
