package org.cajal.runtime.internal.pipeline;

import java.util.List;
import java.util.Map;

import org.cajal.api.data.DataSchema;
import org.cajal.api.data.Dataset;
import org.cajal.api.data.DatasetException;
import org.cajal.api.data.FittedTransform;
import org.cajal.api.pipeline.Problem;

/**
 * With k-fold, each fold keeps the categories of its own training rows; when a category lies in one fold only,
 * that fold lacks it, and if the preprocessing turns categories into columns (one-hot) its features are narrower
 * than the others'. The folds' models share one layer stack built for the first fold's width, so such data is a
 * problem that names the category, rather than a failure in the middle of the run.
 */
final class FoldCategories {

    private FoldCategories() {
    }

    /**
     * Adds a problem if a fold's features would be shaped differently from the first fold's.
     *
     * @param first the first fold's fitted transforms, {@code schema} the schema they give
     */
    static void check(Dataset dataset, List<Split> splits, List<FittedTransform> first, DataSchema schema,
                      PreprocessingPlan plan, List<Problem> problems) throws DatasetException {
        if (splits.size() < 2 || first.isEmpty() || !(first.get(0) instanceof TrainingColumns columns)
                || columns.categories().isEmpty()) {
            return;
        }
        Map<String, List<String>> reference = columns.categories();
        for (int f = 1; f < splits.size(); f++) {
            Map<String, List<String>> fold = TrainingColumnsFit.fit(dataset, splits.get(f)).categories();
            if (fold.equals(reference)) {
                continue;
            }
            DataSchema shaped = Preprocessing.schema(dataset.schema(), plan.fit(dataset, splits.get(f)));
            if (!shaped.featureShape().equals(schema.featureShape())) {
                problems.add(new Problem("$.split", message(reference, fold, f + 1, schema, shaped)));
                return;
            }
        }
    }

    private static String message(Map<String, List<String>> first, Map<String, List<String>> other, int fold,
                                  DataSchema firstSchema, DataSchema otherSchema) {
        String where = "";
        for (Map.Entry<String, List<String>> e : first.entrySet()) {
            List<String> theirs = other.get(e.getKey());
            String only = only(e.getValue(), theirs, 1, fold);
            only = only.isEmpty() ? only(theirs, e.getValue(), fold, 1) : only;
            if (!only.isEmpty()) {
                where = "column '" + e.getKey() + "': " + only;
                break;
            }
        }
        return "with k-fold, each fold keeps only the categories of its own training rows (so no validation "
                + "row shapes its model), but " + where + "; fold 1's features then have "
                + firstSchema.featureCount() + " columns and fold " + fold + "'s " + otherSchema.featureCount()
                + ", and the folds share one layer stack; merge rare categories, use fewer folds, or a hold-out "
                + "split";
    }

    /** {@code category 'x' is in fold a's training rows but not in fold b's}, or empty. */
    private static String only(List<String> in, List<String> notIn, int a, int b) {
        for (String label : in) {
            if (!notIn.contains(label)) {
                return "category '" + label + "' is in fold " + a + "'s training rows but not in fold " + b
                        + "'s (its rows all fall in fold " + b + ")";
            }
        }
        return "";
    }
}
