package org.cajal.experiments.internal.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cajal.api.run.RunFiles;
import org.cajal.runfolder.AtomicFiles;
import org.cajal.runfolder.Json;

/**
 * A trial's data files on their way to an executor and back: which dataset parameters name a file here (shipped by
 * the engine), and, for a run that read shipped copies, its run folder put back in this computer's terms:
 * pipeline.json is the trial's pipeline as planned (the executor's copy had the copies' paths), and
 * provenance.json's {@code data.files} names this computer's files, whose SHA-256 {@link DataFingerprints} then
 * checks against what the executor read.
 */
final class ShippedData {

    private ShippedData() {
    }

    /** The dataset parameters whose value names an existing file (resolved against the pipeline's folder). */
    static Map<String, String> files(TrialSpec spec) {
        Map<String, String> files = new LinkedHashMap<>();
        Path base = spec.document().baseDirectory();
        spec.document().pipeline().dataset().params().forEach((key, value) -> {
            if (value instanceof String text && !text.isBlank()) {
                try {
                    Path file = base.resolve(text).toAbsolutePath().normalize();
                    if (Files.isRegularFile(file)) {
                        files.put(key, file.toString());
                    }
                } catch (InvalidPathException e) {
                    // not a path: an ordinary parameter
                }
            }
        });
        return files;
    }

    /**
     * Rewrites a returned run folder that read shipped copies.
     *
     * @param readFrom dataset parameter → the copy's path on the executor
     * @param files dataset parameter → the file's path here
     */
    static void restore(Path run, TrialSpec spec, Map<String, String> readFrom, Map<String, String> files)
            throws IOException {
        if (readFrom.isEmpty()) {
            return;
        }
        AtomicFiles.write(run.resolve(RunFiles.PIPELINE), spec.pipelineText());
        Path provenance = run.resolve(RunFiles.PROVENANCE);
        if (!Files.isRegularFile(provenance) || !(Json.readTree(provenance) instanceof ObjectNode tree)) {
            return;
        }
        Map<String, String> here = new LinkedHashMap<>();
        readFrom.forEach((param, copy) -> {
            if (files.containsKey(param)) {
                here.put(normal(copy), files.get(param));
            }
        });
        for (JsonNode file : tree.path("data").path("files")) {
            String path = file.path("path").asText(null);
            if (file instanceof ObjectNode o && path != null && here.containsKey(normal(path))) {
                o.put("path", here.get(normal(path)));
            }
        }
        Json.write(provenance, tree);
    }

    private static String normal(String path) {
        try {
            return Path.of(path).toAbsolutePath().normalize().toString();
        } catch (InvalidPathException e) {
            return path;
        }
    }
}
