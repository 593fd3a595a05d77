package org.cajal.datasets.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.cajal.api.data.DatasetException;

/**
 * Turns a target column's text into class indices or real values, deciding the task first when it is
 * {@link CsvTask#AUTO}. Class labels are sorted numerically when all are numbers, else alphabetically, so the
 * same file always gives the same class indices.
 */
final class TargetEncoder {

    /** @param classLabels the classes in index order, empty for regression */
    record EncodedTarget(float[] values, List<String> classLabels) {

        boolean classification() {
            return !classLabels.isEmpty();
        }
    }

    private TargetEncoder() {
    }

    static EncodedTarget encode(List<String> cells, CsvTask task, String targetName, String file)
            throws DatasetException {
        CsvTask resolved = task == CsvTask.AUTO ? infer(cells) : task;
        return resolved == CsvTask.REGRESSION ? regression(cells, targetName, file)
                : classification(cells, targetName, file);
    }

    /** Classification if any value is not a number, or all are whole numbers with few distinct values. */
    static CsvTask infer(List<String> cells) {
        Set<Double> distinct = new HashSet<>();
        boolean whole = true;
        for (String cell : cells) {
            if (!NumberText.isNumber(cell)) {
                return CsvTask.CLASSIFICATION;
            }
            double value = Double.parseDouble(cell) + 0.0; // -0 and 0 are one value
            whole &= NumberText.isWhole(value);
            if (distinct.size() <= CsvTask.MAX_AUTO_CLASSES) {
                distinct.add(value);
            }
        }
        return whole && distinct.size() <= CsvTask.MAX_AUTO_CLASSES ? CsvTask.CLASSIFICATION : CsvTask.REGRESSION;
    }

    private static EncodedTarget regression(List<String> cells, String targetName, String file)
            throws DatasetException {
        float[] values = new float[cells.size()];
        for (int i = 0; i < values.length; i++) {
            if (!NumberText.isFloat(cells.get(i))) {
                throw new DatasetException(file + ", target column '" + targetName + "', data row " + (i + 1)
                        + ": '" + cells.get(i) + "' is not a number in float range; fix the cell");
            }
            values[i] = Float.parseFloat(cells.get(i));
        }
        return new EncodedTarget(values, List.of());
    }

    private static EncodedTarget classification(List<String> cells, String targetName, String file)
            throws DatasetException {
        boolean numeric = cells.stream().allMatch(NumberText::isNumber);
        List<String> keys = numeric ? numericKeys(cells) : cells;
        List<String> labels = new ArrayList<>(numeric ? numericLabels(cells) : new TreeSet<>(cells));
        if (labels.size() < 2) {
            throw new DatasetException(file + ": target column '" + targetName + "' has only one value ('"
                    + labels.get(0) + "'); classification needs at least two classes");
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            index.put(labels.get(i), i);
        }
        float[] values = new float[keys.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = index.get(keys.get(i));
        }
        return new EncodedTarget(values, labels);
    }

    /** Each numeric cell as its canonical label, so that {@code 1} and {@code 1.0} are one class. */
    private static List<String> numericKeys(List<String> cells) {
        return cells.stream().map(c -> NumberText.label(Double.parseDouble(c))).toList();
    }

    private static List<String> numericLabels(List<String> cells) {
        TreeMap<Double, String> sorted = new TreeMap<>();
        for (String cell : cells) {
            double value = Double.parseDouble(cell) + 0.0; // -0 and 0 are one value
            sorted.putIfAbsent(value, NumberText.label(value));
        }
        return new ArrayList<>(sorted.values());
    }
}
