package org.cajal.runtime.internal.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cajal.api.data.DataSchema;
import org.cajal.runfolder.CsvTable;

/**
 * The CSV that {@code cajal predict} writes, one line per scored row: {@code row} (the input's data row number,
 * 1 for the first row after the header), then with {@code --with-inputs} the input file's columns as written,
 * then the prediction: {@code predicted,p(<class>),...} (the most probable class and every class's probability) or
 * the target columns' predicted values in the target's units. An input column whose name is taken by an output
 * column is written as {@code input_<name>}.
 */
final class PredictionTable {

    static final String ROW = "row";

    private PredictionTable() {
    }

    static CsvTable of(DataSchema schema, TabularInput.Table input, RowScoring.Outcome outcome, boolean withInputs) {
        List<String> outputHeader = outputHeader(schema);
        List<String> header = new ArrayList<>(List.of(ROW));
        if (withInputs) {
            for (String column : input.header()) {
                header.add(column.equals(ROW) || outputHeader.contains(column) ? "input_" + column : column);
            }
        }
        header.addAll(outputHeader);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < outcome.scored().size(); i++) {
            TabularInput.Row row = outcome.scored().get(i);
            List<String> cells = new ArrayList<>(List.of(Integer.toString(row.number())));
            if (withInputs) {
                for (int c = 0; c < input.header().size(); c++) {
                    cells.add(c < row.cells().size() ? row.cells().get(c) : "");
                }
            }
            cells.addAll(prediction(schema, outcome.outputs()[i]));
            rows.add(cells);
        }
        return new CsvTable(header, rows);
    }

    private static List<String> outputHeader(DataSchema schema) {
        if (!schema.targetKind().isClassification()) {
            return schema.targetNames();
        }
        List<String> h = new ArrayList<>(List.of("predicted"));
        schema.classLabels().forEach(l -> h.add("p(" + l + ")"));
        return h;
    }

    /** The predicted class and the probabilities (one sigmoid output p is {@code 1 - p, p}), or the values. */
    private static List<String> prediction(DataSchema schema, double[] output) {
        List<String> cells = new ArrayList<>();
        if (!schema.targetKind().isClassification()) {
            for (double v : output) {
                cells.add(number(v));
            }
            return cells;
        }
        double[] p = output.length == 1 ? new double[] {1 - output[0], output[0]} : output;
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            best = p[c] > p[best] ? c : best;
        }
        cells.add(schema.classLabels().get(best));
        for (double v : p) {
            cells.add(number(v));
        }
        return cells;
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }
}
