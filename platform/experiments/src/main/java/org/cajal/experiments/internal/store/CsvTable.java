package org.cajal.experiments.internal.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A CSV file of a run or experiment folder (metrics.csv, curves.csv, results.csv, sweep.csv) read by the
 * run-folder library ({@link org.cajal.runfolder.CsvTable}), with its columns looked up by name.
 *
 * @param file where it was read from, for messages
 */
public record CsvTable(Path file, List<String> header, List<List<String>> rows) {

    /** Reads a CSV file; the message of a failure names the file. */
    public static CsvTable read(Path file) throws IOException {
        org.cajal.runfolder.CsvTable table = org.cajal.runfolder.CsvTable.read(file);
        if (table.header().isEmpty()) {
            throw new IOException(file + ": empty, expected a header row");
        }
        return new CsvTable(file, table.header(), table.rows());
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
            values[r] = org.cajal.runfolder.CsvTable.number(i < rows.get(r).size() ? rows.get(r).get(i) : "");
        }
        return values;
    }

    /** A cell's text, or "" when the row is short. */
    public String cell(int row, String column) {
        int i = index(column);
        List<String> r = rows.get(row);
        return i < 0 || i >= r.size() ? "" : r.get(i);
    }
}
