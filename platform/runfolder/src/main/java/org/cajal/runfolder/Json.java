package org.cajal.runfolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The JSON of run and experiment folders: one pretty-printing mapper (every JSON file is written with it), one
 * canonical mapper (keys sorted, compact: one-line records and hashes), and readers whose errors name the file.
 */
public final class Json {

    /** Pretty-printed, keys in insertion order: how every JSON file of a folder is written. */
    public static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Compact with map keys sorted: canonical JSON for hashing and JSON lines. */
    public static final ObjectMapper CANONICAL = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };

    private Json() {
    }

    /** Reads a JSON file as a tree; the message of a failure names the file (and the line for bad JSON). */
    public static JsonNode readTree(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": file not found");
        }
        try {
            return PRETTY.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": not valid JSON (" + describe(e) + ")", e);
        }
    }

    /** Reads a JSON object into an ordered map (nested objects are maps, arrays lists); errors name the file. */
    public static Map<String, Object> readObject(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": file not found");
        }
        try {
            Map<String, Object> map = PRETTY.readValue(file.toFile(), OBJECT);
            if (map == null) {
                throw new IOException(file + ": empty, expected a JSON object");
            }
            return map;
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": not a JSON object (" + describe(e) + ")", e);
        }
    }

    /** Parses one JSON object from text (a JSON line); null for text that is not one. */
    public static Map<String, Object> parseObject(String text) {
        try {
            return CANONICAL.readValue(text, OBJECT);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /**
     * Reads a JSON-lines file: one object per line. A last line without its newline (cut off by a kill during an
     * append) and blank lines are skipped; another line that is not a JSON object fails, naming the file and line.
     */
    public static List<Map<String, Object>> readLines(Path file) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        String text = Files.readString(file);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            boolean last = i == lines.length - 1;
            if (line.isEmpty()) {
                continue;
            }
            Map<String, Object> value = parseObject(line);
            if (value == null) {
                if (last) {
                    break;
                }
                throw new IOException(file + ": line " + (i + 1) + " is not a JSON object");
            }
            out.add(value);
        }
        return out;
    }

    /** Writes a value pretty-printed (with a final newline), atomically. */
    public static void write(Path file, Object value) throws IOException {
        AtomicFiles.write(file, PRETTY.writeValueAsString(value) + "\n");
    }

    /** A value as one canonical line (keys sorted). */
    public static String line(Object value) {
        try {
            return CANONICAL.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not writable as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String describe(JsonProcessingException e) {
        var where = e.getLocation();
        // a value of another kind than the one expected: Jackson's message names Java types, so say it plainly
        String what = e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException
                ? "it holds another kind of value where a JSON object { ... } belongs" : e.getOriginalMessage();
        return what + (where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr());
    }
}
