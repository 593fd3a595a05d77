package org.cajal.runfolder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * The rows of a user's comma-separated text (new rows to predict, say) with the line each starts on, so that a
 * message can say {@code row 3 (line 4)} even when a quoted cell spans lines. Read with Jackson's CSV module:
 * RFC 4180 quoting (a cell may hold commas, quotes written twice, line breaks); empty lines are skipped; cells are
 * returned as written, untrimmed.
 */
public final class CsvRows {

    /**
     * One row.
     *
     * @param line the line of the text its first cell starts on, from 1
     * @param cells its cells
     */
    public record Row(int line, List<String> cells) {
        public Row {
            cells = List.copyOf(cells);
        }

        /** Whether every cell is empty or white space (a line of spaces). */
        public boolean isBlank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

    private CsvRows() {
    }

    /**
     * Every row of the text, the header (if it has one) included.
     *
     * @throws IOException when the text is not CSV (an unclosed quote, say), with Jackson's description and line
     */
    public static List<Row> parse(String text) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (JsonParser p = CSV.getFactory().createParser(text)) {
            ((CsvParser) p).setSchema(CsvSchema.emptySchema());
            int depth = 0;
            List<String> cells = null;
            int line = -1;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.START_ARRAY && ++depth == 2) {
                    cells = new ArrayList<>();
                    line = -1;
                } else if (t == JsonToken.VALUE_STRING && depth == 2) {
                    if (line < 0) {
                        line = p.currentTokenLocation().getLineNr();
                    }
                    cells.add(p.getText());
                } else if (t == JsonToken.END_ARRAY && depth-- == 2) {
                    rows.add(new Row(line, cells));
                }
            }
        }
        return rows;
    }
}
