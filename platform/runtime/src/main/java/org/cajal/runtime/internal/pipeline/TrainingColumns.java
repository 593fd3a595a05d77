package org.cajal.runtime.internal.pipeline;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cajal.api.data.DataSchema;
import org.cajal.api.data.Examples;
import org.cajal.api.data.FittedTransform;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The first fitted step of every tabular run, fitted on the training rows only (see {@link TrainingColumnsFit}):
 * each categorical column keeps only the categories its training rows hold (re-indexed in the dataset's order), and
 * a missing cell (NaN) or a category the training rows lack becomes the column's fill value: the training rows'
 * mean (numeric) or most frequent category. Saved with the model like any preprocessing, so prediction applies the
 * same values. Targets pass unchanged. Immutable.
 */
final class TrainingColumns implements FittedTransform {

    private static final long serialVersionUID = 1L;

    private final String[] names;
    /** Per column: null for a numeric column, else for each dataset category index its training index or -1. */
    private final int[][] remap;
    /** Per categorical column (null for numeric ones): the training categories in index order. */
    private final String[][] labels;
    /** Per column: the fill value, in the output's coding (a training category index for a categorical column). */
    private final float[] fill;
    /** What was filled where, for the run's record; not saved with the model. */
    private final transient Map<String, Object> record;

    TrainingColumns(String[] names, int[][] remap, String[][] labels, float[] fill, Map<String, Object> record) {
        this.names = names.clone();
        this.remap = Arrays.stream(remap).map(r -> r == null ? null : r.clone()).toArray(int[][]::new);
        this.labels = Arrays.stream(labels).map(l -> l == null ? null : l.clone()).toArray(String[][]::new);
        this.fill = fill.clone();
        this.record = record;
        check();
    }

    /**
     * The record of the first {@link TrainingColumns} among fitted transforms, as written to the run: the rows of
     * each split and, for every column with a filled cell, its fill value, where it came from, and how many cells of
     * each split were missing or held a category the training rows lack. Empty when there is no such transform
     * (non-tabular data) or it was read back from a model file.
     */
    static Optional<Map<String, Object>> record(List<FittedTransform> transforms) {
        return transforms.stream().filter(TrainingColumns.class::isInstance).map(TrainingColumns.class::cast)
                .findFirst().map(t -> t.record);
    }

    /** The provenance keys of a record: {@code imputed} (column → split → missing cells) and the record itself. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> provenance(Map<String, Object> record) {
        Map<String, Object> imputed = new LinkedHashMap<>();
        for (Map<String, Object> column : (List<Map<String, Object>>) record.get("columns")) {
            Map<String, Object> missing = (Map<String, Object>) column.get("missing");
            if (missing.values().stream().anyMatch(n -> ((Integer) n) > 0)) {
                imputed.put((String) column.get("column"), missing);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("imputed", imputed);
        out.put("dataPreparation", record);
        return out;
    }

    /** For each categorical column, the categories its training rows hold, in index order. */
    Map<String, List<String>> categories() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int j = 0; j < names.length; j++) {
            if (labels[j] != null) {
                out.put(names[j], List.of(labels[j]));
            }
        }
        return out;
    }

    @Override
    public DataSchema outputSchema(DataSchema input) {
        if (input.featureShape().size() != 1 || !input.featureNames().equals(List.of(names))) {
            throw new IllegalArgumentException("the training columns were fitted on the features "
                    + String.join(", ", names) + " but the input has " + input.featureNames());
        }
        Map<String, List<String>> categories = new LinkedHashMap<>(input.featureCategories());
        categories.putAll(categories());
        return input.withFeatures(input.featureNames(), input.featureShape(), categories);
    }

    @Override
    public Examples apply(Examples examples) {
        INDArray features = examples.features();
        int width = names.length;
        if (features.rank() != 2 || features.size(1) != width) {
            throw new IllegalArgumentException("the training columns expect features of shape [n, " + width
                    + "] but got " + Arrays.toString(features.shape()));
        }
        int rows = Math.toIntExact(features.size(0));
        if (rows == 0) {
            return examples;
        }
        float[] values = features.castTo(DataType.FLOAT).dup('c').data().asFloat();
        for (int i = 0; i < values.length; i++) {
            values[i] = value(i % width, values[i]);
        }
        return new Examples(Nd4j.create(values, new long[] {rows, width}, 'c'), examples.targets());
    }

    /** A raw value of column {@code j} as the model sees it. */
    float value(int j, float raw) {
        if (remap[j] == null) {
            return Float.isNaN(raw) ? fill[j] : raw;
        }
        int index = trainingIndex(remap[j], raw);
        return index < 0 ? fill[j] : index;
    }

    /**
     * The training index of a raw category value, or -1 (missing, not a category index, or unseen in training).
     *
     * @param remap for each dataset category index its training index or -1
     */
    static int trainingIndex(int[] remap, float raw) {
        return isIndex(raw, remap.length) ? remap[(int) raw] : -1;
    }

    /** Whether a raw value is the index of one of {@code count} categories. */
    static boolean isIndex(float raw, int count) {
        return raw >= 0 && raw < count && raw == Math.rint(raw);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("training columns {");
        for (int j = 0; j < names.length; j++) {
            out.append(j == 0 ? "" : ", ").append(names[j]).append(" fill ")
                    .append(labels[j] == null ? Float.toString(fill[j]) : labels[j][(int) fill[j]]);
        }
        return out.append('}').toString();
    }

    private void check() {
        int width = names.length;
        if (remap.length != width || labels.length != width || fill.length != width) {
            throw new IllegalArgumentException("one category map, label list and fill value per column");
        }
        for (int j = 0; j < width; j++) {
            if ((remap[j] == null) != (labels[j] == null)) {
                throw new IllegalArgumentException("column '" + names[j] + "' is categorical in part only");
            }
            if (labels[j] != null && (fill[j] < 0 || fill[j] >= labels[j].length || labels[j].length == 0)) {
                throw new IllegalArgumentException("column '" + names[j] + "' fills a category it does not have");
            }
        }
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        try {
            check();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidObjectException("damaged training-columns transform: " + e.getMessage());
        }
    }
}
