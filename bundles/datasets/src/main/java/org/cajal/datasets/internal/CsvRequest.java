package org.cajal.datasets.internal;

import java.util.Optional;

/**
 * How the user asked for a CSV file to be read.
 *
 * @param delimiter the character between values
 * @param target the target column's name
 * @param features comma-separated feature column names, or empty for every column but the target
 * @param task the requested task; for {@link CsvTask#REGRESSION} target cells must be numbers
 * @param categorical which feature columns hold categories
 * @param missing what to do with missing cells
 */
record CsvRequest(char delimiter, String target, Optional<String> features, CsvTask task,
                  CategoricalSelection categorical, MissingValues missing) {
}
