package org.cajal.experiments.internal.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file as the runs write it (metrics.csv, curves.csv, results.csv, sweep.csv): a header row, then rows;
 * fields may be quoted as in RFC 4180.
 *
 * @param file where it was read from, for messages
 */
public record CsvTable(Path file, List<String> header, List<List<String>> rows) {

    /** Reads a CSV file; the message of a failure names the file. */
    public static CsvTable read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": file not found");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines) {
            if (!line.isBlank()) {
                rows.add(split(line));
            }
        }
        if (rows.isEmpty()) {
            throw new IOException(file + ": empty, expected a header row");
        }
        return new CsvTable(file, rows.get(0), rows.subList(1, rows.size()));
    }

    /** The index of a column, or -1. */
    public int index(String column) {
        return header.indexOf(column);
    }

    public boolean has(String column) {
        return index(column) >= 0;
    }

    /** A column's values as numbers (NaN for an empty or non-numeric cell). */
    public double[] column(String column) {
        int i = index(column);
        if (i < 0) {
            throw new IllegalArgumentException(file + " has no column '" + column + "' (columns: "
                    + String.join(", ", header) + ")");
        }
        double[] values = new double[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            values[r] = parse(i < rows.get(r).size() ? rows.get(r).get(i) : "");
        }
        return values;
    }

    /** A cell's text, or "" when the row is short. */
    public String cell(int row, String column) {
        int i = index(column);
        List<String> r = rows.get(row);
        return i < 0 || i >= r.size() ? "" : r.get(i);
    }

    static double parse(String text) {
        if (text == null || text.isBlank()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Splits one line; quoted fields may hold commas and doubled quotes. */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    /** A field quoted when it needs to be (a comma, quote or line break in it). */
    public static String quote(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n")) {
            return '"' + field.replace("\"", "\"\"") + '"';
        }
        return field;
    }
}
