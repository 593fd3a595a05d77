package org.cajal.runtime.internal.pipeline;

import java.util.ArrayList;
import java.util.List;

import org.cajal.api.data.Dataset;
import org.cajal.api.data.DatasetException;
import org.cajal.api.pipeline.SplitSpec;

/**
 * The classes a split has to keep: refuses a classification target that looks continuous, and words a warning for
 * each class a split could not place in every part (too few examples for the split or the folds, or none in the
 * test split).
 */
final class SplitCheck {

    private final int size;
    /** Each example's class index, or null when the target is not classes. */
    private final float[] classes;
    private final List<String> labels;

    private SplitCheck(int size, float[] classes, List<String> labels) {
        this.size = size;
        this.classes = classes;
        this.labels = labels;
    }

    /** Reads the dataset's classes (when it has them) and checks that they look like classes. */
    static SplitCheck of(Dataset dataset) throws DatasetException {
        int n = dataset.size();
        if (!dataset.schema().targetKind().isClassification()) {
            return new SplitCheck(n, null, List.of());
        }
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        List<String> labels = dataset.schema().classLabels();
        continuous(labels, n);
        return new SplitCheck(n, dataset.targets(all).toFloatVector(), labels);
    }

    /**
     * Refuses classes that are really a measurement: more than half the rows are distinct non-integer numbers (a
     * float column read as one class per value leaves most classes with one example, and no validation or test
     * data).
     */
    static void continuous(List<String> labels, int rows) throws DatasetException {
        long fractional = labels.stream().filter(SplitCheck::nonInteger).count();
        if (fractional * 2 > rows) {
            throw new DatasetException("the classification target has " + fractional + " distinct non-integer "
                    + "values among " + rows + " rows (e.g. " + labels.stream().filter(SplitCheck::nonInteger)
                    .findFirst().orElse("") + "), so it looks continuous: set \"task\": \"regression\" in "
                    + "$.dataset.params.task, or name a column of classes in $.dataset.params.target");
        }
    }

    private static boolean nonInteger(String label) {
        try {
            double v = Double.parseDouble(label.trim());
            return Double.isFinite(v) && v != Math.rint(v);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** One group per class (stratified classification), else one group of all examples. */
    List<List<Integer>> groups(boolean stratify) {
        return Split.groups(size, stratify ? classes : null);
    }

    /** A sentence for each class some part of the splits lacks; empty when every class is everywhere. */
    List<String> warnings(List<Split> splits, SplitSpec spec) {
        List<String> out = new ArrayList<>();
        if (classes == null) {
            return out;
        }
        int[] total = counts(null);
        int[] test = counts(splits.get(0).test());
        int[] validation = counts(splits.get(0).validation());
        for (int c = 0; c < labels.size(); c++) {
            if (total[c] == 0) {
                continue;
            }
            List<String> lacks = new ArrayList<>();
            if (splits.get(0).test().length > 0 && test[c] == 0) {
                lacks.add("the test split has none");
            }
            if (spec.isKFold()) {
                int without = 0;
                for (Split s : splits) {
                    without += counts(s.validation())[c] == 0 ? 1 : 0;
                }
                if (without > 0) {
                    lacks.add(without + " of the " + splits.size() + " folds validate without it");
                }
            } else if (splits.get(0).validation().length > 0 && validation[c] == 0) {
                lacks.add("the validation split has none");
            }
            if (!lacks.isEmpty()) {
                out.add("class '" + labels.get(c) + "' has " + total[c] + (total[c] == 1 ? " example" : " examples")
                        + ": " + String.join(" and ", lacks) + ", so its metrics there are missing ("
                        + (spec.stratify() ? "too few for the split: add examples of it, merge classes or change "
                        + (spec.isKFold() ? "$.split.folds" : "$.split") : "$.split.stratify is false") + ")");
            }
        }
        return out;
    }

    /** Examples per class among the given indices (all examples for null). */
    private int[] counts(int[] indices) {
        int[] out = new int[labels.size()];
        int n = indices == null ? size : indices.length;
        for (int i = 0; i < n; i++) {
            int c = (int) classes[indices == null ? i : indices[i]];
            if (c >= 0 && c < out.length) {
                out[c]++;
            }
        }
        return out;
    }
}
