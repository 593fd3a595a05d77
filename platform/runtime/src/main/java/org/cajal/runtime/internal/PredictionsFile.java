package org.cajal.runtime.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cajal.api.data.DataSchema;
import org.cajal.api.visual.RunData;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * predictions.csv in a run folder: the evaluated split as predicted at the end of the run, one row per example in
 * the order of split.json's indices.
 *
 * <ul>
 * <li>classification: {@code actual,p_<class 0>,p_<class 1>,...} — the true class index, then every class's
 * probability (a single sigmoid output p is written as {@code 1 - p, p});</li>
 * <li>regression with one target: {@code actual,predicted};</li>
 * <li>regression with k targets: {@code actual_0,...,actual_<k-1>,predicted_0,...,predicted_<k-1>}.</li>
 * </ul>
 * Regression values are in the target's original units (target preprocessing undone). A header cell with a comma
 * or quote is quoted as in RFC 4180.
 */
final class PredictionsFile {

    private PredictionsFile() {
    }

    /**
     * @param rawTargets the examples' targets as the dataset gives them ({@code [n, 1]} class indices, or
     *                   {@code [n, k]} values in original units)
     * @param outputs    the model's outputs for the same examples, in the model's units
     * @param scale      how preprocessing mapped the targets (regression)
     */
    static String csv(DataSchema schema, INDArray rawTargets, INDArray outputs, TargetScale scale) {
        double[][] actual = rawTargets.castTo(DataType.DOUBLE).reshape(rawTargets.size(0), -1).toDoubleMatrix();
        double[][] out = outputs(schema, outputs, scale);
        StringBuilder csv = new StringBuilder(String.join(",", header(schema))).append('\n');
        for (int i = 0; i < actual.length; i++) {
            boolean classes = schema.targetKind().isClassification();
            for (int k = 0; k < (classes ? 1 : actual[i].length); k++) {
                csv.append(k == 0 ? "" : ",").append(classes ? Long.toString(Math.round(actual[i][0]))
                        : number(actual[i][k]));
            }
            for (double v : out[i]) {
                csv.append(',').append(number(v));
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    /** The model's outputs as the file holds them: class probabilities, or values in original units. */
    static double[][] outputs(DataSchema schema, INDArray outputs, TargetScale scale) {
        if (!schema.targetKind().isClassification()) {
            return scale.restore(outputs);
        }
        double[][] rows = outputs.castTo(DataType.DOUBLE).reshape(outputs.size(0), -1).toDoubleMatrix();
        if (rows.length > 0 && rows[0].length == 1) {
            for (int i = 0; i < rows.length; i++) {
                rows[i] = new double[] {1 - rows[i][0], rows[i][0]};
            }
        }
        return rows;
    }

    static List<String> header(DataSchema schema) {
        List<String> h = new ArrayList<>();
        if (schema.targetKind().isClassification()) {
            h.add("actual");
            schema.classLabels().forEach(c -> h.add(quote("p_" + c)));
        } else if (schema.targetWidth() == 1) {
            h.add("actual");
            h.add("predicted");
        } else {
            for (int k = 0; k < schema.targetWidth(); k++) {
                h.add("actual_" + k);
            }
            for (int k = 0; k < schema.targetWidth(); k++) {
                h.add("predicted_" + k);
            }
        }
        return h;
    }

    /**
     * Reads the file back: actual (the class index, or the first target's value) and the outputs.
     *
     * @throws IOException naming the file, line and column of a value that is not a number
     */
    static RunData.Predictions read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IOException(file + " is empty; it should start with the header actual,...");
        }
        List<String> header = cells(lines.get(0));
        int actualColumns = (int) header.stream().filter(h -> h.equals("actual") || h.startsWith("actual_")).count();
        if (actualColumns == 0) {
            throw new IOException(file + " has no 'actual' column (header: " + lines.get(0) + ")");
        }
        List<Double> actual = new ArrayList<>();
        List<double[]> outputs = new ArrayList<>();
        for (int line = 2; line <= lines.size(); line++) {
            String text = lines.get(line - 1);
            if (text.isBlank()) {
                continue;
            }
            String[] cells = text.split(",", -1);
            if (cells.length != header.size()) {
                throw new IOException(file + " line " + line + " has " + cells.length + " values, but the header has "
                        + header.size() + " columns");
            }
            double[] row = new double[header.size() - actualColumns];
            for (int c = 0; c < cells.length; c++) {
                double v = parse(file, line, header.get(c), cells[c]);
                if (c == 0) {
                    actual.add(v);
                } else if (c >= actualColumns) {
                    row[c - actualColumns] = v;
                }
            }
            outputs.add(row);
        }
        return new RunData.Predictions(actual.stream().mapToDouble(Double::doubleValue).toArray(),
                outputs.toArray(double[][]::new));
    }

    private static double parse(Path file, int line, String column, String cell) throws IOException {
        try {
            return Double.parseDouble(cell.trim());
        } catch (NumberFormatException e) {
            throw new IOException(file + " line " + line + ", column '" + column + "': '" + cell
                    + "' is not a number");
        }
    }

    /** The cells of a header line, with RFC 4180 quoting. */
    static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        out.add(cell.toString());
        return out;
    }

    private static String quote(String cell) {
        return cell.contains(",") || cell.contains("\"") || cell.contains("\n")
                ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    private static String number(double v) {
        return Double.toString(v);
    }
}
