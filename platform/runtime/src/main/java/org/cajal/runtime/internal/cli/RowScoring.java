package org.cajal.runtime.internal.cli;

import java.util.ArrayList;
import java.util.List;

import org.cajal.api.data.DataSchema;
import org.cajal.api.data.Examples;
import org.cajal.api.data.FittedTransform;
import org.cajal.runtime.internal.folder.SavedModel;
import org.cajal.runtime.internal.pipeline.Preprocessing;
import org.cajal.runtime.internal.pipeline.TargetScale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Scores raw rows with a saved model under the run's own handling of missing cells and categories, row by row:
 *
 * <ul>
 * <li>a missing cell is passed to the saved preprocessing as NaN; it is scored only when the run's missing-value
 * policy is {@code impute} and the saved preprocessing filled it (with the fill values fitted in training);
 * under any other policy, or without a saved fill value, the row is not scored;</li>
 * <li>a category that is unknown, or that the run's training rows lacked, is scored as the saved preprocessing
 * encodes it, with a warning saying how: as the run's fill category, or as all-zero one-hot columns; when the
 * preprocessing gives the model no category for it, the row is not scored.</li>
 * </ul>
 * A row that cannot be scored is rejected with its reason; the others are scored.
 */
final class RowScoring {

    /** The missing-value policy under which the saved preprocessing fills missing cells. */
    static final String IMPUTE = "impute";

    /** A row that was not scored, and why. */
    record Rejected(TabularInput.Row row, String reason) {
    }

    /**
     * What scoring gave.
     *
     * @param scored   the scored rows, in file order
     * @param outputs  one output row per scored row: class probabilities, or values in the target's units
     * @param rejected the rows not scored
     * @param warnings rows scored with a caveat (an unknown category), one message each
     */
    record Outcome(List<TabularInput.Row> scored, double[][] outputs, List<Rejected> rejected,
                   List<String> warnings) {
    }

    private final SavedModel model;
    private final String missingPolicy;
    private final DataSchema encoded;

    /**
     * @param missingPolicy the run's missing-value policy as its pipeline names it ({@code error}, {@code drop},
     *                      {@code impute}), or null when its dataset has none
     */
    RowScoring(SavedModel model, String missingPolicy) {
        this.model = model;
        this.missingPolicy = missingPolicy;
        DataSchema s = model.schema();
        for (FittedTransform t : model.transforms()) {
            s = t.outputSchema(s);
        }
        this.encoded = s;
    }

