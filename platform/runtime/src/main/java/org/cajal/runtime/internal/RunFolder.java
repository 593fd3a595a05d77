package org.cajal.runtime.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * One run's folder. Every file is written to a temporary file in the same folder and then renamed over its final
 * name, so a reader (the workbench, a crash, a second process) sees either the old or the new complete file, never
 * half of one.
 */
final class RunFolder {

    static final String PIPELINE = "pipeline.json";
    static final String PROVENANCE = "provenance.json";
    static final String METRICS = "metrics.csv";
    static final String EVALUATION = "evaluation.json";
    static final String MODEL = "model.zip";
    static final String WEIGHTS = "weights.json";
    static final String SCHEMA = "schema.json";
    /** The evaluated split's predictions ({@link PredictionsFile}). */
    static final String PREDICTIONS = "predictions.csv";
    /** Which examples were evaluated: {@code {"split": "test", "examples": n, "indices": [...]}}. */
    static final String SPLIT = "split.json";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path folder;

    private RunFolder(Path folder) {
        this.folder = folder;
    }

    /** Creates a new, uniquely named folder {@code <timestamp>-<name>[-k]} under {@code runs}. */
    static RunFolder create(Path runs, String pipelineName, LocalDateTime now) throws IOException {
        Files.createDirectories(runs);
        String base = STAMP.format(now) + "-" + slug(pipelineName);
        for (int k = 1; ; k++) {
            Path candidate = runs.resolve(k == 1 ? base : base + "-" + k);
            try {
                return new RunFolder(Files.createDirectory(candidate));
            } catch (FileAlreadyExistsException e) {
                // another run started in the same second: try the next suffix
            }
        }
    }

    /** A sub-folder (one per cross-validation fold), written with the same atomic discipline. */
    RunFolder child(String name) throws IOException {
        return new RunFolder(Files.createDirectories(folder.resolve(name)));
    }

    Path path() {
        return folder;
    }

    String id() {
        return folder.getFileName().toString();
    }

    void writeText(String name, String text) throws IOException {
        Path tmp = temp(name);
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        commit(tmp, name);
    }

    void writeJson(String name, Object value) throws IOException {
        writeText(name, JSON.writeValueAsString(value) + "\n");
    }

    /** Writes a file through a callback that fills the temporary path (e.g. DL4J's ModelSerializer). */
    void writeWith(String name, FileWriter writer) throws IOException {
        Path tmp = temp(name);
        writer.write(tmp);
        commit(tmp, name);
    }

    /** Fills a file at the given path. */
    @FunctionalInterface
    interface FileWriter {
        void write(Path target) throws IOException;
    }

    private Path temp(String name) throws IOException {
        return Files.createTempFile(folder, "." + name + ".", ".tmp");
    }

    private void commit(Path tmp, String name) throws IOException {
        Path target = folder.resolve(name);
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        s = s.isEmpty() ? "run" : s;
        return s.length() > 40 ? s.substring(0, 40) : s;
    }
}
