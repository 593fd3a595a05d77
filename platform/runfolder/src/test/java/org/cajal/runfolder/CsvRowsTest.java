package org.cajal.runfolder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvRowsTest {

    @Test
    void rowsKeepTheLineTheyStartOnThroughQuotedLineBreaksAndEmptyLines() throws IOException {
        List<CsvRows.Row> rows = CsvRows.parse("a,b\n1,2\n\n\"x\ny, \"\"z\"\"\",3\n,5\n6\n");
        assertEquals(List.of(new CsvRows.Row(1, List.of("a", "b")), new CsvRows.Row(2, List.of("1", "2")),
                new CsvRows.Row(4, List.of("x\ny, \"z\"", "3")), new CsvRows.Row(6, List.of("", "5")),
                new CsvRows.Row(7, List.of("6"))), rows);
    }

    @Test
    void blankRowsAreSkippedOrSaidToBeBlank() throws IOException {
        List<CsvRows.Row> rows = CsvRows.parse("a\n   \n1\n , \n");
        assertEquals(List.of(1, 3, 4), rows.stream().map(CsvRows.Row::line).toList(), rows::toString);
        assertTrue(rows.get(2).isBlank());
    }

    @Test
    void anUnclosedQuoteIsAnError() {
        assertThrows(IOException.class, () -> CsvRows.parse("a,b\n\"1,2\n"));
    }
}
