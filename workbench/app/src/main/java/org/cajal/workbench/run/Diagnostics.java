package org.cajal.workbench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cajal.api.run.RunFiles;
import org.cajal.runfolder.Json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Training diagnostics in plain language (NaN or exploding loss, overfitting, dead ReLU units, update sizes) as
 * lines for the training and results views: shown live from the runtime's diagnostic events, and read back from a
 * run folder's diagnostics.json ({@link RunFiles#DIAGNOSTICS}: a JSON array of
 * {@code {epoch, kind, message, values}}). Any thread.
 */
public final class Diagnostics {

    private Diagnostics() {
    }

    /** "Epoch 12 · overfitting: validation loss rising while ..." (epoch 0 or less: no epoch). */
    public static String line(int epoch, String kind, String message) {
        String k = kind == null || kind.isBlank() ? "" : kind.replace('_', ' ').replace('-', ' ') + ": ";
        return (epoch > 0 ? "Epoch " + epoch + " · " : "") + k + (message == null ? "" : message);
    }

    /**
     * The lines of a run folder's diagnostics.json; empty when it has none.
     *
     * @throws IOException when the file exists but cannot be read or is not such an array (the message names it)
     */
    public static List<String> read(Path runFolder) throws IOException {
        Path file = runFolder.resolve(RunFiles.DIAGNOSTICS);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        JsonNode parsed = Json.readTree(file);
        if (!parsed.isArray()) {
            throw new IOException(file + ": expected a JSON array of {epoch, kind, message}");
        }
        List<String> lines = new ArrayList<>();
        for (JsonNode item : parsed) {
            if (item.isObject()) {
                lines.add(line(item.path("epoch").asInt(0), item.path("kind").asText(""),
                        item.path("message").asText("")));
            }
        }
        return lines;
    }
}
