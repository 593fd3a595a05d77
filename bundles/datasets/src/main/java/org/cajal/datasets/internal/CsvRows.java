package org.cajal.datasets.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cajal.api.data.DatasetException;

/**
 * The accepted data rows of a CSV file while it is read: feature values as floats (numbers, category codes, or NaN
 * where a missing value is to be imputed) and the target column's text; finished into the table's features once
 * every row is known, because category indices and imputed values depend on the whole column.
 */
final class CsvRows {

    /**
     * The finished features.
     *
     * @param values row by row; categorical columns hold category indices
     * @param categories for each categorical column, its labels in index order
     * @param imputed number of cells filled in
     */
    record Features(float[] values, Map<String, List<String>> categories, int imputed) {
    }

    private final List<String> featureNames;
    private final CategoryCodes[] categories;
    private final FloatArrayBuilder values = new FloatArrayBuilder();
    private final List<String> targets = new ArrayList<>();
    private final int[] missing;

    /** @param categorical for each feature column, whether it holds categories */
    CsvRows(List<String> featureNames, boolean[] categorical) {
        this.featureNames = List.copyOf(featureNames);
        this.categories = new CategoryCodes[categorical.length];
        for (int j = 0; j < categorical.length; j++) {
            categories[j] = categorical[j] ? new CategoryCodes() : null;
        }
        this.missing = new int[categorical.length];
    }

    /**
     * Adds one row.
     *
     * @param cells the trimmed feature cells, {@code null} where the value is missing and is to be imputed; the cells
     *              of numeric columns have been checked to be numbers
     * @param target the trimmed target cell
     */
    void add(String[] cells, String target) {
        for (int j = 0; j < cells.length; j++) {
            if (cells[j] == null) {
                values.add(Float.NaN);
                missing[j]++;
            } else {
                values.add(categories[j] != null ? categories[j].code(cells[j]) : Float.parseFloat(cells[j]));
            }
        }
        targets.add(target);
    }

    int size() {
        return targets.size();
    }

    List<String> targets() {
        return targets;
    }

    /**
     * Replaces category codes by sorted category indices, then fills missing cells with the column's mean or most
     * frequent category.
     *
     * @throws DatasetException if a column with missing cells has no value at all to impute from
     */
    Features finish(String file) throws DatasetException {
        float[] table = values.toArray();
        int width = missing.length;
        Map<String, List<String>> labels = new LinkedHashMap<>();
        int imputed = 0;
        for (int j = 0; j < width; j++) {
            if (categories[j] != null) {
                labels.put(featureNames.get(j), recode(table, j, width, categories[j].sorted()));
            }
            if (missing[j] > 0) {
                if (missing[j] == size()) {
                    throw new DatasetException(file + ": column '" + featureNames.get(j) + "' has no value in any "
                            + "row, so there is nothing to impute from; leave it out of 'features' or fill it");
                }
                float fill = categories[j] != null ? mostFrequent(table, j, width, labels.get(featureNames.get(j)))
                        : mean(table, j, width);
                fillMissing(table, j, width, fill);
                imputed += missing[j];
            }
        }
        return new Features(table, labels, imputed);
    }

    private static List<String> recode(float[] table, int column, int width, CategoryCodes.Sorted sorted) {
        for (int i = column; i < table.length; i += width) {
            if (!Float.isNaN(table[i])) {
                table[i] = sorted.indexOfCode()[(int) table[i]];
            }
        }
        return sorted.labels();
    }

    private static float mean(float[] table, int column, int width) {
        double sum = 0;
        int count = 0;
        for (int i = column; i < table.length; i += width) {
            if (!Float.isNaN(table[i])) {
                sum += table[i];
                count++;
            }
        }
        return (float) (sum / count);
    }

    /** The most frequent category index; a tie goes to the lowest index, so the result does not depend on row order. */
    private static float mostFrequent(float[] table, int column, int width, List<String> labels) {
        int[] counts = new int[labels.size()];
        for (int i = column; i < table.length; i += width) {
            if (!Float.isNaN(table[i])) {
                counts[(int) table[i]]++;
            }
        }
        int best = 0;
        for (int k = 1; k < counts.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return best;
    }

    private static void fillMissing(float[] table, int column, int width, float fill) {
        for (int i = column; i < table.length; i += width) {
            if (Float.isNaN(table[i])) {
                table[i] = fill;
            }
        }
    }
}
