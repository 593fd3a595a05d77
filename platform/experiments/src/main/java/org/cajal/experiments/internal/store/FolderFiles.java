package org.cajal.experiments.internal.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.cajal.experiments.ExperimentFolder;
import org.cajal.experiments.internal.exec.JsonFiles;

/**
 * The files of run and experiment folders as the run store, the bundles and the reports read them: JSON objects
 * (errors name the file), JSON lines, atomic writes (a temporary file moved into place), and which kind of folder a
 * folder is.
 */
public final class FolderFiles {

    public static final String PIPELINE = "pipeline.json";
    public static final String PROVENANCE = "provenance.json";
    public static final String METRICS = "metrics.csv";
    public static final String EVALUATION = "evaluation.json";
    public static final String MODEL = "model.zip";

    /** Pretty-printing Jackson, as every JSON file of a run folder is written. */
    public static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };

    private FolderFiles() {
    }

    /** A run folder: a directory (not a link) with provenance.json. */
    public static boolean isRun(Path folder) {
        return Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)
                && Files.isRegularFile(folder.resolve(PROVENANCE), LinkOption.NOFOLLOW_LINKS);
    }

    /** An experiment folder: a directory (not a link) with experiment.json. */
    public static boolean isExperiment(Path folder) {
        return Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)
                && Files.isRegularFile(folder.resolve(ExperimentFolder.EXPERIMENT), LinkOption.NOFOLLOW_LINKS);
    }

    /** Reads a JSON object; the message of a failure names the file. */
    public static Map<String, Object> readObject(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": file not found");
        }
        try {
            Map<String, Object> map = JSON.readValue(file.toFile(), OBJECT);
            if (map == null) {
                throw new IOException(file + ": empty file, expected a JSON object");
            }
            return map;
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": not a valid JSON object (" + e.getOriginalMessage() + ")", e);
        }
    }

    /** Reads a JSON object, or an empty map when the file does not exist. */
    public static Map<String, Object> readObjectIfPresent(Path file) throws IOException {
        return Files.isRegularFile(file) ? readObject(file) : new LinkedHashMap<>();
    }

    /** Parses JSON text into an object; the message of a failure names {@code source}. */
    public static Map<String, Object> parseObject(String json, String source) throws IOException {
        try {
            Map<String, Object> map = JSON.readValue(json, OBJECT);
            if (map == null) {
                throw new IOException(source + ": expected a JSON object");
            }
            return map;
        } catch (JsonProcessingException e) {
            throw new IOException(source + ": not a valid JSON object (" + e.getOriginalMessage() + ")", e);
        }
    }

    /**
     * The objects of a JSON-lines file, in order; a last line that is not complete JSON (the writer was killed
     * while appending) is skipped, a broken line before it is an error naming the line.
     */
    public static List<Map<String, Object>> readLines(Path file) throws IOException {
        List<Map<String, Object>> objects = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return objects;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                objects.add(JSON.readValue(line, OBJECT));
            } catch (JsonProcessingException e) {
                if (i < lines.size() - 1) {
                    throw new IOException(file + ", line " + (i + 1) + ": not a JSON object ("
                            + e.getOriginalMessage() + ")", e);
                }
            }
        }
        return objects;
    }

    /** Writes bytes atomically (the experiments' one way: temporary file in the same folder, forced, moved). */
    public static void writeAtomically(Path file, byte[] bytes) throws IOException {
        JsonFiles.writeAtomically(file, bytes);
    }

    /** Writes text (UTF-8) atomically. */
    public static void writeText(Path file, String text) throws IOException {
        writeAtomically(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a value as pretty-printed JSON, atomically. */
    public static void writeJson(Path file, Object value) throws IOException {
        writeAtomically(file, JSON.writeValueAsBytes(value));
    }

    /** The top-level numbers of a JSON object (evaluation.json's metrics), in file order. */
    public static Map<String, Double> numbers(Map<String, Object> object) {
        Map<String, Double> numbers = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : object.entrySet()) {
            if (e.getValue() instanceof Number n && !"examples".equals(e.getKey()) && !"bestFold".equals(e.getKey())) {
                numbers.put(e.getKey(), n.doubleValue());
            }
        }
        return numbers;
    }

    /** A nested JSON object, or an empty map when absent or of another type. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Map<String, Object> parent, String key) {
        Object value = parent == null ? null : parent.get(key);
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
    }

    /** A nested JSON array, or an empty list when absent or of another type. */
    @SuppressWarnings("unchecked")
    public static List<Object> array(Map<String, Object> parent, String key) {
        Object value = parent == null ? null : parent.get(key);
        return value instanceof List<?> l ? (List<Object>) l : new ArrayList<>();
    }

    /** A string value, or null. */
    public static String string(Map<String, Object> parent, String key) {
        Object value = parent == null ? null : parent.get(key);
        return value == null ? null : value.toString();
    }

    /** A number as a double, or NaN when absent or not a number. */
    public static double number(Map<String, Object> parent, String key) {
        Object value = parent == null ? null : parent.get(key);
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** A short human-readable number: up to 6 significant digits, no exponent for ordinary magnitudes. */
    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        double abs = Math.abs(value);
        if (abs >= 1e-4 && abs < 1e7) {
            String s = new java.math.BigDecimal(value).round(new java.math.MathContext(6)).stripTrailingZeros()
                    .toPlainString();
            return s;
        }
        return String.format(java.util.Locale.ROOT, "%.5g", value);
    }
}
