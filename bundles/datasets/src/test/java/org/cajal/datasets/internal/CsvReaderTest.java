package org.cajal.datasets.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.cajal.api.data.DatasetException;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void plainRecordsWithLineNumbers() throws Exception {
        List<CsvRecord> records = read("a,b\n1,2\n3,4\n");
        assertEquals(List.of(List.of("a", "b"), List.of("1", "2"), List.of("3", "4")), cells(records));
        assertEquals(List.of(1, 2, 3), lines(records));
    }

    @Test
    void quotedCellsHoldDelimitersQuotesAndLineBreaks() throws Exception {
        List<CsvRecord> records = read("name,note\n\"Smith, J\",\"said \"\"hi\"\"\nand left\"\nx,y");
        assertEquals(List.of("Smith, J", "said \"hi\"\nand left"), records.get(1).cells());
        assertEquals(2, records.get(1).line());
        assertEquals(4, records.get(2).line(), "the line break inside quotes counts as a line");
    }

    @Test
    void crlfLineEndsEmptyCellsAndBlankLines() throws Exception {
        List<CsvRecord> records = read("a;b\r\n\r\n1;\r\n\n;2");
        assertEquals(List.of(List.of("a", "b"), List.of("1", ""), List.of("", "2")), cells(records));
        assertEquals(List.of(1, 3, 5), lines(records));
    }

    @Test
    void spacesAroundQuotedCellAreIgnored() throws Exception {
        assertEquals(List.of("1", "a,b"), read("1, \"a,b\" ").get(0).cells());
    }

    @Test
    void unclosedQuoteIsReportedAtItsLine() {
        DatasetException e = assertThrows(DatasetException.class, () -> read("a,b\n1,\"oops\n2,3\n"));
        assertEquals("test.csv line 2: a quoted value is never closed; add the closing quote (\")", e.getMessage());
    }

    @Test
    void textAfterClosingQuoteIsAnError() {
        DatasetException e = assertThrows(DatasetException.class, () -> read("a,b\n\"x\"y,1\n"));
        assertTrue(e.getMessage().startsWith("test.csv line 2: unexpected text after the closing quote"), e.getMessage());
    }

    @Test
    void emptyInputHasNoRecords() throws Exception {
        assertNull(new CsvReader(new StringReader("\n\n"), ',', "test.csv").next());
    }

    private static List<CsvRecord> read(String text) throws IOException, DatasetException {
        char delimiter = text.contains(";") ? ';' : ',';
        CsvReader reader = new CsvReader(new StringReader(text), delimiter, "test.csv");
        List<CsvRecord> records = new ArrayList<>();
        for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
            records.add(r);
        }
        return records;
    }

    private static List<List<String>> cells(List<CsvRecord> records) {
        return records.stream().map(CsvRecord::cells).toList();
    }

    private static List<Integer> lines(List<CsvRecord> records) {
        return records.stream().map(CsvRecord::line).toList();
    }
}
