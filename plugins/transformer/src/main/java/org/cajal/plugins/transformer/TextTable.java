package org.cajal.plugins.transformer;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.cajal.api.data.DatasetException;

/**
 * The text and label columns of a UTF-8 CSV file with a header row. Cells follow RFC 4180: a quoted cell may hold
 * commas, doubled quotes and line breaks; blank lines are skipped.
 *
 * @param texts the text cell of each data row
 * @param labels the label cell of each data row (trimmed)
 * @param lines the file line each data row starts on (1-based, the header being line 1)
 * @param sha256 the file's SHA-256 in hex
 */
record TextTable(List<String> texts, List<String> labels, List<Integer> lines, String sha256) {

    /**
     * Reads the two columns.
     *
     * @throws DatasetException naming the file, line and column at fault
     */
    static TextTable read(Path file, String textColumn, String labelColumn) throws DatasetException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DatasetException(file + " does not exist; check the dataset's file parameter (a relative path "
                    + "is resolved against the pipeline file's folder)");
        } catch (IOException e) {
            throw new DatasetException(file + " cannot be read: " + e.getMessage());
        }
        String content;
        try {
            content = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new DatasetException(file + " is not UTF-8 text; save it with UTF-8 encoding");
        }
        if (content.startsWith("\uFEFF")) {
            content = content.substring(1);
        }
        List<Record> records = parse(content, file);
        if (records.isEmpty()) {
            throw new DatasetException(file + " is empty; it needs a header row with the columns '" + textColumn
                    + "' and '" + labelColumn + "' and at least one data row");
        }
        List<String> header = records.get(0).cells().stream().map(String::trim).toList();
        int text = column(header, textColumn, "text", file);
        int label = column(header, labelColumn, "label", file);
        List<String> texts = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (Record r : records.subList(1, records.size())) {
            if (r.cells().size() != header.size()) {
                throw new DatasetException(file + " line " + r.line() + ": " + r.cells().size() + " cells but the "
                        + "header has " + header.size() + "; quote a text that contains commas (\"...\")");
            }
            String l = r.cells().get(label).trim();
            if (l.isEmpty()) {
                throw new DatasetException(file + " line " + r.line() + ", column '" + labelColumn
                        + "': the label is empty; give every row a label or remove the row");
            }
            texts.add(r.cells().get(text));
            labels.add(l);
            lines.add(r.line());
        }
        if (texts.isEmpty()) {
            throw new DatasetException(file + " has a header but no data rows");
        }
        return new TextTable(texts, labels, lines, hex(bytes));
    }

    private static int column(List<String> header, String name, String parameter, Path file)
            throws DatasetException {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new DatasetException(file + " line 1: no column '" + name + "' (the " + parameter + " parameter); "
                    + "its columns are " + String.join(", ", header));
        }
        return i;
    }

    /** One CSV record and the line it starts on. */
    record Record(List<String> cells, int line) {
    }

    static List<Record> parse(String s, Path file) throws DatasetException {
        List<Record> out = new ArrayList<>();
        Cursor at = new Cursor(s, file);
        while (at.more()) {
            int start = at.line;
            List<String> cells = at.record();
            boolean blank = cells.size() == 1 && cells.get(0).isBlank();
            if (!blank) {
                out.add(new Record(cells, start));
            }
        }
        return out;
    }

    /** Where {@link #parse} is in the text: the next character and its line (from 1). */
    private static final class Cursor {

        private final String s;
        private final Path file;
        private int i;
        private int line = 1;

        Cursor(String s, Path file) {
            this.s = s;
            this.file = file;
        }

        boolean more() {
            return i < s.length();
        }

        /** The cells of the record that starts here; moves past the line end that closes it. */
        List<String> record() throws DatasetException {
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            while (more()) {
                char c = s.charAt(i++);
                if (c == '\r' || c == '\n') {
                    if (c == '\r' && more() && s.charAt(i) == '\n') {
                        i++;
                    }
                    line++;
                    break;
                } else if (c == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                    quoted = false;
                } else if (c == '"' && !quoted && cell.toString().isBlank()) {
                    cell.setLength(0);
                    quotedValue(cell);
                    quoted = true;
                } else if (quoted && !Character.isWhitespace(c)) {
                    throw new DatasetException(file + " line " + line + ": unexpected text after the closing quote "
                            + "of a quoted value; inside quotes write a quote as two quotes (\"\")");
                } else if (!quoted) {
                    cell.append(c);
                }
            }
            cells.add(cell.toString());
            return cells;
        }

        /** Appends a quoted value's text (after its opening quote) and moves past its closing quote. */
        private void quotedValue(StringBuilder cell) throws DatasetException {
            int opened = line;
            while (true) {
                if (!more()) {
                    throw new DatasetException(file + " line " + opened + ": a quoted value is never "
                            + "closed; add the closing quote (\")");
                }
                char q = s.charAt(i++);
                if (q == '"') {
                    if (more() && s.charAt(i) == '"') {
                        i++;
                    } else {
                        return;
                    }
                } else if (q == '\n') {
                    line++;
                }
                cell.append(q);
            }
        }
    }

    private static String hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
