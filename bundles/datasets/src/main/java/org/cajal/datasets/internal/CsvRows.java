package org.cajal.datasets.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cajal.api.data.DatasetException;

/**
 * The accepted data rows of a CSV file while it is read: feature values as floats (numbers, category codes, or NaN
 * where a missing value is to be imputed) and the target column's text; finished into the table's features once
 * every row is known, because category indices depend on the whole column. Missing cells stay NaN: the run fills
 * them with statistics of its training rows only.
 */
final class CsvRows {

    /**
     * The finished features.
     *
     * @param values row by row; categorical columns hold category indices
     * @param categories for each categorical column, its labels in index order
     * @param missing number of missing cells left as NaN (to be imputed by the run)
     */
    record Features(float[] values, Map<String, List<String>> categories, int missing) {
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
     * Replaces category codes by sorted category indices; missing cells stay NaN, for the run to fill from its
     * training rows (a dataset cannot know which rows those are).
     *
     * @throws DatasetException if a column with missing cells has no value at all to fill from
     */
    Features finish(String file) throws DatasetException {
        float[] table = values.toArray();
        int width = missing.length;
        Map<String, List<String>> labels = new LinkedHashMap<>();
        int total = 0;
        for (int j = 0; j < width; j++) {
            if (categories[j] != null) {
                labels.put(featureNames.get(j), recode(table, j, width, categories[j].sorted()));
            }
            if (missing[j] == size()) {
                throw new DatasetException(file + ": column '" + featureNames.get(j) + "' has no value in any "
                        + "row, so there is nothing to impute from; leave it out of 'features' or fill it");
            }
            total += missing[j];
        }
        return new Features(table, labels, total);
    }

    private static List<String> recode(float[] table, int column, int width, CategoryCodes.Sorted sorted) {
        for (int i = column; i < table.length; i += width) {
            if (!Float.isNaN(table[i])) {
                table[i] = sorted.indexOfCode()[(int) table[i]];
            }
        }
        return sorted.labels();
    }
}
