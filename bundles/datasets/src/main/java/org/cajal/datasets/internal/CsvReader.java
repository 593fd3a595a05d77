package org.cajal.datasets.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import org.cajal.api.data.DatasetException;

/**
 * An RFC 4180 CSV record reader: quoted cells may hold delimiters, doubled quotes and line breaks; LF and CRLF line
 * ends; blank lines are skipped. Written here rather than pulled in so the bundle needs no third-party bundle.
 */
final class CsvReader {

    private static final int EOF = -1;
    private static final char QUOTE = '"';

    private final Reader in;
    private final char delimiter;
    private final String source;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private int line = 1;

    /** @param source how messages name the input, usually the file path */
    CsvReader(Reader in, char delimiter, String source) {
        this.in = in;
        this.delimiter = delimiter;
        this.source = source;
    }

    /** The next non-blank record, or {@code null} at the end of the input. */
    CsvRecord next() throws IOException, DatasetException {
        while (peek() != EOF) {
            CsvRecord record = readRecord();
            boolean blank = record.size() == 1 && record.cell(0).isBlank();
            if (!blank) {
                return record;
            }
        }
        return null;
    }

    private CsvRecord readRecord() throws IOException, DatasetException {
        int start = line;
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        while (true) {
            int c = read();
            if (c == EOF || isLineEnd(c)) {
                cells.add(cell.toString());
                return new CsvRecord(cells, start);
            }
            if (c == delimiter) {
                cells.add(cell.toString());
                cell.setLength(0);
                quoted = false;
            } else if (c == QUOTE && !quoted && cell.toString().isBlank()) {
                cell.setLength(0);
                readQuoted(cell);
                quoted = true;
            } else if (quoted && !Character.isWhitespace(c)) {
                throw new DatasetException(source + " line " + line + ": unexpected text after the closing quote of "
                        + "a quoted value; inside quotes write a quote as two quotes (\"\")");
            } else if (!quoted) {
                cell.append((char) c);
            }
        }
    }

    /** Reads a quoted cell's content up to its closing quote; the opening quote has been consumed. */
    private void readQuoted(StringBuilder cell) throws IOException, DatasetException {
        int opened = line;
        while (true) {
            int c = read();
            if (c == EOF) {
                throw new DatasetException(source + " line " + opened + ": a quoted value is never closed; "
                        + "add the closing quote (\")");
            }
            if (c == QUOTE) {
                if (peek() != QUOTE) {
                    return;
                }
                read();
            } else if (c == '\n') {
                line++;
            }
            cell.append((char) c);
        }
    }

    /** Consumes a line end (LF, CRLF or lone CR) if {@code c} starts one. */
    private boolean isLineEnd(int c) throws IOException {
        if (c == '\r' && peek() == '\n') {
            read();
        }
        if (c == '\n' || c == '\r') {
            line++;
            return true;
        }
        return false;
    }

    private int peek() throws IOException {
        return fill() ? buffer[position] : EOF;
    }

    private int read() throws IOException {
        return fill() ? buffer[position++] : EOF;
    }

    private boolean fill() throws IOException {
        while (position >= limit) {
            limit = in.read(buffer, 0, buffer.length);
            position = 0;
            if (limit < 0) {
                limit = 0;
                return false;
            }
        }
        return true;
    }
}
