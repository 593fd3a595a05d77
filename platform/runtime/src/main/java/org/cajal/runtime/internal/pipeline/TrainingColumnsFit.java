package org.cajal.runtime.internal.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.cajal.api.data.DataSchema;
import org.cajal.api.data.Dataset;
import org.cajal.api.data.DatasetException;
import org.nd4j.linalg.api.buffer.DataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits {@link TrainingColumns} on a split's training rows alone: each numeric column's mean, each categorical
 * column's categories and most frequent category (ties: the lowest index). Missing cells (NaN, as a dataset marks
 * them) are skipped. The validation and test rows are then only counted — missing cells and categories the
 * training rows lack — for the run's record; no value of theirs enters a statistic.
 */
final class TrainingColumnsFit {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingColumnsFit.class);

    /** The splits in the record's order. */
    private static final List<String> SPLITS = List.of("train", "validation", "test");

    private final DataSchema schema;
    private final List<String> names;
    private final int width;
    /** Per column: null for numeric, else the count of each dataset category in the training rows. */
    private final int[][] counts;
    private final double[] sums;
    private final int[] present;
    /** Per split, per column: cells that were missing, and cells holding a category the training rows lack. */
    private final int[][] missing = new int[3][];
    private final int[][] unseen = new int[3][];
    private final List<TreeSet<String>> unseenLabels = new ArrayList<>();

    private TrainingColumnsFit(DataSchema schema) {
        this.schema = schema;
        this.names = schema.featureNames();
        this.width = names.size();
        this.counts = new int[width][];
        for (int j = 0; j < width; j++) {
            List<String> labels = schema.featureCategories().get(names.get(j));
            counts[j] = labels == null ? null : new int[labels.size()];
            unseenLabels.add(new TreeSet<>());
        }
        this.sums = new double[width];
        this.present = new int[width];
        for (int s = 0; s < 3; s++) {
            missing[s] = new int[width];
            unseen[s] = new int[width];
        }
    }

    /** Whether the data are a table of named columns, the data these statistics are for. */
    static boolean applies(DataSchema schema) {
        return schema.featureShape().size() == 1 && !schema.featureNames().isEmpty()
                && schema.featureNames().size() == schema.featureCount();
    }

    /**
     * Fits on the split's training rows and counts what the fitted values fill in each split.
     *
     * @throws DatasetException if a column has no value in any training row
     */
    static TrainingColumns fit(Dataset dataset, Split split) throws DatasetException {
        TrainingColumnsFit fit = new TrainingColumnsFit(dataset.schema());
        fit.learn(dataset, split.train());
        int[][] remap = fit.remap();
        String[][] labels = fit.labels(remap);
        float[] fill = fit.fill(remap, split.train().length);
        int[][] parts = {split.train(), split.validation(), split.test()};
        for (int s = 0; s < 3; s++) {
            fit.count(dataset, parts[s], s, remap);
        }
        Map<String, Object> record = fit.record(parts, labels, fill);
        fit.log(record);
        return new TrainingColumns(fit.names.toArray(String[]::new), remap, labels, fill, record);
    }

    private void learn(Dataset dataset, int[] train) throws DatasetException {
        for (int from = 0; from < train.length; from += Preprocessing.FIT_BATCH) {
            float[] rows = features(dataset, Arrays.copyOfRange(train, from,
                    Math.min(train.length, from + Preprocessing.FIT_BATCH)));
            for (int i = 0; i < rows.length; i++) {
                int j = i % width;
                float v = rows[i];
                if (Float.isNaN(v)) {
                    continue;
                }
                if (counts[j] == null) {
                    sums[j] += v;
                    present[j]++;
                } else if (TrainingColumns.isIndex(v, counts[j].length)) {
                    counts[j][(int) v]++;
                    present[j]++;
                }
            }
        }
    }

    /** Per categorical column: each dataset category's index among the training categories, or -1. */
    private int[][] remap() {
        int[][] out = new int[width][];
        for (int j = 0; j < width; j++) {
            if (counts[j] != null) {
                out[j] = new int[counts[j].length];
                int next = 0;
                for (int k = 0; k < counts[j].length; k++) {
                    out[j][k] = counts[j][k] > 0 ? next++ : -1;
                }
            }
        }
        return out;
    }

    private String[][] labels(int[][] remap) {
        String[][] out = new String[width][];
        for (int j = 0; j < width; j++) {
            if (remap[j] != null) {
                List<String> all = schema.featureCategories().get(names.get(j));
                List<String> kept = new ArrayList<>();
                for (int k = 0; k < remap[j].length; k++) {
                    if (remap[j][k] >= 0) {
                        kept.add(all.get(k));
                    }
                }
                out[j] = kept.toArray(String[]::new);
            }
        }
        return out;
    }

    private float[] fill(int[][] remap, int trainingRows) throws DatasetException {
        float[] out = new float[width];
        for (int j = 0; j < width; j++) {
            if (present[j] == 0) {
                throw new DatasetException("column '" + names.get(j) + "' has no value in any of the "
                        + trainingRows + " training rows, so there is nothing to fill its missing cells from "
                        + "(fill values come from the training rows only); leave the column out or fill it");
            }
            if (counts[j] == null) {
                out[j] = (float) (sums[j] / present[j]);
            } else {
                int best = 0;
                for (int k = 1; k < counts[j].length; k++) {
                    best = counts[j][k] > counts[j][best] ? k : best;
                }
                out[j] = remap[j][best];
            }
        }
        return out;
    }

    /** Counts, in one split, the missing cells and the categories the training rows lack. */
    private void count(Dataset dataset, int[] indices, int split, int[][] remap) throws DatasetException {
        for (int from = 0; from < indices.length; from += Preprocessing.FIT_BATCH) {
            float[] rows = features(dataset, Arrays.copyOfRange(indices, from,
                    Math.min(indices.length, from + Preprocessing.FIT_BATCH)));
            for (int i = 0; i < rows.length; i++) {
                int j = i % width;
                if (Float.isNaN(rows[i])) {
                    missing[split][j]++;
                } else if (remap[j] != null && TrainingColumns.trainingIndex(remap[j], rows[i]) < 0) {
                    unseen[split][j]++;
                    unseenLabels.get(j).add(label(j, rows[i]));
                }
            }
        }
    }

    private String label(int j, float raw) {
        List<String> all = schema.featureCategories().get(names.get(j));
        return TrainingColumns.isIndex(raw, all.size()) ? all.get((int) raw) : Float.toString(raw);
    }

    private Map<String, Object> record(int[][] parts, String[][] labels, float[] fill) {
        Map<String, Object> rows = new LinkedHashMap<>();
        for (int s = 0; s < 3; s++) {
            rows.put(SPLITS.get(s), parts[s].length);
        }
        List<Map<String, Object>> columns = new ArrayList<>();
        int total = 0;
        for (int j = 0; j < width; j++) {
            int filled = 0;
            for (int s = 0; s < 3; s++) {
                filled += missing[s][j] + unseen[s][j];
            }
            if (filled > 0) {
                columns.add(column(j, labels, fill));
                total += filled;
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("fittedOn", "train");
        out.put("rows", rows);
        out.put("filled", total);
        out.put("columns", columns);
        return out;
    }

    private Map<String, Object> column(int j, String[][] labels, float[] fill) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("column", names.get(j));
        boolean categorical = labels[j] != null;
        m.put("statistic", categorical ? "most frequent category" : "mean");
        m.put("value", categorical ? labels[j][(int) fill[j]] : Double.parseDouble(Float.toString(fill[j])));
        m.put("fromRows", present[j]);
        m.put("missing", perSplit(missing, j));
        if (categorical) {
            m.put("unseenCategory", perSplit(unseen, j));
            m.put("unseenCategories", List.copyOf(unseenLabels.get(j)));
        }
        return m;
    }

    private static Map<String, Object> perSplit(int[][] cells, int j) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int s = 0; s < 3; s++) {
            m.put(SPLITS.get(s), cells[s][j]);
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private void log(Map<String, Object> record) {
        for (Map<String, Object> c : (List<Map<String, Object>>) record.get("columns")) {
            LOG.info("column '{}': missing cells {} and categories unseen in training {} are filled with the "
                    + "training rows' {} {}", c.get("column"), c.get("missing"),
                    c.getOrDefault("unseenCategory", Map.of()), c.get("statistic"), c.get("value"));
        }
    }

    private float[] features(Dataset dataset, int[] indices) throws DatasetException {
        return dataset.read(indices).features().castTo(DataType.FLOAT).dup('c').data().asFloat();
    }
}
