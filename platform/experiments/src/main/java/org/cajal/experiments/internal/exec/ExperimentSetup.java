package org.cajal.experiments.internal.exec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cajal.api.run.ExperimentFiles;
import org.cajal.experiments.RunStore;
import org.cajal.runfolder.Json;

/**
 * Finds or creates an experiment folder: {@code <runs>/<kind>-<pipeline name>-<key>}, the key being the first 8
 * hex digits of SHA-256 over the pipeline text followed by the canonical JSON of the settings (keys sorted), so
 * the same experiment started again finds its folder and resumes.
 */
public final class ExperimentSetup {

    private ExperimentSetup() {
    }

    /**
     * @param folder the experiment folder (exists on return, with experiment.json and runs/)
     * @param resumed whether experiment.json was there already
     */
    public record Prepared(Path folder, boolean resumed) {
    }

    /** The folder's key: the first 8 hex digits of SHA-256 over the pipeline text and canonical settings JSON. */
    public static String key(String pipelineText, Map<String, Object> settings) throws IOException {
        return sha256(pipelineText + Json.line(settings)).substring(0, 8);
    }

    /** Lower-case hex SHA-256 of the UTF-8 text. */
    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The folder name's pipeline part: the name with characters other than letters, digits, '.', '_' and '-' as '-'. */
    static String safeName(String name) {
        String s = name == null || name.isBlank() ? "pipeline" : name.replaceAll("[^A-Za-z0-9._-]", "-");
        return s.length() > 60 ? s.substring(0, 60) : s;
    }

    /**
     * The runs directory an experiment goes into: the one given, else the run store's (the framework property
     * {@code cajal.runs}, else ~/.cajal/runs), so experiments and {@code cajal runs} agree on where runs live.
     *
     * @throws NullPointerException when neither is there (a service built outside OSGi without a run store)
     */
    public static Path runsDirectory(Path given, RunStore store) {
        if (given != null) {
            return given;
        }
        return java.util.Objects.requireNonNull(store, "no runs directory given and no run store to ask")
                .directory();
    }

    /**
     * Finds or creates the experiment folder.
     *
     * @param kind {@code search}, {@code repeats} or {@code sweep}
     * @param pipelineText the pipeline file's text (a JSON object)
     * @param source the pipeline's path, recorded in experiment.json
     * @param planned how many trials the experiment runs in all, recorded as {@code settings.planned} (not part
     *                of the key: it follows from the settings) so the run store can tell an interrupted experiment
     * @throws IOException when the folder cannot be written, or a folder of that name belongs to another kind
     */
    public static Prepared prepare(Path runsDirectory, String kind, String pipelineName, String pipelineText,
                                   String source, Map<String, Object> settings, int planned)
            throws IOException {
        Path folder = runsDirectory.toAbsolutePath().normalize()
                .resolve(kind + "-" + safeName(pipelineName) + "-" + key(pipelineText, settings));
        Path experiment = folder.resolve(ExperimentFiles.EXPERIMENT);
        if (Files.isRegularFile(experiment)) {
            JsonNode existing = Json.readTree(experiment);
            if (!kind.equals(existing.path("kind").asText())) {
                throw new IOException(experiment + ": this folder holds a '" + existing.path("kind").asText()
                        + "' experiment, not a '" + kind + "' one; move it away or choose another --out folder");
            }
            Files.createDirectories(folder.resolve(ExperimentFiles.RUNS));
            return new Prepared(folder, true);
        }
        Files.createDirectories(folder.resolve(ExperimentFiles.RUNS));
        ObjectNode node = Json.PRETTY.createObjectNode();
        node.put("kind", kind);
        node.set("pipeline", Json.PRETTY.readTree(pipelineText));
        node.put("source", source);
        ObjectNode recorded = Json.PRETTY.valueToTree(settings);
        recorded.put("planned", planned);
        node.set("settings", recorded);
        node.put("created", Instant.now().toString());
        Json.write(experiment, node);
        return new Prepared(folder, false);
    }
}
