package org.cajal.experiments.internal.repro;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import org.cajal.runfolder.Json;

/**
 * bundle.json as {@link BundleRerun} needs it, checked field by field before anything runs: each missing field or
 * value of the wrong type is refused with its JSON path ({@code $.runs[0].seed}) and what to do, so that a damaged
 * or hand-edited bundle never reruns with a made-up value (a seed that is not a number once became 0).
 *
 * @param format the bundle format (1)
 * @param kind   what was bundled: run, search, repeats or sweep
 * @param runs   the bundled runs, at least one
 */
record BundleManifest(long format, String kind, List<Run> runs) {

    /** The format this version writes and reads. */
    static final int FORMAT = 1;

    static final List<String> KINDS = List.of("run", "search", "repeats", "sweep");

    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    /**
     * One bundled run.
     *
     * @param folder its folder inside the bundle, ending with {@code /} ({@code runs/<id>/})
     * @param seed   the seed it ran with
     */
    record Run(String id, String folder, long seed, List<DataFile> dataFiles) {
    }

    /**
     * A data file of a run.
     *
     * @param param  the dataset parameter naming it
     * @param path   where it was when the bundle was made
     * @param sha256 its SHA-256
     * @param entry  its copy inside the bundle, or null when it was too large to bundle
     */
    record DataFile(String param, String path, String sha256, String entry) {
    }

    /** Reads and checks bundle.json; {@code source} is how messages name it ({@code bundle.zip!bundle.json}). */
    static BundleManifest read(Path file, String source) throws IOException {
        JsonNode root;
        try {
            root = Json.PRETTY.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new IOException(source + (at == null ? "" : ": line " + at.getLineNr() + ", column "
                    + at.getColumnNr()) + ": not valid JSON; " + remake());
        }
        Fields f = new Fields(source);
        f.object(root, "$");
        long format = f.whole(root, "$", "format");
        if (format != FORMAT) {
            throw f.problem("$.format", "format " + format + " is not one this version of Cajal reads (it reads "
                    + FORMAT + "); rerun the bundle with the Cajal version that made it");
        }
        String kind = f.text(root, "$", "kind");
        if (!KINDS.contains(kind)) {
            throw f.problem("$.kind", "'" + kind + "' is not a kind of bundle (" + String.join(", ", KINDS) + "); "
                    + remake());
        }
        JsonNode runs = f.array(root, "$", "runs");
        if (runs.isEmpty()) {
            throw f.problem("$.runs", "lists no runs; " + remake());
        }
        List<Run> list = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            list.add(run(f, runs.get(i), "$.runs[" + i + "]"));
        }
        return new BundleManifest(format, kind, List.copyOf(list));
    }

    private static Run run(Fields f, JsonNode run, String at) throws IOException {
        f.object(run, at);
        String id = f.text(run, at, "id");
        String folder = f.text(run, at, "folder");
        if (folder.startsWith("/") || folder.contains("..") || folder.contains("\\")) {
            throw f.problem(at + ".folder", "'" + folder + "' is not a folder inside the bundle (runs/<id>/); "
                    + remake());
        }
        long seed = f.whole(run, at, "seed");
        List<DataFile> files = new ArrayList<>();
        if (run.has("dataFiles") && !run.get("dataFiles").isNull()) {
            JsonNode data = f.array(run, at, "dataFiles");
            for (int i = 0; i < data.size(); i++) {
                files.add(dataFile(f, data.get(i), at + ".dataFiles[" + i + "]"));
            }
        }
        return new Run(id, folder.endsWith("/") ? folder : folder + "/", seed, List.copyOf(files));
    }

    private static DataFile dataFile(Fields f, JsonNode file, String at) throws IOException {
        f.object(file, at);
        String param = f.text(file, at, "param");
        String sha = f.text(file, at, "sha256");
        if (!SHA256.matcher(sha).matches()) {
            throw f.problem(at + ".sha256", "'" + sha + "' is not a SHA-256 (64 hexadecimal digits); " + remake());
        }
        JsonNode entry = file.get("entry");
        if (entry != null && !entry.isNull()) {
            return new DataFile(param, file.path("path").asText(null), sha, f.text(file, at, "entry"));
        }
        return new DataFile(param, f.text(file, at, "path"), sha, null);
    }

    /** What to do about a damaged bundle.json. */
    static String remake() {
        return "the bundle is damaged or was edited; make it again with cajal bundle RUN_FOLDER";
    }

    /** Typed reads of one field each; a missing field or another type is a message with the field's path. */
    private record Fields(String source) {

        IOException problem(String path, String message) {
            return new IOException(source + ": " + path + ": " + message);
        }

        void object(JsonNode node, String at) throws IOException {
            if (!node.isObject()) {
                throw problem(at, "expected a JSON object {...} but got " + describe(node) + "; " + remake());
            }
        }

        JsonNode field(JsonNode parent, String at, String key) throws IOException {
            JsonNode value = parent.get(key);
            if (value == null || value.isNull()) {
                throw problem(at + "." + key, "missing; every " + (at.equals("$") ? "bundle" : "entry here")
                        + " needs '" + key + "'; " + remake());
            }
            return value;
        }

        String text(JsonNode parent, String at, String key) throws IOException {
            JsonNode value = field(parent, at, key);
            if (!value.isTextual() || value.asText().isBlank()) {
                throw problem(at + "." + key, "expected text but got " + describe(value) + "; " + remake());
            }
            return value.asText();
        }

        long whole(JsonNode parent, String at, String key) throws IOException {
            JsonNode value = field(parent, at, key);
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                String fix = key.equals("seed") ? "write the seed the run used (the \"seed\" of its provenance.json "
                        + "in the bundle), or make the bundle again with cajal bundle RUN_FOLDER" : remake();
                throw problem(at + "." + key, "expected a whole number"
                        + (value.isIntegralNumber() ? " from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE : "")
                        + " but got " + describe(value) + "; " + fix);
            }
            return value.asLong();
        }

        JsonNode array(JsonNode parent, String at, String key) throws IOException {
            JsonNode value = field(parent, at, key);
            if (!value.isArray()) {
                throw problem(at + "." + key, "expected a list [...] but got " + describe(value) + "; " + remake());
            }
            return value;
        }

        private static String describe(JsonNode node) {
            if (node.isTextual()) {
                String text = node.asText();
                return "text \"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"";
            }
            if (node.isNumber()) {
                return "the number " + node.asText();
            }
            if (node.isBoolean()) {
                return node.asText();
            }
            return node.isArray() ? "a list" : node.isObject() ? "an object" : "null";
        }
    }
}
