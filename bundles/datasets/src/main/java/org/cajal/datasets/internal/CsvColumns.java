package org.cajal.datasets.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.cajal.api.data.DatasetException;

/** The header of a CSV file and which of its columns are the features and the target, as the user named them. */
final class CsvColumns {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final List<String> header;
    private final int target;
    private final int[] features;

    private CsvColumns(List<String> header, int target, int[] features) {
        this.header = header;
        this.target = target;
        this.features = features;
    }

    /**
     * Reads the header and resolves the column names.
     *
     * @param featureList comma-separated feature names; empty means every column but the target
     * @throws DatasetException naming the missing or duplicated column and listing the available ones
     */
    static CsvColumns select(CsvRecord header, String target, Optional<String> featureList, String file,
                             char delimiter) throws DatasetException {
        List<String> names = headerNames(header, file);
        int targetIndex = names.indexOf(target.trim());
        String hint = delimiterHint(names, header.line(), delimiter);
        if (targetIndex < 0) {
            throw new DatasetException(file + " has no column '" + target.trim() + "' to use as the target; "
                    + "available columns: " + String.join(", ", names) + hint);
        }
        if (!hint.isEmpty() && names.size() < 2) {
            throw new DatasetException(file + " has only one column" + hint);
        }
        int[] featureIndices = featureList.isPresent() && !featureList.get().isBlank()
                ? named(names, featureList.get(), targetIndex, file) : allBut(names, targetIndex, file);
        return new CsvColumns(names, targetIndex, featureIndices);
    }

    /** The delimiters a spreadsheet program writes, in the order a hint tries them. */
    private static final char[] OTHER_DELIMITERS = {';', '\t', ',', '|'};

    /**
     * When the header read as one column holds another common delimiter, a hint naming it and the parameter to set
     * ({@code ; row 1 has one column "x1;x2;label" — the file looks ;-separated: set "delimiter": ";"}); else "".
     */
    static String delimiterHint(List<String> names, int line, char delimiter) {
        if (names.size() != 1) {
            return "";
        }
        String only = names.get(0);
        for (char d : OTHER_DELIMITERS) {
            if (d != delimiter && only.indexOf(d) >= 0) {
                String shown = d == '\t' ? "tab" : String.valueOf(d);
                return "; line " + line + " (the header) has one column \"" + only.replace("\t", "\\t")
                        + "\" — the file looks " + shown + "-separated: set \"delimiter\": \"" + shown
                        + "\" in the dataset's params";
            }
        }
        return "";
    }

    /** Number of columns every row must have. */
    int width() {
        return header.size();
    }

    int target() {
        return target;
    }

    String targetName() {
        return header.get(target);
    }

    int[] features() {
        return features.clone();
    }

    List<String> featureNames() {
        return Arrays.stream(features).mapToObj(header::get).toList();
    }

    /** How messages name a column: {@code column 'x2' (column 3)}, counting from 1 as spreadsheets do. */
    String describe(int column) {
        return "column '" + header.get(column) + "' (column " + (column + 1) + ")";
    }

    private static List<String> headerNames(CsvRecord header, String file) throws DatasetException {
        List<String> names = new ArrayList<>();
        for (String cell : header.cells()) {
            String name = (names.isEmpty() && !cell.isEmpty() && cell.charAt(0) == BYTE_ORDER_MARK
                    ? cell.substring(1) : cell).trim();
            if (name.isEmpty()) {
                throw new DatasetException(file + " line " + header.line() + ": header column " + (names.size() + 1)
                        + " has no name; the first row must name every column (check for a trailing delimiter)");
            }
            if (names.contains(name)) {
                throw new DatasetException(file + " line " + header.line() + ": the header names column '" + name
                        + "' twice (columns " + (names.indexOf(name) + 1) + " and " + (names.size() + 1)
                        + "); rename one of them");
            }
            names.add(name);
        }
        return names;
    }

    private static int[] named(List<String> names, String featureList, int target, String file)
            throws DatasetException {
        List<Integer> indices = new ArrayList<>();
        for (String raw : featureList.split(",")) {
            String name = raw.trim();
            if (name.isEmpty()) {
                continue;
            }
            int index = names.indexOf(name);
            if (index < 0) {
                throw new DatasetException(file + " has no column '" + name + "' (named in 'features'); "
                        + "available columns: " + String.join(", ", names));
            }
            if (index == target) {
                throw new DatasetException(file + ": column '" + name + "' is the target and cannot also be a "
                        + "feature; remove it from 'features'");
            }
            if (!indices.contains(index)) {
                indices.add(index);
            }
        }
        if (indices.isEmpty()) {
            throw new DatasetException(file + ": 'features' names no column; list feature columns separated by "
                    + "commas, or leave it out to use every column but the target");
        }
        return indices.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] allBut(List<String> names, int target, String file) throws DatasetException {
        if (names.size() < 2) {
            throw new DatasetException(file + " has only the target column '" + names.get(target)
                    + "'; at least one feature column is needed");
        }
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (i != target) {
                indices.add(i);
            }
        }
        return indices.stream().mapToInt(Integer::intValue).toArray();
    }
}
