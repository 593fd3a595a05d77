package org.cajal.datasets.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.cajal.api.data.DatasetException;

/** Reads a CSV file in one pass into a {@link CsvTable}, checking every cell and hashing the bytes on the way. */
final class CsvLoader {

    private final Path file;
    private final String name;
    private final char delimiter;
    private final String target;
    private final Optional<String> features;
    private final CsvTask task;

    /**
     * @param features comma-separated feature column names, or empty for every column but the target
     * @param task the requested task; for {@link CsvTask#REGRESSION} target cells must be numbers
     */
    CsvLoader(Path file, char delimiter, String target, Optional<String> features, CsvTask task) {
        this.file = file;
        this.name = file.toString();
        this.delimiter = delimiter;
        this.target = target;
        this.features = features;
        this.task = task;
    }

    CsvTable load() throws DatasetException {
        MessageDigest sha256 = sha256();
        try (InputStream bytes = new DigestInputStream(Files.newInputStream(file), sha256);
             Reader text = new InputStreamReader(bytes, StandardCharsets.UTF_8.newDecoder()
                     .onMalformedInput(CodingErrorAction.REPORT)
                     .onUnmappableCharacter(CodingErrorAction.REPORT))) {
            CsvReader reader = new CsvReader(text, delimiter, name);
            CsvRecord header = reader.next();
            if (header == null) {
                throw new DatasetException(name + " has no data rows: the file is empty; it needs a header row "
                        + "naming the columns, then one row per example");
            }
            CsvColumns columns = CsvColumns.select(header, target, features, name);
            return readRows(reader, columns, sha256);
        } catch (CharacterCodingException e) {
            throw new DatasetException(name + " is not UTF-8 text; save it as UTF-8 (CSV UTF-8 in spreadsheet programs)", e);
        } catch (IOException e) {
            throw new DatasetException("could not read " + name + ": " + e.getMessage(), e);
        }
    }

    private CsvTable readRows(CsvReader reader, CsvColumns columns, MessageDigest sha256)
            throws IOException, DatasetException {
        FloatArrayBuilder values = new FloatArrayBuilder();
        List<String> targets = new ArrayList<>();
        int[] featureColumns = columns.features();
        for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
            int row = targets.size() + 1;
            checkWidth(record, row, columns);
            for (int column : featureColumns) {
                values.add(Float.parseFloat(numberCell(record, row, column, columns, false)));
            }
            targets.add(task == CsvTask.REGRESSION ? numberCell(record, row, columns.target(), columns, true)
                    : presentCell(record, row, columns.target(), columns));
        }
        if (targets.isEmpty()) {
            throw new DatasetException(name + " has no data rows, only the header; add one row per example");
        }
        String hex = HexFormat.of().formatHex(sha256.digest());
        return new CsvTable(columns.featureNames(), columns.targetName(), values.toArray(), targets, hex);
    }

    private void checkWidth(CsvRecord record, int row, CsvColumns columns) throws DatasetException {
        if (record.size() != columns.width()) {
            throw new DatasetException(where(record, row) + " has " + record.size() + " columns but the header has "
                    + columns.width() + "; every row needs one value per header column (look for a missing or extra "
                    + "'" + delimiter + "', or quote values that contain it)");
        }
    }

    private String presentCell(CsvRecord record, int row, int column, CsvColumns columns) throws DatasetException {
        String cell = record.cell(column).trim();
        if (cell.isEmpty()) {
            throw new DatasetException(where(record, row) + ", " + columns.describe(column) + " is empty; missing "
                    + "values are not supported yet: drop the row or fill the cell");
        }
        return cell;
    }

    private String numberCell(CsvRecord record, int row, int column, CsvColumns columns, boolean isTarget)
            throws DatasetException {
        String cell = presentCell(record, row, column, columns);
        if (!NumberText.isFloat(cell)) {
            String fix = isTarget
                    ? "a regression target must be a number: fix the cell, or set 'task' to classification if the "
                    + "column holds classes"
                    : "feature columns must hold numbers (such as 3.5 or -1e-3): fix the cell, or leave the column "
                    + "out by listing the other columns in 'features'";
            throw new DatasetException(where(record, row) + ", " + columns.describe(column) + ": '" + cell
                    + "' is not a number; " + fix);
        }
        return cell;
    }

    /** {@code data.csv line 5 (data row 4)}: the editor line and the example's position among data rows. */
    private String where(CsvRecord record, int row) {
        return name + " line " + record.line() + " (data row " + row + ")";
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
