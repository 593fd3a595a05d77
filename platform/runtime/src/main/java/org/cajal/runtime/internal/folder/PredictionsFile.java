package org.cajal.runtime.internal.folder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cajal.api.data.DataSchema;
import org.cajal.api.visual.RunData;
import org.cajal.runfolder.CsvTable;
import org.cajal.runtime.internal.pipeline.TargetScale;
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
 * Regression values are in the target's original units (target preprocessing undone). Written and read as a
 * {@link CsvTable} (a header cell with a comma or quote is quoted as in RFC 4180).
 */
public final class PredictionsFile {

    private PredictionsFile() {
    }

    /**
     * @param rawTargets the examples' targets as the dataset gives them ({@code [n, 1]} class indices, or
     *                   {@code [n, k]} values in original units)
     * @param outputs    the model's outputs for the same examples, in the model's units
     * @param scale      how preprocessing mapped the targets (regression)
     */
    public static String csv(DataSchema schema, INDArray rawTargets, INDArray outputs, TargetScale scale) {
        double[][] actual = rawTargets.castTo(DataType.DOUBLE).reshape(rawTargets.size(0), -1).toDoubleMatrix();
        double[][] out = outputs(schema, outputs, scale);
        boolean classes = schema.targetKind().isClassification();
        List<List<String>> rows = new ArrayList<>(actual.length);
        for (int i = 0; i < actual.length; i++) {
            List<String> row = new ArrayList<>();
            for (int k = 0; k < (classes ? 1 : actual[i].length); k++) {
                row.add(classes ? Long.toString(Math.round(actual[i][0])) : Double.toString(actual[i][k]));
            }
            for (double v : out[i]) {
                row.add(Double.toString(v));
            }
            rows.add(row);
        }
        return new CsvTable(header(schema), rows).format();
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
            schema.classLabels().forEach(c -> h.add("p_" + c));
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
        CsvTable table = CsvTable.read(file);
        List<String> header = table.header();
        if (header.isEmpty()) {
            throw new IOException(file + " is empty; it should start with the header actual,...");
        }
        int actualColumns = (int) header.stream().filter(h -> h.equals("actual") || h.startsWith("actual_")).count();
        if (actualColumns == 0) {
            throw new IOException(file + " has no 'actual' column (header: " + String.join(",", header) + ")");
        }
        double[] actual = new double[table.rows().size()];
        double[][] outputs = new double[table.rows().size()][];
        for (int r = 0; r < actual.length; r++) {
            List<String> cells = table.rows().get(r);
            int line = r + 2;
            if (cells.size() != header.size()) {
                throw new IOException(file + " line " + line + " has " + cells.size() + " values, but the header has "
                        + header.size() + " columns");
            }
            actual[r] = parse(file, line, header.get(0), cells.get(0));
            outputs[r] = new double[header.size() - actualColumns];
            for (int c = 1; c < cells.size(); c++) {
                double v = parse(file, line, header.get(c), cells.get(c));
                if (c >= actualColumns) {
                    outputs[r][c - actualColumns] = v;
                }
            }
        }
        return new RunData.Predictions(actual, outputs);
    }

    private static double parse(Path file, int line, String column, String cell) throws IOException {
        try {
            return Double.parseDouble(cell.trim());
        } catch (NumberFormatException e) {
            throw new IOException(file + " line " + line + ", column '" + column + "': '" + cell
                    + "' is not a number");
        }
    }
}
