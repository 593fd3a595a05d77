package org.cajal.datasets.internal;

import java.util.List;

/**
 * What a CSV file holds once read: float features row by row, the target column's text (turned into classes or
 * values only once the whole column is known), and the file's checksum for provenance.
 *
 * @param features {@code rows * featureNames.size()} values, row by row
 * @param targets one trimmed target cell per data row
 * @param sha256 hex SHA-256 of the file's bytes
 */
record CsvTable(List<String> featureNames, String targetName, float[] features, List<String> targets,
                String sha256) {

    int rows() {
        return targets.size();
    }
}
