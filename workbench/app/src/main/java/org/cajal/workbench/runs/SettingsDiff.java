package org.cajal.workbench.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import org.cajal.api.run.RunFiles;
import org.cajal.runfolder.Json;

/**
 * The settings that differ between runs, for Compare: each run folder's pipeline.json flattened to JSON paths
 * ({@code training.optimizer.params.learningRate}) and the paths whose values are not the same in all of them, with
 * each run's value ({@code —} where a run does not set it). The pipeline's name and description are left out.
 * Background thread (it reads files).
 */
final class SettingsDiff {

    private SettingsDiff() {
    }

    /** One line per differing setting: {@code path: value1 | value2 | ...}; empty when all agree. */
    static List<String> lines(List<Path> runFolders) throws IOException {
        List<Map<String, String>> flat = new ArrayList<>();
        Set<String> paths = new LinkedHashSet<>();
        for (Path folder : runFolders) {
            Path file = folder.resolve(RunFiles.PIPELINE);
            Map<String, String> values = new TreeMap<>();
            if (Files.isRegularFile(file)) {
                flatten("", Json.readTree(file), values);
            }
            values.keySet().removeIf(k -> k.equals("name") || k.equals("description"));
            flat.add(values);
            paths.addAll(values.keySet());
        }
        List<String> out = new ArrayList<>();
        for (String path : new java.util.TreeSet<>(paths)) {
            List<String> each = flat.stream().map(m -> m.getOrDefault(path, "—")).toList();
            if (each.stream().distinct().count() > 1) {
                out.add(path + ": " + String.join(" | ", each));
            }
        }
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(),
                    e.getValue(), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), out);
            }
            if (node.isEmpty()) {
                out.put(prefix, "[]");
            }
        } else {
            out.put(prefix, Objects.toString(node.isTextual() ? node.asText() : node.toString()));
        }
    }
}
