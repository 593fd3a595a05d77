package org.cajal.datasets.internal;

import java.util.Arrays;
import java.util.List;

/** The learning task a CSV target column is read for, as the user chooses it in the {@code task} parameter. */
enum CsvTask {
    /** Classification when the target has a non-numeric value, or only whole numbers with at most 10 distinct ones. */
    AUTO("auto"),
    /** Every distinct target value is a class. */
    CLASSIFICATION("classification"),
    /** The target is a real number. */
    REGRESSION("regression");

    /** Most distinct whole-number values that {@link #AUTO} still reads as classes. */
    static final int MAX_AUTO_CLASSES = 10;

    private final String id;

    CsvTask(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    static List<String> ids() {
        return Arrays.stream(values()).map(CsvTask::id).toList();
    }

    static CsvTask byId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown task '" + id + "'; known: " + ids()));
    }
}
