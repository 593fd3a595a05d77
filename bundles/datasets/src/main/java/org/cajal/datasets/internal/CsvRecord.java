package org.cajal.datasets.internal;

import java.util.List;

/**
 * One parsed CSV record and where it starts, so that errors can point at the line a person sees in an editor.
 *
 * @param cells the record's cells, unquoted
 * @param line the 1-based line on which the record starts
 */
record CsvRecord(List<String> cells, int line) {

    CsvRecord {
        cells = List.copyOf(cells);
    }

    int size() {
        return cells.size();
    }

    String cell(int column) {
        return cells.get(column);
    }
}
