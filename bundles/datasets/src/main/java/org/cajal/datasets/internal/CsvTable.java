package org.cajal.datasets.internal;

import java.util.List;
import java.util.Map;

/**
 * What a CSV file holds once read: float features row by row, the target column's text (turned into classes or
 * values only once the whole column is known), and the file's checksum for provenance.
 *
 * @param features {@code rows * featureNames.size()} values, row by row; category indices for categorical columns
 * @param targets one trimmed target cell per kept data row
 * @param sha256 hex SHA-256 of the file's bytes
 * @param featureCategories for each categorical feature column, its labels in index order
 * @param dropped data rows left out because of missing values
 * @param imputed missing feature cells, NaN in {@code features}; each run fills them from its training rows
 */
record CsvTable(List<String> featureNames, String targetName, float[] features, List<String> targets,
                String sha256, Map<String, List<String>> featureCategories, int dropped, int imputed) {

    int rows() {
        return targets.size();
    }
}
