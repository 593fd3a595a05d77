package org.cajal.experiments.internal.exec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's {@code metrics.csv}: a header ({@code epoch,train_loss,validation_loss,...}) and one row per epoch.
 * Empty or unreadable cells are NaN.
 *
 * @param columns column name (without {@code epoch}) → value per row, in file order
 */
public record MetricsTable(Map<String, double[]> columns, int rows) {

    /** Reads a metrics.csv; a missing file is an empty table. */
    public static MetricsTable read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return new MetricsTable(Map.of(), 0);
        }
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                lines.add(line);
            }
        }
        if (lines.isEmpty()) {
            return new MetricsTable(Map.of(), 0);
        }
        String[] header = lines.get(0).split(",", -1);
        int rows = lines.size() - 1;
        Map<String, double[]> columns = new LinkedHashMap<>();
        for (int c = 0; c < header.length; c++) {
            if (!header[c].trim().equals("epoch")) {
                columns.put(header[c].trim(), new double[rows]);
            }
        }
        for (int r = 0; r < rows; r++) {
            String[] cells = lines.get(r + 1).split(",", -1);
            for (int c = 0; c < header.length; c++) {
                double[] col = columns.get(header[c].trim());
                if (col != null) {
                    col[r] = c < cells.length ? parse(cells[c]) : Double.NaN;
                }
            }
        }
        return new MetricsTable(Collections.unmodifiableMap(columns), rows);
    }

    private static double parse(String cell) {
        try {
            return cell.isBlank() ? Double.NaN : Double.parseDouble(cell.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The last row's value of a column, NaN when the column is absent or the table empty. */
    public double last(String column) {
        double[] values = columns.get(column);
        return values == null || values.length == 0 ? Double.NaN : values[values.length - 1];
    }

    /** The last row's columns starting with the prefix, the prefix removed (finite values only). */
    public Map<String, Double> lastWithPrefix(String prefix) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : columns.entrySet()) {
            if (e.getKey().startsWith(prefix) && rows > 0) {
                double v = e.getValue()[rows - 1];
                if (Double.isFinite(v)) {
                    out.put(e.getKey().substring(prefix.length()), v);
                }
            }
        }
        return out;
    }
}
