package org.cajal.datasets.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** What a CSV dataset does with missing cells, as the user chooses it in the {@code missing} parameter. */
enum MissingValues {
    /** A missing cell is an error naming its line and column (the default: nothing is silently changed). */
    ERROR("error"),
    /** Rows with a missing feature or target are left out; their number is logged and kept in the identity. */
    DROP("drop"),
    /** A missing feature becomes its column's mean (numeric) or most frequent category; no target means no row. */
    IMPUTE("impute");

    /**
     * The cell texts (after trimming) that mean "no value": empty, and what R, pandas and the UCI repository write.
     * Matched exactly, so {@code na} or {@code nan} in lower case are ordinary text.
     */
    static final Set<String> MARKERS = Set.of("", "NA", "NaN", "?");

    private final String id;

    MissingValues(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    /** Whether a trimmed cell is a missing value. */
    static boolean isMissing(String trimmed) {
        return MARKERS.contains(trimmed);
    }

    static List<String> ids() {
        return Arrays.stream(values()).map(MissingValues::id).toList();
    }

    static MissingValues byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown missing-value policy '" + id + "'; known: "
                        + ids()));
    }
}
