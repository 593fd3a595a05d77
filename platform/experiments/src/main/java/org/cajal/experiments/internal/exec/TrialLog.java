package org.cajal.experiments.internal.exec;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cajal.api.run.ExperimentFiles;
import org.cajal.api.run.RunStatus;
import org.cajal.experiments.Trial;
import org.cajal.runfolder.AtomicFiles;
import org.cajal.runfolder.Json;

/**
 * An experiment folder's {@link ExperimentFiles#TRIALS}: one JSON object per ended trial, appended and forced to
 * disk. A last line cut off by a kill during its append is removed when the log is opened (that trial then runs
 * again).
 */
public final class TrialLog {

    private final Path folder;
    private final Path file;

    private TrialLog(Path folder) {
        this.folder = folder;
        this.file = folder.resolve(ExperimentFiles.TRIALS);
    }

    /** Opens (and repairs) the log of an experiment folder. */
    public static TrialLog open(Path folder) throws IOException {
        TrialLog log = new TrialLog(folder);
        log.repair();
        return log;
    }

    private void repair() throws IOException {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            long length = raf.length();
            if (length == 0) {
                return;
            }
            raf.seek(length - 1);
            if (raf.read() == '\n') {
                return;
            }
            long keep = length - 1;
            while (keep > 0) {
                raf.seek(keep - 1);
                if (raf.read() == '\n') {
                    break;
                }
                keep--;
            }
            raf.setLength(keep);
            raf.getFD().sync();
        }
    }

    /** The trials recorded so far, in file order; lines that are not trial objects are skipped. */
    public List<Trial> read() throws IOException {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<Trial> out = new ArrayList<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = Json.PRETTY.readTree(line);
            } catch (IOException e) {
                throw new IOException(file + ", line " + lineNo + ": not valid JSON (" + e.getMessage()
                        + "); delete that line to run the trial again", e);
            }
            out.add(fromJson(node, folder));
        }
        return out;
    }

    /** Appends one ended trial (forced to disk before returning). */
    public synchronized void append(Trial trial) throws IOException {
        AtomicFiles.appendLine(file, Json.line(toJson(trial, folder)));
    }

    /** A trial as its trials.jsonl object; the run folder relative to the experiment folder. */
    public static ObjectNode toJson(Trial t, Path folder) {
        ObjectNode n = Json.PRETTY.createObjectNode();
        n.put("trial", t.number());
        n.set("params", Json.PRETTY.valueToTree(t.params()));
        n.put("seed", t.seed());
        if (t.run() != null) {
            Path run = t.run().isAbsolute() && t.run().startsWith(folder) ? folder.relativize(t.run()) : t.run();
            n.put("run", run.toString().replace('\\', '/'));
        } else {
            n.putNull("run");
        }
        n.put("status", t.status());
        if (Double.isFinite(t.objective())) {
            n.put("objective", t.objective());
        } else {
            n.putNull("objective");
        }
        n.set("metrics", Json.PRETTY.valueToTree(finite(t.metrics())));
        n.set("train", Json.PRETTY.valueToTree(finite(t.train())));
        n.set("validation", Json.PRETTY.valueToTree(finite(t.validation())));
        if (t.error() != null) {
            n.put("error", t.error());
        }
        return n;
    }

    private static Map<String, Double> finite(Map<String, Double> values) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((k, v) -> {
                if (v != null && Double.isFinite(v)) {
                    out.put(k, v);
                }
            });
        }
        return out;
    }

    /** Reads a trials.jsonl object; the run folder resolved against the experiment folder. */
    public static Trial fromJson(JsonNode n, Path folder) {
        Map<String, Object> params = n.has("params") && n.get("params").isObject()
                ? Json.PRETTY.convertValue(n.get("params"), new TypeReference<LinkedHashMap<String, Object>>() { })
                : new LinkedHashMap<>();
        String run = n.path("run").isTextual() ? n.get("run").asText() : null;
        return new Trial(n.path("trial").asInt(), Collections.unmodifiableMap(params), n.path("seed").asLong(),
                run == null ? null : folder.resolve(run).normalize(), n.path("status").asText(RunStatus.FINISHED.id()),
                n.path("objective").isNumber() ? n.get("objective").asDouble() : Double.NaN,
                doubles(n.get("metrics")), doubles(n.get("train")), doubles(n.get("validation")),
                n.path("error").isTextual() ? n.get("error").asText() : null);
    }

    private static Map<String, Double> doubles(JsonNode node) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getValue().isNumber()) {
                    out.put(e.getKey(), e.getValue().asDouble());
                }
            });
        }
        return Collections.unmodifiableMap(out);
    }
}
