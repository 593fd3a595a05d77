package org.cajal.runtime.internal.folder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cajal.api.compute.BackendInfo;
import org.cajal.api.run.RunFiles;
import org.cajal.api.run.RunStatus;
import org.cajal.runfolder.RunFolderWriter;

/**
 * Where a run's numbers came from (Tribuo's model provenance is the model): the pipeline and seed, the dataset's
 * identity, every installed bundle with its version, the compute backend, the JVM, OS and CPU, and the start and
 * end time, assembled as the run goes. Written to provenance.json at the start of a run and again at its end; read
 * back as the API's {@link org.cajal.api.run.Provenance}.
 */
public final class RunProvenance {

    /**
     * The key of the saved model's identity, {@code {"file": "model.zip", "sha256": "<hex>"}}, written with
     * provenance.json once the run has saved its model; {@code cajal predict} checks a model file against it.
     */
    public static final String MODEL_FILE = "modelFile";

    /** One installed bundle. */
    public record BundleEntry(String symbolicName, String version, String state) {
    }

    private final Map<String, Object> values = new LinkedHashMap<>();

    public RunProvenance(String runId, String pipelineName, long seed, String datasetIdentity, List<BundleEntry> bundles,
               BackendInfo backend, Instant start) {
        values.put("run", runId);
        values.put("pipeline", pipelineName);
        values.put("seed", seed);
        values.put("dataset", datasetIdentity);
        // the data's fingerprint (DataFingerprint), filled in by the run's thread before training
        values.put("data", null);
        values.put("start", start.toString());
        values.put("end", null);
        values.put("status", RunStatus.RUNNING.id());
        values.put("backend", backend(backend));
        values.put("jvm", Map.of("version", System.getProperty("java.version"),
                "vendor", System.getProperty("java.vendor"),
                "vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
                "maxHeapBytes", Runtime.getRuntime().maxMemory()));
        values.put("os", Map.of("name", System.getProperty("os.name"), "version", System.getProperty("os.version"),
                "arch", System.getProperty("os.arch")));
        values.put("cpu", Map.of("availableProcessors", Runtime.getRuntime().availableProcessors(),
                "devices", backend == null ? List.of() : backend.devices(),
                "features", backend == null ? List.of() : backend.cpuFeatures()));
        values.put("bundles", new ArrayList<>(bundles));
    }

    private RunProvenance(Map<String, Object> recorded) {
        values.putAll(recorded);
    }

    /**
     * The provenance an interrupted run recorded, to go on with: its status running again, and the time it is
     * resumed added to {@code resumed}.
     */
    public static RunProvenance resumed(Map<String, Object> recorded, Instant now) {
        RunProvenance p = new RunProvenance(recorded);
        List<Object> times = new ArrayList<>();
        if (recorded.get("resumed") instanceof List<?> l) {
            times.addAll(l);
        }
        times.add(now.toString());
        p.values.put("resumed", times);
        p.values.put("end", null);
        p.values.put("status", RunStatus.RUNNING.id());
        return p;
    }

    /** Marks the end of the run with its status. */
    public void end(Instant end, RunStatus status) {
        values.put("end", end.toString());
        values.put("status", status.id());
    }

    /** Writes provenance.json into the run's folder, with the SHA-256 of its model.zip when there is one. */
    public void write(RunFolderWriter folder) throws IOException {
        Path model = folder.path().resolve(RunFiles.MODEL);
        if (Files.isRegularFile(model)) {
            Map<String, Object> identity = new LinkedHashMap<>();
            identity.put("file", RunFiles.MODEL);
            identity.put("sha256", sha256(model));
            values.put(MODEL_FILE, identity);
        }
        folder.writeJson(RunFiles.PROVENANCE, values);
    }

    /** The SHA-256 of a file's bytes as lower-case hex, as {@link #MODEL_FILE} records it. */
    public static String sha256(Path file) throws IOException {
        return DataFingerprint.fileSha256(file);
    }

    public void put(String key, Object value) {
        values.put(key, value);
    }

    private static Map<String, Object> backend(BackendInfo b) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (b == null) {
            return m;
        }
        m.put("class", b.backendClass());
        m.put("kind", b.kind());
        m.put("nativeVariant", b.nativeVariant());
        m.put("threads", b.threads());
        m.put("blasThreads", b.blasThreads());
        m.put("maxOffHeapBytes", b.maxOffHeapBytes());
        m.put("physicalBytes", b.physicalBytes());
        m.put("details", b.details());
        return m;
    }
}
