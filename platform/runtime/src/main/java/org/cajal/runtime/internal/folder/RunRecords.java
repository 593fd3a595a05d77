package org.cajal.runtime.internal.folder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.cajal.api.data.DataSchema;
import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.Problem;
import org.cajal.api.run.MetricsTable;
import org.cajal.api.run.RunFiles;
import org.cajal.api.visual.RunData;
import org.cajal.api.visual.RunRecord;
import org.cajal.runfolder.CsvTable;
import org.cajal.runfolder.RunFolders;
import org.cajal.runtime.internal.pipeline.Catalog;
import org.cajal.runtime.internal.pipeline.DataCache;

/**
 * Reads a run folder into a {@link RunRecord}: metrics.csv (its columns and rows; an empty cell is NaN),
 * evaluation.json (as a map, nested lists and maps kept), and — when the folder has model.zip, schema.json and
 * predictions.csv — a {@link FolderRunData} that loads the model only when a visualiser asks for it. A missing
 * metrics.csv or evaluation.json (a run cancelled before its first epoch, a failed run) gives an empty table or map.
 */
public final class RunRecords {

    private final Supplier<Catalog> catalog;

    /** @param catalog the components installed now (to reopen a run's dataset for {@link RunData#inputs}) */
    public RunRecords(Supplier<Catalog> catalog) {
        this.catalog = catalog;
    }

    public RunRecord read(Path runFolder) throws PipelineException {
        Path folder = runFolder.toAbsolutePath().normalize();
        String source = runFolder.toString();
        if (!Files.isDirectory(folder)) {
            throw new PipelineException(source, new Problem("folder", Files.exists(folder)
                    ? "is a file, not a run folder; give the folder that cajal run wrote"
                    : "not found (looked for " + folder + ")"));
        }
        Path provenance = folder.resolve(RunFiles.PROVENANCE);
        if (!Files.isRegularFile(provenance) && !Files.isRegularFile(folder.resolve(RunFiles.PIPELINE))) {
            throw new PipelineException(source, new Problem("folder", "is not a run folder: it has no "
                    + RunFiles.PROVENANCE + " or " + RunFiles.PIPELINE + "; give a folder that cajal run wrote, "
                    + "e.g. ~/.cajal/runs/20250101-120000-xor"));
        }
        Map<String, Object> provenanceMap = Files.isRegularFile(provenance)
                ? read(provenance, () -> RunFolders.provenance(folder).values()) : Map.of();
        String runId = provenanceMap.get("run") instanceof String s ? s : folder.getFileName().toString();
        MetricsTable metrics = metrics(folder.resolve(RunFiles.METRICS));
        Map<String, Object> evaluation = read(folder.resolve(RunFiles.EVALUATION),
                () -> RunFolders.evaluation(folder).values());
        return new RunRecord(runId, folder, metrics.columns(), metrics.rows(), withoutNulls(evaluation),
                runData(folder, provenanceMap, evaluation));
    }

    private RunData runData(Path folder, Map<String, Object> provenance, Map<String, Object> evaluation)
            throws PipelineException {
        Path predictions = folder.resolve(RunFiles.PREDICTIONS);
        Path schemaFile = folder.resolve(RunFiles.SCHEMA);
        if (!Files.isRegularFile(folder.resolve(RunFiles.MODEL)) || !Files.isRegularFile(predictions)
                || !Files.isRegularFile(schemaFile)) {
            return null;
        }
        DataSchema schema;
        try {
            schema = SchemaFile.read(schemaFile);
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

    /** Reads one file of the folder; a failure is a problem of that file. */
    private static <T> T read(Path file, Reading<T> reading) throws PipelineException {
        try {
            return reading.read();
        } catch (IOException e) {
            throw new PipelineException(file.toString(), new Problem("file", "cannot be read: " + e.getMessage()));
        }
    }

    @FunctionalInterface
    private interface Reading<T> {
        T read() throws IOException;
    }

    /**
     * metrics.csv as the library reads it, but strict: a cell that is not a number, or a row longer than the header,
     * fails naming the line. A missing or empty file is a table without columns.
     */
    private static MetricsTable metrics(Path file) throws PipelineException {
        if (!Files.isRegularFile(file)) {
            return new MetricsTable(List.of(), List.of());
        }
        CsvTable csv = read(file, () -> CsvTable.read(file));
        if (csv.header().isEmpty()) {
            return new MetricsTable(List.of(), List.of());
        }
        for (int r = 0; r < csv.rows().size(); r++) {
            List<String> cells = csv.rows().get(r);
            int line = r + 2;
            if (cells.size() != csv.header().size()) {
                throw new PipelineException(file.toString(), new Problem("line " + line, "has " + cells.size()
                        + " values but the header names " + csv.header().size() + " columns"));
            }
            for (int c = 0; c < cells.size(); c++) {
                String cell = cells.get(c).strip();
                if (!cell.isEmpty() && Double.isNaN(CsvTable.number(cell)) && !cell.equals("NaN")) {
                    throw new PipelineException(file.toString(), new Problem("line " + line + ", column '"
                            + csv.header().get(c) + "'", "'" + cell + "' is not a number"));
                }
            }
        }
        return RunFolders.metricsTable(csv);
    }
}
