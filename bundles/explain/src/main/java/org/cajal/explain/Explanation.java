package org.cajal.explain;

import java.util.ArrayList;
import java.util.List;

import org.cajal.api.data.DataSchema;
import org.cajal.api.data.DatasetException;
import org.cajal.api.trained.TrainedRun;
import org.cajal.explain.method.Feature;
import org.cajal.explain.method.Metric;
import org.cajal.explain.method.PartialDependence;
import org.cajal.explain.method.PermutationImportance;
import org.cajal.explain.method.Predictor;
import org.cajal.explain.method.ShapleyValues;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Everything {@code cajal explain} computes for a trained run: permutation importance, partial dependence with ICE
 * curves per feature, and the attributions of one row.
 *
 * @param rows        the explained rows
 * @param outputs     the names of the model's outputs
 * @param attributed  the dataset index of the attributed row
 */
public record Explanation(ExplainSettings settings, RunRows rows, List<String> outputs,
                          PermutationImportance.Importance importance, List<PartialDependence.Curves> curves,
                          int attributed, ShapleyValues.Attribution attribution) {

    /**
     * @throws IllegalArgumentException for settings that do not fit the run (a metric, a part, a row), with the fix
     */
    public static Explanation compute(TrainedRun run, ExplainSettings s) throws DatasetException {
        DataSchema schema = run.schema();
        List<Feature> features = RunRows.features(schema);
        boolean classes = schema.targetKind().isClassification();
        Metric metric = s.metric() == null ? Metric.defaultFor(classes) : Metric.of(s.metric(), classes);
        String part = s.split() != null ? s.split()
                : run.rows(TrainedRun.TEST).length > 0 ? TrainedRun.TEST : run.evaluated();
        RunRows rows = RunRows.of(run, part, s.maxRows(), s.seed());
        int index = s.row() < 0 ? rows.indices()[0] : s.row();
        double[] row = row(run, rows, index);
        Predictor model = run::predict;
        var importance = PermutationImportance.compute(model, rows.rows(), rows.targets(), features, metric,
                PermutationImportance.shuffles(rows.rows().length, s.repeats(), s.seed()));
        List<PartialDependence.Curves> curves = new ArrayList<>();
        for (Feature f : features) {
            curves.add(PartialDependence.compute(model, rows.rows(), f,
                    PartialDependence.grid(rows.rows(), f, s.grid())));
        }
        RunRows background = RunRows.of(run, TrainedRun.TRAIN, s.background(), s.seed());
        var attribution = ShapleyValues.compute(model, row, background.rows(), features, s.samples(), s.seed());
        return new Explanation(s, rows, RunRows.outputs(schema), importance, curves, index, attribution);
    }

    private static double[] row(TrainedRun run, RunRows rows, int index) throws DatasetException {
        int at = rows.position(index);
        if (at >= 0) {
            return rows.rows()[at];
        }
        int size = run.rows(TrainedRun.TRAIN).length + run.rows(TrainedRun.VALIDATION).length
                + run.rows(TrainedRun.TEST).length;
        if (index >= size) {
            throw new IllegalArgumentException("--row " + index + " is not a row of the run's dataset, which has "
                    + size + " rows (0 to " + (size - 1) + ")");
        }
        return run.read(new int[] {index}).features().castTo(DataType.DOUBLE).reshape(1, -1).toDoubleVector();
    }
}
