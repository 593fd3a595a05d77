package org.cajal.runtime.internal.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.cajal.api.data.DataSchema;
import org.cajal.api.data.Examples;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * New raw examples for prediction from a CSV file with a header: the training features are found by name (other
 * columns, such as the target, are ignored), numbers parsed, categorical values mapped to the training
 * categories. Errors name the file, line and column. Simple comma-separated values without quoted commas.
 */
final class TabularInput {

    private TabularInput() {
    }

    static Examples read(Path file, DataSchema schema) throws IOException {
        if (schema.featureShape().size() != 1) {
            throw new IOException("predict reads tabular CSV input, but this model takes features of shape "
                    + schema.featureShape());
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IOException(file + " is empty; it needs a header row naming the feature columns");
        }
        List<String> header = Arrays.stream(lines.get(0).split(",", -1)).map(String::trim).toList();
        int[] columns = columns(file, header, schema.featureNames());
        List<float[]> rows = new ArrayList<>();
        for (int line = 2; line <= lines.size(); line++) {
            if (!lines.get(line - 1).isBlank()) {
                rows.add(row(file, line, lines.get(line - 1).split(",", -1), columns, schema));
            }
        }
        if (rows.isEmpty()) {
            throw new IOException(file + " has no data rows, only the header");
        }
        return new Examples(Nd4j.create(rows.toArray(float[][]::new)).castTo(DataType.FLOAT), null);
    }

    private static int[] columns(Path file, List<String> header, List<String> features) throws IOException {
        int[] columns = new int[features.size()];
        for (int f = 0; f < features.size(); f++) {
            columns[f] = header.indexOf(features.get(f));
            if (columns[f] < 0) {
                throw new IOException(file + " has no column '" + features.get(f) + "'; the model was trained on "
                        + String.join(", ", features) + " (its columns: " + String.join(", ", header) + ")");
            }
        }
        return columns;
    }

    private static float[] row(Path file, int line, String[] cells, int[] columns,
                               DataSchema schema) throws IOException {
        float[] values = new float[columns.length];
        for (int f = 0; f < columns.length; f++) {
            String name = schema.featureNames().get(f);
            String cell = columns[f] < cells.length ? cells[columns[f]].trim() : "";
            List<String> categories = schema.featureCategories().get(name);
            if (categories != null) {
                values[f] = categories.indexOf(cell);
                if (values[f] < 0) {
                    throw new IOException(file + " line " + line + ", column '" + name + "': '" + cell
                            + "' is not a category the model knows (" + String.join(", ", categories) + ")");
                }
                continue;
            }
            try {
                values[f] = Float.parseFloat(cell);
            } catch (NumberFormatException e) {
                throw new IOException(file + " line " + line + ", column '" + name + "' (column "
                        + (columns[f] + 1) + "): '" + cell + "' is not a number");
            }
        }
        return values;
    }
}
