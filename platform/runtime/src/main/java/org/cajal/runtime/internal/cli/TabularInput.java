package org.cajal.runtime.internal.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JacksonException;

import org.cajal.api.data.DataSchema;
import org.cajal.runfolder.CsvRows;

/**
 * New raw rows for prediction from a CSV file with a header: the training features are found by name (other
 * columns, such as the target, are ignored), numbers parsed, categorical values mapped to the training categories.
 * A cell that is empty or reads NA, NaN or ? is missing, as the CSV dataset reads it. A cell that cannot be read
 * makes only its row unusable; a file without the header or a feature column is an error naming the file.
 * Comma-separated values as RFC 4180 writes them (quoted cells may hold commas, quotes and line breaks), read with
 * Jackson's CSV module through the run-folder library.
 */
final class TabularInput {

    /** The trimmed cell texts that mean "no value", the same as the CSV dataset's. */
    static final Set<String> MISSING = Set.of("", "NA", "NaN", "?");

    /** A categorical feature's value when its cell holds a category the model does not know. */
    static final double UNSEEN = -1;

    /**
     * One data row.
     *
     * @param number  the data row's number, 1 for the first row after the header (blank lines are not counted)
     * @param line    its line in the file
     * @param cells   the cells as written (for {@code --with-inputs})
     * @param values  one raw value per training feature: the number, the category index, NaN for a missing cell,
     *                {@link #UNSEEN} for an unknown category
     * @param missing the features whose cell is missing
     * @param unseen  per feature with an unknown category, what was written and which categories are known
     * @param problem why the row cannot be read at all (a cell that is not a number), or null
     */
    record Row(int number, int line, List<String> cells, double[] values, List<String> missing,
               List<Unseen> unseen, String problem) {

        /** Where the row is, for messages: {@code row 3 (line 4)}. */
        String where() {
            return "row " + number + " (line " + line + ")";
        }
    }

    /** A category the model does not know, in the feature {@code column}. */
    record Unseen(String column, String value, List<String> known) {

        @Override
        public String toString() {
            return "column '" + column + "': '" + value + "' is not a category the model knows ("
                    + String.join(", ", known) + ")";
        }
    }

    /** The file's header and data rows. */
    record Table(Path file, List<String> header, List<Row> rows) {
    }

    private TabularInput() {
    }

    static Table read(Path file, DataSchema schema) throws IOException {
        if (schema.featureShape().size() != 1) {
            throw new IOException("predict reads tabular CSV input, but this model takes features of shape "
                    + schema.featureShape() + " (" + file + " not read)");
        }
        List<CsvRows.Row> lines;
        try {
            lines = CsvRows.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (CharacterCodingException e) {
            throw new IOException(file + " is not UTF-8 text; save it as UTF-8 CSV", e);
        } catch (JacksonException e) {
            throw new IOException(file + ", line " + e.getLocation().getLineNr() + ": not readable as CSV ("
                    + e.getOriginalMessage() + "); check its quotes: a quoted cell must end with a quote", e);
        }
        if (lines.isEmpty()) {
            throw new IOException(file + " is empty; it needs a header row naming the feature columns");
        }
        List<String> header = lines.get(0).cells().stream().map(String::trim).toList();
        int[] columns = columns(file, header, schema.featureNames());
        List<Row> rows = new ArrayList<>();
        for (CsvRows.Row line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                rows.add(row(rows.size() + 1, line.line(), line.cells().toArray(String[]::new), columns, schema));
            }
        }
        if (rows.isEmpty()) {
            throw new IOException(file + " has no data rows, only the header");
        }
        return new Table(file, header, rows);
    }

    private static int[] columns(Path file, List<String> header, List<String> features) throws IOException {
        int[] columns = new int[features.size()];
        for (int f = 0; f < features.size(); f++) {
            columns[f] = header.indexOf(features.get(f));
            if (columns[f] < 0) {
                throw new IOException(file + " has no column '" + features.get(f) + "'; the model was trained on "
                        + String.join(", ", features) + " (its columns: " + String.join(", ", header) + ")"
                        + delimiterHint(header));
            }
        }
        return columns;
    }

    /** A hint when the header reads as one column holding semicolons or tabs: predict reads commas only. */
    private static String delimiterHint(List<String> header) {
        if (header.size() != 1) {
            return "";
        }
        String only = header.get(0);
        String delimiter = only.contains(";") ? ";" : only.contains("\t") ? "tab" : null;
        return delimiter == null ? "" : "; line 1 (the header) has one column \"" + only.replace("\t", "\\t")
                + "\" — the file looks " + delimiter + "-separated, but predict reads comma-separated files: save "
                + "it with commas";
    }

    private static Row row(int number, int line, String[] cells, int[] columns, DataSchema schema) {
        double[] values = new double[columns.length];
        List<String> missing = new ArrayList<>();
        List<Unseen> unseen = new ArrayList<>();
        String problem = null;
        for (int f = 0; f < columns.length; f++) {
            String name = schema.featureNames().get(f);
            String cell = columns[f] < cells.length ? cells[columns[f]].trim() : "";
            List<String> categories = schema.featureCategories().get(name);
            if (MISSING.contains(cell)) {
                values[f] = Double.NaN;
                missing.add(name);
            } else if (categories != null) {
                values[f] = categories.indexOf(cell);
                if (values[f] < 0) {
                    values[f] = UNSEEN;
                    unseen.add(new Unseen(name, cell, categories));
                }
            } else {
                try {
                    values[f] = Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    problem = problem != null ? problem : "column '" + name + "' (column " + (columns[f] + 1)
                            + "): '" + cell + "' is not a number";
                }
            }
        }
        return new Row(number, line, List.of(cells), values, List.copyOf(missing), List.copyOf(unseen), problem);
    }
}
