package org.cajal.runtime.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cajal.api.data.DataSchema;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.evaluation.regression.RegressionEvaluation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Scores predictions with DL4J's own evaluation classes: accuracy, F1, precision, recall and the confusion matrix
 * for classification; MSE, MAE, RMSE and R² for regression. The result is what evaluation.json holds.
 */
final class Evaluator {

    private final DataSchema schema;

    Evaluator(DataSchema schema) {
        this.schema = schema;
    }

    /** The name of the per-epoch validation metric in metrics.csv. */
    String metricName() {
        return schema.targetKind().isClassification() ? "accuracy" : "mse";
    }

    /** The per-epoch validation metric. */
    double metric(INDArray labels, INDArray predictions) {
        if (schema.targetKind().isClassification()) {
            return classification(labels, predictions).accuracy();
        }
        return regression(labels, predictions).averageMeanSquaredError();
    }

    /**
     * The full evaluation.
     *
     * @param split which split was evaluated ({@code test}, {@code validation} or {@code train})
     */
    Map<String, Object> evaluate(INDArray labels, INDArray predictions, String split) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (schema.targetKind().isClassification()) {
            Evaluation e = classification(labels, predictions);
            out.put("accuracy", e.accuracy());
            out.put("f1", e.f1());
            out.put("precision", e.precision());
            out.put("recall", e.recall());
            out.put("averaging", schema.classCount() == 2 ? "binary (positive class: " + schema.classLabels().get(1)
                    + ")" : "macro");
            out.put("classes", schema.classLabels());
            out.put("confusionMatrix", confusion(e));
        } else {
            RegressionEvaluation r = regression(labels, predictions);
            out.put("mse", r.averageMeanSquaredError());
            out.put("mae", r.averageMeanAbsoluteError());
            out.put("rmse", r.averagerootMeanSquaredError());
            out.put("r2", r.averageRSquared());
            out.put("targets", schema.targetNames());
        }
        out.put("split", split);
        out.put("examples", labels.size(0));
        return out;
    }

    private Evaluation classification(INDArray labels, INDArray predictions) {
        Evaluation e = new Evaluation(schema.classLabels());
        if (predictions.size(1) == 1) {
            // one sigmoid unit: DL4J's Evaluation wants one column per class
            e.eval(twoColumns(labels), twoColumns(predictions));
        } else {
            e.eval(labels, predictions);
        }
        return e;
    }

    private RegressionEvaluation regression(INDArray labels, INDArray predictions) {
        RegressionEvaluation r = new RegressionEvaluation(schema.targetNames());
        r.eval(labels, predictions);
        return r;
    }

    private static INDArray twoColumns(INDArray p) {
        return Nd4j.hstack(p.rsub(1.0), p);
    }

    private static List<List<Integer>> confusion(Evaluation e) {
        int n = e.getLabelsList().size();
        List<List<Integer>> rows = new ArrayList<>();
        for (int actual = 0; actual < n; actual++) {
            List<Integer> row = new ArrayList<>();
            for (int predicted = 0; predicted < n; predicted++) {
                row.add(e.getConfusionMatrix().getCount(actual, predicted));
            }
            rows.add(row);
        }
        return rows;
    }
}
