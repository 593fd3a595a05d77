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
import java.util.HexFormat;

import org.cajal.api.data.DatasetException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a CSV file into a {@link CsvTable}, checking every cell and hashing the bytes on the way: one pass, or two
 * when {@code categorical} is {@code auto} (the first only finds the feature columns that hold text). One instance
 * loads once: it counts the rows it reads and drops.
 */
final class CsvLoader {

    private static final Logger LOG = LoggerFactory.getLogger(CsvLoader.class);

    private final Path file;
    private final String name;
    private final CsvRequest request;
    private int dataRows;
    private int dropped;
    private int firstDroppedLine;

    CsvLoader(Path file, CsvRequest request) {
        this.file = file;
        this.name = file.toString();
        this.request = request;
    }

    CsvTable load() throws DatasetException {
        MessageDigest sha256 = sha256();
        try (InputStream bytes = new DigestInputStream(Files.newInputStream(file), sha256);
             Reader text = utf8(bytes)) {
            CsvReader reader = new CsvReader(text, request.delimiter(), name);
            CsvColumns columns = columns(reader);
            boolean[] categorical = request.categorical().auto() ? textColumns(columns)
                    : request.categorical().named(columns, name);
            return readRows(reader, columns, categorical, sha256);
        } catch (CharacterCodingException e) {
            throw new DatasetException(name + " is not UTF-8 text; save it as UTF-8 (CSV UTF-8 in spreadsheet programs)", e);
        } catch (IOException e) {
            throw new DatasetException("could not read " + name + ": " + e.getMessage(), e);
        }
    }

    private CsvColumns columns(CsvReader reader) throws IOException, DatasetException {
        CsvRecord header = reader.next();
        if (header == null) {
            throw new DatasetException(name + " has no data rows: the file is empty; it needs a header row "
                    + "naming the columns, then one row per example");
        }
        return CsvColumns.select(header, request.target(), request.features(), name, request.delimiter());
    }

    /** First pass for {@code categorical = auto}: the feature columns with a present, non-numeric cell. */
    private boolean[] textColumns(CsvColumns columns) throws IOException, DatasetException {
        int[] features = columns.features();
        boolean[] text = new boolean[features.length];
        try (Reader in = utf8(Files.newInputStream(file))) {
            CsvReader reader = new CsvReader(in, request.delimiter(), name);
            reader.next();
            for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
                for (int j = 0; j < features.length && record.size() == columns.width(); j++) {
                    String cell = record.cell(features[j]).trim();
                    text[j] |= !MissingValues.isMissing(cell) && !NumberText.isFloat(cell);
                }
            }
        }
        return text;
    }

    private CsvTable readRows(CsvReader reader, CsvColumns columns, boolean[] categorical, MessageDigest sha256)
            throws IOException, DatasetException {
        CsvRows rows = new CsvRows(columns.featureNames(), categorical);
        for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
            dataRows++;
            checkWidth(record, columns);
            readRow(record, columns, categorical, rows);
        }
        if (dataRows == 0) {
            throw new DatasetException(name + " has no data rows, only the header; add one row per example");
        }
        if (rows.size() == 0) {
            throw new DatasetException(name + ": all " + dataRows + " data rows have missing values, so none is "
                    + "left; fill the cells, or leave the emptiest columns out of 'features'");
        }
        reportDropped();
        CsvRows.Features features = rows.finish(name);
        if (features.missing() > 0) {
            LOG.warn("{}: {} feature values are missing; each run fills them with the mean or most frequent "
                    + "category of its training rows", name, features.missing());
        }
        String hex = HexFormat.of().formatHex(sha256.digest());
        return new CsvTable(columns.featureNames(), columns.targetName(), features.values(), rows.targets(), hex,
                features.categories(), dropped, features.missing());
    }

    /** Checks one record's cells and adds it to the rows, unless a missing value drops it. */
    private void readRow(CsvRecord record, CsvColumns columns, boolean[] categorical, CsvRows rows)
            throws DatasetException {
        int[] featureColumns = columns.features();
        String[] cells = new String[featureColumns.length];
        boolean complete = true;
        for (int j = 0; j < featureColumns.length; j++) {
            String cell = record.cell(featureColumns[j]).trim();
            if (MissingValues.isMissing(cell)) {
                missingCell(record, featureColumns[j], columns, cell, false);
                complete = false;
            } else {
                cells[j] = categorical[j] ? cell : numberCell(record, featureColumns[j], columns, cell, false);
            }
        }
        String target = record.cell(columns.target()).trim();
        if (MissingValues.isMissing(target)) {
            missingCell(record, columns.target(), columns, target, true);
        } else if (request.task() == CsvTask.REGRESSION) {
            numberCell(record, columns.target(), columns, target, true);
        }
        if (MissingValues.isMissing(target) || !complete && request.missing() == MissingValues.DROP) {
            drop(record);
        } else {
            rows.add(cells, target);
        }
    }

    private void drop(CsvRecord record) {
        if (dropped++ == 0) {
            firstDroppedLine = record.line();
        }
    }

    private void reportDropped() {
        if (dropped > 0) {
            LOG.warn("{}: left out {} of {} data rows because of missing values (the first on line {}); "
                    + "missing = {}", name, dropped, dataRows, firstDroppedLine, request.missing().id());
        }
    }

    private void checkWidth(CsvRecord record, CsvColumns columns) throws DatasetException {
        if (record.size() != columns.width()) {
            throw new DatasetException(where(record) + " has " + record.size() + " columns but the header has "
                    + columns.width() + "; every row needs one value per header column (look for a missing or extra "
                    + "'" + request.delimiter() + "', or quote values that contain it)");
        }
    }

    /** Under {@link MissingValues#ERROR}, a missing cell is an error that says how to allow it. */
    private void missingCell(CsvRecord record, int column, CsvColumns columns, String cell, boolean isTarget)
            throws DatasetException {
        if (request.missing() != MissingValues.ERROR) {
            return;
        }
        String what = cell.isEmpty() ? " is empty" : ": '" + cell + "' marks a missing value";
        String fix = isTarget
                ? "set 'missing' to drop to leave out rows without a target, or fill the cell"
                : "set 'missing' to drop (leave out such rows) or impute (fill in the column's mean or most "
                + "frequent value in the training rows), or fill the cell";
        throw new DatasetException(where(record) + ", " + columns.describe(column) + what + "; " + fix);
    }

    private String numberCell(CsvRecord record, int column, CsvColumns columns, String cell, boolean isTarget)
            throws DatasetException {
        if (!NumberText.isFloat(cell)) {
            String fix = isTarget
                    ? "a regression target must be a number: fix the cell, or set 'task' to classification if the "
                    + "column holds classes"
                    : "feature columns must hold numbers (such as 3.5 or -1e-3): fix the cell, name the column in "
                    + "'categorical' if it holds categories, or leave the column out by listing the other columns "
                    + "in 'features'";
            throw new DatasetException(where(record) + ", " + columns.describe(column) + ": '" + cell
                    + "' is not a number; " + fix);
        }
        return cell;
    }

    /** {@code data.csv line 5 (data row 4)}: the editor line and the example's position among data rows. */
    private String where(CsvRecord record) {
        return name + " line " + record.line() + " (data row " + dataRows + ")";
    }

    private static Reader utf8(InputStream bytes) {
        return new InputStreamReader(bytes, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
