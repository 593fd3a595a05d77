package org.cajal.preprocessing.internal;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cajal.api.data.DataSchema;
import org.cajal.api.data.Examples;
import org.cajal.api.data.FittedTransform;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Fitted one-hot: each chosen categorical column is replaced, in place, by one indicator column per label, named
 * {@code column=label}. A value that is not the index of a known label (unseen category, fraction, NaN) gives all
 * zeros. Targets stay as they are. Immutable.
 */
final class OneHotColumns implements FittedTransform {

    private static final long serialVersionUID = 1L;

    private final int inputWidth;
    private final int[] columns;
    private final String[] columnNames;
    private final String[][] labels;

    OneHotColumns(int inputWidth, int[] columns, String[] columnNames, String[][] labels) {
        this.inputWidth = inputWidth;
        this.columns = columns.clone();
        this.columnNames = columnNames.clone();
        this.labels = Arrays.stream(labels).map(String[]::clone).toArray(String[][]::new);
        check();
    }

    /** Width of the transformed features. */
    int outputWidth() {
        return inputWidth - columns.length + Arrays.stream(labels).mapToInt(l -> l.length).sum();
    }

    @Override
    public DataSchema outputSchema(DataSchema input) {
        if (input.featureShape().size() != 1 || input.featureCount() != inputWidth) {
            throw new IllegalArgumentException("one-hot was fitted on " + inputWidth + " flat features but the "
                    + "input has shape " + input.featureShape());
        }
        List<String> names = FeatureColumns.names(input, inputWidth);
        Map<String, List<String>> categories = new LinkedHashMap<>(input.featureCategories());
        List<String> out = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < inputWidth; i++) {
            if (next < columns.length && columns[next] == i) {
                if (!names.get(i).equals(columnNames[next])) {
                    throw new IllegalArgumentException("one-hot was fitted with '" + columnNames[next]
                            + "' as feature " + i + " but the input has '" + names.get(i) + "' there");
                }
                for (String label : labels[next]) {
                    out.add(columnNames[next] + "=" + label);
                }
                categories.remove(columnNames[next]);
                next++;
            } else {
                out.add(names.get(i));
            }
        }
        return input.withFeatures(out, List.of((long) out.size()), categories);
    }

    @Override
    public Examples apply(Examples examples) {
        INDArray features = examples.features();
        if (features.rank() != 2 || features.size(1) != inputWidth) {
            throw new IllegalArgumentException("one-hot expected features of shape [n, " + inputWidth + "] but got "
                    + Arrays.toString(features.shape()));
        }
        int rows = Math.toIntExact(features.size(0));
        int width = outputWidth();
        if (rows == 0) {
            return new Examples(Nd4j.create(DataType.FLOAT, 0, width), examples.targets());
        }
        double[][] in = features.castTo(DataType.DOUBLE).toDoubleMatrix();
        float[] out = new float[rows * width];
        for (int r = 0; r < rows; r++) {
            encodeRow(in[r], out, r * width);
        }
        return new Examples(Nd4j.create(out, new long[] {rows, width}, 'c'), examples.targets());
    }

    private void encodeRow(double[] row, float[] out, int start) {
        int position = start;
        int next = 0;
        for (int i = 0; i < inputWidth; i++) {
            if (next < columns.length && columns[next] == i) {
                int count = labels[next].length;
                double code = row[i];
                if (code >= 0 && code < count && code == Math.rint(code)) {
                    out[position + (int) code] = 1f;
                }
                position += count;
                next++;
            } else {
                out[position++] = (float) row[i];
            }
        }
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("one-hot {");
        for (int k = 0; k < columns.length; k++) {
            out.append(k == 0 ? "" : ", ").append(columnNames[k]).append('=').append(Arrays.toString(labels[k]));
        }
        return out.append('}').toString();
    }

    private void check() {
        if (columnNames.length != columns.length || labels.length != columns.length) {
            throw new IllegalArgumentException("one name and one label list per column");
        }
        for (int k = 0; k < columns.length; k++) {
            if (columns[k] < 0 || columns[k] >= inputWidth || (k > 0 && columns[k] <= columns[k - 1])) {
                throw new IllegalArgumentException("columns must be ascending indices below " + inputWidth);
            }
        }
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        try {
            check();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidObjectException("damaged one-hot transform: " + e.getMessage());
        }
    }
}
