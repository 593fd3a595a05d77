package org.cajal.runfolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * A CSV file of a run or experiment folder (metrics.csv, results.csv, curves.csv, sweep.csv, predictions.csv):
 * a header row, then rows of cells; {@code .} as the decimal point; a cell with a comma, quote or line break
 * quoted as RFC 4180 says. Read and written with Jackson's CSV module.
 *
 * @param header the column names
 * @param rows the cells, row by row (a short row is padded with empty cells when read)
 */
public record CsvTable(List<String> header, List<List<String>> rows) {

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

    public CsvTable {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
    }

    /** Reads a CSV file; the message of a failure names the file. */
    public static CsvTable read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": file not found");
        }
        try {
            return parse(Files.readString(file));
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + ": not a readable CSV table (" + e.getMessage() + ")", e);
        }
    }

    /** Parses CSV text whose first row is the header; an empty text is a table with no columns. */
    public static CsvTable parse(String text) throws IOException {
        List<List<String>> all = new ArrayList<>();
        try (MappingIterator<String[]> it = CSV.readerFor(String[].class).with(CsvSchema.emptySchema())
                .readValues(text)) {
            while (it.hasNext()) {
                all.add(List.of(it.next()));
            }
        }
        if (all.isEmpty()) {
            return new CsvTable(List.of(), List.of());
        }
        List<String> header = all.get(0).stream().map(String::strip).toList();
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : all.subList(1, all.size())) {
            List<String> padded = new ArrayList<>(row);
            while (padded.size() < header.size()) {
                padded.add("");
            }
            rows.add(padded);
        }
        return new CsvTable(header, rows);
    }

    /** The table as CSV text (header, then rows; quoting only where a cell needs it; a final newline). */
    public String format() {
        List<List<String>> all = new ArrayList<>(rows.size() + 1);
        all.add(header);
        all.addAll(rows);
        try {
            return CSV.writer(CsvSchema.emptySchema().withoutQuoteChar().withQuoteChar('"'))
                    .with(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).writeValueAsString(all);
        } catch (IOException e) {
            throw new UncheckedIOException("CSV of strings cannot fail to format", e);
        }
    }

    /** Writes the table atomically. */
    public void write(Path file) throws IOException {
        AtomicFiles.write(file, format());
    }

    /** The index of a column, or empty. */
    public Optional<Integer> column(String name) {
        int i = header.indexOf(name);
        return i < 0 ? Optional.empty() : Optional.of(i);
    }

    /** Whether the table has this column. */
    public boolean has(String name) {
        return header.contains(name);
    }

    /**
     * A column's cells as numbers (NaN for an empty or non-numeric cell).
     *
     * @throws IllegalArgumentException when there is no such column (the message lists the columns)
     */
    public double[] numbers(String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no column '" + name + "' (columns: " + String.join(", ", header) + ")");
        }
        return rows.stream().mapToDouble(r -> number(i < r.size() ? r.get(i) : "")).toArray();
    }

    /** A cell's text by row and column name; "" when there is no such column or the row is short. */
    public String cell(int row, String name) {
        int i = header.indexOf(name);
        List<String> r = rows.get(row);
        return i < 0 || i >= r.size() ? "" : r.get(i);
    }

    /** A cell as a number: NaN when empty or not a number. */
    public static double number(String cell) {
        if (cell == null || cell.isBlank()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(cell.strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** A number as a cell: the shortest form that reads back to the same double; empty for NaN or infinity. */
    public static String cell(double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** A number with nine significant digits (metrics.csv: equal runs give equal files); empty for NaN. */
    public static String cell9(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.9g", v).trim();
    }

    /** Any value as a cell: numbers by {@link #cell(double)}, null empty, the rest as text. */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double || value instanceof Float) {
            return cell(((Number) value).doubleValue());
        }
        return String.valueOf(value);
    }
}
