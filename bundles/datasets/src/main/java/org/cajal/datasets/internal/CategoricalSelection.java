package org.cajal.datasets.internal;

import java.util.ArrayList;
import java.util.List;

import org.cajal.api.data.DatasetException;

/**
 * Which CSV feature columns hold categories rather than numbers, as the {@code categorical} parameter says:
 * {@code none} (every feature is a number), {@code auto} (every feature column with a non-numeric value) or
 * column names separated by commas.
 */
record CategoricalSelection(boolean auto, List<String> names) {

    static final String NONE = "none";
    static final String AUTO = "auto";

    CategoricalSelection {
        names = List.copyOf(names);
    }

    static CategoricalSelection parse(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty() || trimmed.equalsIgnoreCase(NONE)) {
            return new CategoricalSelection(false, List.of());
        }
        if (trimmed.equalsIgnoreCase(AUTO)) {
            return new CategoricalSelection(true, List.of());
        }
        List<String> names = new ArrayList<>();
        for (String raw : trimmed.split(",")) {
            if (!raw.isBlank() && !names.contains(raw.trim())) {
                names.add(raw.trim());
            }
        }
        return new CategoricalSelection(false, names);
    }

    /**
     * For each feature column (in feature order), whether it is named as categorical.
     *
     * @throws DatasetException naming a column that is not a feature, and listing the feature columns
     */
    boolean[] named(CsvColumns columns, String file) throws DatasetException {
        List<String> features = columns.featureNames();
        boolean[] categorical = new boolean[features.size()];
        for (String name : names) {
            int index = features.indexOf(name);
            if (index < 0) {
                String why = name.equals(columns.targetName())
                        ? "it is the target, whose classes 'task' decides"
                        : "it is not one of the feature columns";
                throw new DatasetException(file + ": 'categorical' names column '" + name + "' but " + why
                        + "; feature columns: " + String.join(", ", features)
                        + " (or write auto for every feature column with text, or none)");
            }
            categorical[index] = true;
        }
        return categorical;
    }
}
