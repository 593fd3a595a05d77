package org.cajal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleRevision;

/** The assembled distribution boots in a real Felix: every bundle active, the CPU backend attached and working. */
@ExtendWith(CajalRuntime.class)
class FrameworkTest {

    @Test
    void everyBundleIsActiveAndEveryFragmentResolved(CajalRuntime cajal) {
        List<Bundle> problems = cajal.framework().problemBundles();
        assertTrue(problems.isEmpty(), "bundles not active:\n" + cajal.framework().describe(problems));
        Set<String> names = Arrays.stream(cajal.framework().context().getBundles())
                .map(Bundle::getSymbolicName).collect(Collectors.toSet());
        assertTrue(names.containsAll(Set.of("org.cajal.api", "org.cajal.engine", "org.cajal.backend.cpu",
                "org.cajal.runtime", "org.cajal.datasets", "org.cajal.layers", "org.cajal.optimizers",
                "org.apache.felix.scr", "org.apache.felix.fileinstall", "org.apache.felix.configadmin")), names::toString);
        Bundle backend = bundle(cajal, "org.cajal.backend.cpu");
        assertTrue((backend.adapt(BundleRevision.class).getTypes() & BundleRevision.TYPE_FRAGMENT) != 0);
        assertEquals(Bundle.RESOLVED, backend.getState());
    }

    @Test
    void theNd4jBackendIsTheCpuOne(CajalRuntime cajal) throws Exception {
        Object service = cajal.framework().waitForService("org.cajal.api.compute.ComputeBackend",
                Duration.ofMinutes(2)).orElseThrow();
        // look the methods up on the exported API types: the service's own class is engine-internal
        ClassLoader api = service.getClass().getClassLoader();
        Object info = Class.forName("org.cajal.api.compute.ComputeBackend", false, api).getMethod("info")
                .invoke(service);
        Class<?> infoType = Class.forName("org.cajal.api.compute.BackendInfo", false, api);
        Object backendClass = infoType.getMethod("backendClass").invoke(info);
        assertEquals("org.nd4j.linalg.cpu.nativecpu.CpuBackend", backendClass);
        // all references, not only those whose class this test's class loader shares: the itests have their own
        // copy of the API on the class path (for the testkit's ComponentKind)
        ServiceReference<?> ref = cajal.framework().context()
                .getAllServiceReferences("org.cajal.api.compute.ComputeBackend", null)[0];
        assertEquals("cpu", ref.getProperty("cajal.backend.kind"));
        int threads = (Integer) infoType.getMethod("threads").invoke(info);
        assertTrue(threads >= 1, "thread count " + threads);

        // the speed work of docs/performance.md: on a CPU with AVX2 the engine asks for a oneDNN build, JavaCPP
        // loads exactly that one, and DL4J's own check says its oneDNN layer helpers will run
        @SuppressWarnings("unchecked")
        java.util.List<String> features = (java.util.List<String>) infoType.getMethod("cpuFeatures").invoke(info);
        @SuppressWarnings("unchecked")
        java.util.Map<String, String> details = (java.util.Map<String, String>) infoType.getMethod("details").invoke(info);
        String variant = (String) infoType.getMethod("nativeVariant").invoke(info);
        if (features.containsAll(java.util.List.of("avx2", "fma", "f16c", "bmi1", "bmi2"))) {
            assertTrue(details.get("nativeVariant.requested").startsWith("onednn-"), details::toString);
            assertEquals("linux-x86_64-" + details.get("nativeVariant.requested"), variant);
            assertEquals("true", details.get("dl4j.onednnHelpers"), details::toString);
            assertEquals("false", details.get("org.eclipse.deeplearning4j.helpers.disable"));
        }
    }

    private static Bundle bundle(CajalRuntime cajal, String name) {
        return Arrays.stream(cajal.framework().context().getBundles())
                .filter(b -> name.equals(b.getSymbolicName())).findFirst().orElseThrow();
    }
}