    Outcome score(List<TabularInput.Row> rows) {
        List<Rejected> rejected = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<TabularInput.Row> candidates = new ArrayList<>();
        for (TabularInput.Row row : rows) {
            String reason = reasonNotToScore(row);
            if (reason != null) {
                rejected.add(new Rejected(row, reason));
                continue;
            }
            candidates.add(row);
        }
        if (candidates.isEmpty()) {
            return new Outcome(List.of(), new double[0][], rejected, warnings);
        }
        INDArray features = preprocessed(candidates);
        List<TabularInput.Row> scored = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            double[] encodedRow = features.getRow(i).toDoubleVector();
            String unfilled = unfilled(candidates.get(i), encodedRow);
            unfilled = unfilled != null ? unfilled : categories(candidates.get(i), encodedRow, warnings);
            if (unfilled == null) {
                scored.add(candidates.get(i));
                kept.add(i);
            } else {
                rejected.add(new Rejected(candidates.get(i), unfilled));
            }
        }
        rejected.sort((a, b) -> Integer.compare(a.row().number(), b.row().number()));
        return new Outcome(scored, outputs(scored, features, kept), rejected, warnings);
    }

    /** Why the row is not scored before any preprocessing, or null. */
    private String reasonNotToScore(TabularInput.Row row) {
        if (row.problem() != null) {
            return row.problem();
        }
        if (!row.missing().isEmpty() && !IMPUTE.equals(missingPolicy)) {
            return missingText(row) + "; " + (missingPolicy == null
                    ? "the run's dataset has no missing-value policy, so the model has no fill value"
                    : "the run's missing-value policy is '" + missingPolicy + "' (not impute), so the model has "
                    + "no fill value");
        }
        return null;
    }

    /**
     * Checks how the saved preprocessing encoded each categorical cell of a row that is not missing; adds a warning
     * where the model sees another category than the one written, or none.
     *
     * @return why the row is not scored (a category the model cannot take), or null
     */
    private String categories(TabularInput.Row row, double[] features, List<String> warnings) {
        List<String> names = model.schema().featureNames();
        for (int f = 0; f < names.size(); f++) {
            String column = names.get(f);
            List<String> known = model.schema().featureCategories().get(column);
            if (known == null || row.missing().contains(column)) {
                continue;
            }
            TabularInput.Unseen unseen = row.unseen().stream().filter(u -> u.column().equals(column)).findFirst()
                    .orElse(null);
            String written = unseen != null ? unseen.value() : known.get((int) row.values()[f]);
            String what = unseen != null ? unseen.toString()
                    : "column '" + column + "': '" + written + "' is not among the categories of the run's training rows";
            String seen = seenAs(column, features);
            if (seen == null) {
                return what + ", and the run's saved preprocessing gives the model no category for it";
            } else if (seen.isEmpty()) {
                warnings.add(row.where() + ": " + what + "; scored with all of its one-hot columns 0");
            } else if (!seen.equals(written)) {
                warnings.add(row.where() + ": " + what + "; scored as '" + seen + "', the run's fill category");
            }
        }
        return null;
    }

    /**
     * The category the model sees for a categorical column of a preprocessed row: its label, "" when every one-hot
     * column is 0, or null when the value is not a category index.
     */
    private String seenAs(String column, double[] features) {
        List<String> names = encoded.featureNames();
        int at = names.indexOf(column);
        if (at >= 0) {
            List<String> labels = encoded.featureCategories().getOrDefault(column, List.of());
            double v = features[at];
            return v >= 0 && v < labels.size() && v == Math.rint(v) ? labels.get((int) v) : null;
        }
        String label = "";
        for (int c = 0; c < names.size(); c++) {
            if (names.get(c).startsWith(column + "=") && features[c] != 0) {
                label = names.get(c).substring(column.length() + 1);
            }
        }
        return label;
    }

    /** Why a row with missing cells was not filled by the saved preprocessing, or null when it was. */
    private String unfilled(TabularInput.Row row, double[] features) {
        if (row.missing().isEmpty()) {
            return null;
        }
        boolean filled = true;
        for (double v : features) {
            filled &= Double.isFinite(v);
        }
        for (String column : row.missing()) {
            if (model.schema().featureCategories().containsKey(column)) {
                String seen = seenAs(column, features);
                filled &= seen != null && !seen.isEmpty();
            }
        }
        return filled ? null : missingText(row) + ", and the run's saved preprocessing holds no fill value for "
                + "it (the run imputed missing values but did not save them with the model; retrain it to save "
                + "them)";
    }

    private static String missingText(TabularInput.Row row) {
        return (row.missing().size() == 1 ? "column '" + row.missing().get(0) + "' has"
                : "columns '" + String.join("', '", row.missing()) + "' have") + " no value";
    }

    /** The rows' raw values with the saved preprocessing applied (placeholder targets, which a target step needs). */
    private INDArray preprocessed(List<TabularInput.Row> rows) {
        INDArray raw = raw(rows);
        INDArray targets = Nd4j.zeros(DataType.FLOAT, rows.size(), model.schema().targetWidth());
        INDArray features = Preprocessing.apply(model.transforms(), new Examples(raw, targets)).features();
        return features.castTo(DataType.DOUBLE).reshape(rows.size(), -1);
    }

    private INDArray raw(List<TabularInput.Row> rows) {
        return Nd4j.create(rows.stream().map(TabularInput.Row::values).toArray(double[][]::new))
                .castTo(DataType.FLOAT);
    }

    /**
     * The model's outputs for the kept rows of the preprocessed features: probabilities, or regression values in
     * the target's original units.
     */
    private double[][] outputs(List<TabularInput.Row> scored, INDArray features, List<Integer> kept) {
        if (kept.isEmpty()) {
            return new double[0][];
        }
        INDArray input = features.getRows(kept.stream().mapToInt(Integer::intValue).toArray())
                .castTo(DataType.FLOAT);
        INDArray output = model.network().output(input, false);
        DataSchema schema = model.schema();
        if (schema.targetKind().isClassification()) {
            return output.castTo(DataType.DOUBLE).reshape(output.size(0), -1).toDoubleMatrix();
        }
        TargetScale scale = TargetScale.of(model.transforms(), raw(scored), schema.targetWidth());
        return scale.restore(output);
    }
}
