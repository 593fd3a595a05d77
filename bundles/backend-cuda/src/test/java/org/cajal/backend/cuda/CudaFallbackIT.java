package org.cajal.backend.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cajal.testkit.CommandOutcome;
import org.cajal.testkit.RunningCajal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleRevision;

/**
 * The CUDA fragment beside the CPU one, on a machine without an NVIDIA driver: ND4J tries its CUDA backend, fails,
 * and falls back to the CPU; Cajal says once, in its log and in the backend's details, that the driver is missing,
 * and a pipeline still trains.
 *
 * <p>Boots a copy of the assembled distribution ({@code cajal.dist}) whose {@code bundles/} also holds this module's
 * jar ({@code cajal.cuda.bundle}), as a user who installs the CUDA backend would have it. Skipped, saying so, on a
 * machine that has an NVIDIA driver: there the fallback is not what happens (see README.md for a GPU check).
 */
class CudaFallbackIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COMPUTE_BACKEND = "org.cajal.api.compute.ComputeBackend";

    private static Path home;
    private static RunningCajal cajal;

    @BeforeAll
    static void boot() throws Exception {
        assumeFalse(nvidiaDriverPresent(), "this machine has an NVIDIA driver (libcuda.so.1 or /proc/driver/nvidia): "
                + "the CPU-fallback test does not apply here");
        Path dist = Path.of(System.getProperty("cajal.dist")).toAbsolutePath().normalize();
        Path jar = Path.of(System.getProperty("cajal.cuda.bundle")).toAbsolutePath().normalize();
        assertTrue(Files.isDirectory(dist.resolve("bundles")), "no assembled distribution at " + dist
                + "; build it first: mvn -B install -DskipTests (then -Pcuda for this module)");
        assertTrue(Files.isRegularFile(jar), "no CUDA backend bundle at " + jar + "; run this test after package");
        home = installationWithCudaBackend(dist, jar);
        cajal = RunningCajal.boot(home, Map.of());
    }

    @AfterAll
    static void shutDown() throws IOException {
        if (cajal != null) {
            cajal.close();
        }
        if (home != null) {
            try (Stream<Path> paths = Files.walk(home)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void bothBackendFragmentsAreAttachedToTheEngine() throws Exception {
        for (String name : List.of("org.cajal.backend.cpu", "org.cajal.backend.cuda")) {
            Bundle fragment = cajal.bundle(name).orElseThrow(() -> new AssertionError(name + " is not installed"));
            assertTrue((fragment.adapt(BundleRevision.class).getTypes() & BundleRevision.TYPE_FRAGMENT) != 0, name);
            assertEquals(Bundle.RESOLVED, fragment.getState(), name + " is not attached:\n" + cajal.framework()
                    .describe(List.of(fragment)));
        }
        Bundle engine = cajal.bundle("org.cajal.engine").orElseThrow();
        assertNotNull(engine.loadClass("org.nd4j.linalg.jcublas.JCublasBackend"), "the engine sees ND4J's CUDA backend");
    }

    @Test
    void theBackendIsTheCpuAndTheNoticeNamesTheMissingDriverOnce() throws Exception {
        Map<?, ?> details = backendDetails();
        ServiceReference<?> ref = cajal.service(COMPUTE_BACKEND).orElseThrow();
        assertEquals("cpu", ref.getProperty("cajal.backend.kind"));
        assertEquals("org.nd4j.linalg.cpu.nativecpu.CpuBackend", ref.getProperty("cajal.backend.class"));

        String notice = String.valueOf(details.get("backend.notice"));
        assertTrue(notice.startsWith("GPU not used, training runs on the CPU: the NVIDIA driver library libcuda.so.1 "
                + "was not found"), notice);
        assertEquals("no-driver", details.get("backend.notice.cause"));

        List<String> logged = Files.readAllLines(Path.of(System.getProperty("org.slf4j.simpleLogger.logFile")),
                StandardCharsets.UTF_8).stream().filter(l -> l.contains("GPU not used")).toList();
        assertEquals(1, logged.size(), "the notice is logged once: " + logged);
        assertTrue(logged.get(0).contains("WARN") && logged.get(0).contains(notice), logged.get(0));
    }

    @Test
    void xorStillTrainsOnTheCpuAndTheRunRecordsWhy() throws Exception {
        Path example = home.resolve("examples/xor.json");
        CommandOutcome run = cajal.run(example.toString(), "--out", cajal.newFolder("xor").toString());
        assertEquals(0, run.status(), run::toString);
        Path folder = run.runFolder();

        assertEquals(1.0, JSON.readTree(folder.resolve("evaluation.json").toFile()).get("accuracy").asDouble(),
                run::toString);
        JsonNode backend = JSON.readTree(folder.resolve("provenance.json").toFile()).get("backend");
        assertEquals("cpu", backend.get("kind").asText());
        assertTrue(backend.at("/details/backend.notice").asText().contains("libcuda.so.1"), backend::toString);

        List<String> metrics = Files.readAllLines(folder.resolve("metrics.csv"));
        double first = Double.parseDouble(metrics.get(1).split(",")[1]);
        double last = Double.parseDouble(metrics.get(metrics.size() - 1).split(",")[1]);
        assertTrue(last < first / 4, "training loss should fall: " + first + " -> " + last);
    }

    /** The ComputeBackend's BackendInfo.details(), through the framework's own API classes. */
    private static Map<?, ?> backendDetails() throws Exception {
        Object service = cajal.awaitService(COMPUTE_BACKEND, Duration.ofMinutes(2))
                .orElseThrow(() -> new AssertionError("no ComputeBackend within 2 minutes; the engine did not start"));
        ClassLoader api = service.getClass().getClassLoader();
        Object info = Class.forName(COMPUTE_BACKEND, false, api).getMethod("info").invoke(service);
        return (Map<?, ?>) Class.forName("org.cajal.api.compute.BackendInfo", false, api).getMethod("details")
                .invoke(info);
    }

    /**
     * A Cajal home whose bundles/ holds the distribution's bundles plus the CUDA backend: links, not copies (the
     * launcher installs bundles by reference), so the ~600 MB jar is not copied.
     */
    private static Path installationWithCudaBackend(Path dist, Path cudaJar) throws IOException {
        Path root = Files.createTempDirectory("cajal-cuda-home-");
        Path bundles = Files.createDirectories(root.resolve("bundles"));
        try (Stream<Path> entries = Files.list(dist.resolve("bundles"))) {
            for (Path entry : entries.toList()) {
                Files.createSymbolicLink(bundles.resolve(entry.getFileName()), entry);
            }
        }
        Files.createSymbolicLink(bundles.resolve("backend-cuda.jar"), cudaJar);
        for (String folder : List.of("lib", "examples", "bin")) {
            if (Files.exists(dist.resolve(folder))) {
                Files.createSymbolicLink(root.resolve(folder), dist.resolve(folder));
            }
        }
        Files.createDirectories(root.resolve("plugins"));
        return root;
    }

    /** An independent check of the test's premise: the driver's library in ld.so.cache or its kernel module. */
    private static boolean nvidiaDriverPresent() throws IOException, InterruptedException {
        if (Files.exists(Path.of("/proc/driver/nvidia/version"))) {
            return true;
        }
        for (String ldconfig : List.of("/sbin/ldconfig", "/usr/sbin/ldconfig")) {
            if (Files.isExecutable(Path.of(ldconfig))) {
                Process p = new ProcessBuilder(ldconfig, "-p").redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                p.waitFor();
                return out.contains("libcuda.so.1 ");
            }
        }
        return false;
    }
}
