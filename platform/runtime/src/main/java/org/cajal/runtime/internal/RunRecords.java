package org.cajal.runtime.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.cajal.api.data.DataSchema;
import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.Problem;
import org.cajal.api.visual.RunData;
import org.cajal.api.visual.RunRecord;

/**
 * Reads a run folder into a {@link RunRecord}: metrics.csv (its columns and rows; an empty cell is NaN),
 * evaluation.json (as a map, nested lists and maps kept), and — when the folder has model.zip, schema.json and
 * predictions.csv — a {@link FolderRunData} that loads the model only when a visualiser asks for it. A missing
 * metrics.csv or evaluation.json (a run cancelled before its first epoch, a failed run) gives an empty table or map.
 */
final class RunRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<Catalog> catalog;

    /** @param catalog the components installed now (to reopen a run's dataset for {@link RunData#inputs}) */
    RunRecords(Supplier<Catalog> catalog) {
        this.catalog = catalog;
    }

    RunRecord read(Path runFolder) throws PipelineException {
        Path folder = runFolder.toAbsolutePath().normalize();
        String source = runFolder.toString();
        if (!Files.isDirectory(folder)) {
            throw new PipelineException(source, new Problem("folder", Files.exists(folder)
                    ? "is a file, not a run folder; give the folder that cajal run wrote"
                    : "not found (looked for " + folder + ")"));
        }
        Path provenance = folder.resolve(RunFolder.PROVENANCE);
        if (!Files.isRegularFile(provenance) && !Files.isRegularFile(folder.resolve(RunFolder.PIPELINE))) {
            throw new PipelineException(source, new Problem("folder", "is not a run folder: it has no "
                    + RunFolder.PROVENANCE + " or " + RunFolder.PIPELINE + "; give a folder that cajal run wrote, "
                    + "e.g. ~/.cajal/runs/20250101-120000-xor"));
        }
        Map<String, Object> provenanceMap = Files.isRegularFile(provenance) ? jsonMap(provenance) : Map.of();
        String runId = provenanceMap.get("run") instanceof String s ? s : folder.getFileName().toString();
        Metrics metrics = metrics(folder.resolve(RunFolder.METRICS));
        Path evaluationFile = folder.resolve(RunFolder.EVALUATION);
        Map<String, Object> evaluation = Files.isRegularFile(evaluationFile) ? jsonMap(evaluationFile) : Map.of();
        return new RunRecord(runId, folder, metrics.columns(), metrics.rows(), withoutNulls(evaluation),
                runData(folder, provenanceMap, evaluation));
    }

    private RunData runData(Path folder, Map<String, Object> provenance, Map<String, Object> evaluation)
            throws PipelineException {
        Path predictions = folder.resolve(RunFolder.PREDICTIONS);
        Path schemaFile = folder.resolve(RunFolder.SCHEMA);
        if (!Files.isRegularFile(folder.resolve(RunFolder.MODEL)) || !Files.isRegularFile(predictions)
                || !Files.isRegularFile(schemaFile)) {
            return null;
        }
        DataSchema schema;
        try {
            schema = SchemaFile.fromJson(JSON.readTree(schemaFile.toFile()));
        } catch (IOException | RuntimeException e) {
            throw new PipelineException(schemaFile.toString(), new Problem("$", "cannot be read: "
                    + DataCache.describe(e)));
        }
        // predictions.csv is read when a visualiser asks for it: listing many runs reads none
        return new FolderRunData(folder, schema, classes(evaluation, schema), predictions, provenance, catalog);
    }

    @SuppressWarnings("unchecked")
    private static List<String> classes(Map<String, Object> evaluation, DataSchema schema) {
        if (evaluation.get("classes") instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return (List<String>) list;
        }
        return schema.classLabels();
    }

    /** Map.copyOf (in RunRecord) refuses null values, which JSON may hold ("end": null). */
    private static Map<String, Object> withoutNulls(Map<String, Object> map) {
        Map<String, Object> out = new java.util.LinkedHashMap<>(map);
        out.values().removeIf(java.util.Objects::isNull);
        return out;
    }

    private static Map<String, Object> jsonMap(Path file) throws PipelineException {
        try {
            JsonNode node = JSON.readTree(file.toFile());
            if (node == null || !node.isObject()) {
                throw new PipelineException(file.toString(), new Problem("$", "expected one JSON object { ... }"));
            }
            return JSON.convertValue(node, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "$"
                    : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new PipelineException(file.toString(), new Problem(where, "invalid JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new PipelineException(file.toString(), new Problem("file", "cannot be read: " + e.getMessage()));
        }
    }

    private record Metrics(List<String> columns, List<double[]> rows) {
    }

    private static Metrics metrics(Path file) throws PipelineException {
        if (!Files.isRegularFile(file)) {
            return new Metrics(List.of(), List.of());
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PipelineException(file.toString(), new Problem("file", "cannot be read: " + e.getMessage()));
        }
        if (lines.isEmpty()) {
            return new Metrics(List.of(), List.of());
        }
        List<String> columns = Arrays.stream(lines.get(0).split(",", -1)).map(String::trim).toList();
        List<double[]> rows = new ArrayList<>();
        for (int line = 2; line <= lines.size(); line++) {
            String text = lines.get(line - 1);
            if (text.isBlank()) {
                continue;
            }
            String[] cells = text.split(",", -1);
            if (cells.length != columns.size()) {
                throw new PipelineException(file.toString(), new Problem("line " + line, "has " + cells.length
                        + " values but the header names " + columns.size() + " columns"));
            }
            double[] row = new double[cells.length];
            for (int c = 0; c < cells.length; c++) {
                String cell = cells[c].trim();
                try {
                    row[c] = cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    throw new PipelineException(file.toString(), new Problem("line " + line + ", column '"
                            + columns.get(c) + "'", "'" + cell + "' is not a number"));
                }
            }
            rows.add(row);
        }
        return new Metrics(columns, rows);
    }
}
