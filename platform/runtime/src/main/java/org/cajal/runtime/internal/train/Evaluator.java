package org.cajal.runtime.internal.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cajal.api.data.DataSchema;
import org.nd4j.evaluation.EvaluationAveraging;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.evaluation.classification.ROC;
import org.nd4j.evaluation.regression.RegressionEvaluation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Scores predictions with DL4J's own evaluation classes. Classification: accuracy, macro-averaged precision,
 * recall and F1 (every class counts the same), the confusion matrix, log loss, and for two classes the ROC AUC
 * and the positive class's F1. Regression: MSE, MAE, RMSE and R². The result is what evaluation.json holds.
 */
final class Evaluator {

    /** Probabilities are clipped to [EPS, 1 - EPS] for the log loss, as scikit-learn does. */
    private static final double EPS = 1e-15;

    private final DataSchema schema;

    Evaluator(DataSchema schema) {
        this.schema = schema;
    }

    /** The name of the per-epoch validation metric in metrics.csv. */
    String metricName() {
        return schema.targetKind().isClassification() ? "accuracy" : "mse";
    }

    /** Whether a larger metric is better (accuracy) or a smaller one (mse). */
    boolean higherIsBetter() {
        return schema.targetKind().isClassification();
    }

    /** Accumulates the per-epoch validation metric batch by batch (DL4J's evaluations are cumulative). */
    Metric metric() {
        return new Metric();
    }

    /**
     * The validation metric over the batches added so far: accuracy (the most probable class against the true one,
     * a single sigmoid unit read as {@code [1 - p, p]}, ties to the lower class, as DL4J's {@code Evaluation}
     * does) or the mean squared error averaged over the targets (DL4J's {@code averageMeanSquaredError}), counted
     * in Java from the arrays' values: it runs every epoch, and DL4J's evaluation classes cost a dozen native
     * operations per call, more than a small model's whole epoch.
     */
    final class Metric {
        private final boolean classification = schema.targetKind().isClassification();
        private long rows;
        private long correct;
        private double[] squaredErrors;

        void add(INDArray labels, INDArray predicted) {
            int n = (int) labels.size(0);
            int width = (int) labels.size(1);
            float[] y = FloatRows.of(labels, width, null);
            add(y, FloatRows.of(predicted, width, null), n, width);
        }

        /** As {@link #add(INDArray, INDArray)} for {@code n} rows of {@code width} values, row-major. */
        void add(float[] y, float[] p, int n, int width) {
            rows += n;
            if (classification) {
                for (int r = 0; r < n; r++) {
                    if (argmax(y, r, width) == argmax(p, r, width)) {
                        correct++;
                    }
                }
                return;
            }
            if (squaredErrors == null) {
                squaredErrors = new double[width];
            }
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < width; c++) {
                    double d = (double) y[r * width + c] - p[r * width + c];
                    squaredErrors[c] += d * d;
                }
            }
        }

        double value() {
            if (rows == 0) {
                return Double.NaN;
            }
            if (classification) {
                return (double) correct / rows;
            }
            double sum = 0;
            for (double e : squaredErrors) {
                sum += e / rows;
            }
            return sum / squaredErrors.length;
        }

        private static int argmax(float[] a, int row, int width) {
            if (width == 1) {
                float p = a[row];
                return 1 - p >= p ? 0 : 1;
            }
            int best = 0;
            for (int c = 1; c < width; c++) {
                if (a[row * width + c] > a[row * width + best]) {
                    best = c;
                }
            }
            return best;
        }
    }

    /**
     * The full evaluation.
     *
     * @param split which split was evaluated ({@code test}, {@code validation}, {@code train} or a fold)
     */
    Map<String, Object> evaluate(INDArray labels, INDArray predictions, String split) {
        Map<String, Object> out = schema.targetKind().isClassification()
                ? classification(perClass(labels), perClass(predictions)) : regression(labels, predictions);
        out.put("split", split);
        out.put("examples", labels.size(0));
        return out;
    }

    private Map<String, Object> classification(INDArray labels, INDArray probabilities) {
        Evaluation e = new Evaluation(schema.classLabels());
        e.eval(labels, probabilities);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("accuracy", e.accuracy());
        out.put("f1", e.f1(EvaluationAveraging.Macro));
        out.put("precision", e.precision(EvaluationAveraging.Macro));
        out.put("recall", e.recall(EvaluationAveraging.Macro));
        out.put("logLoss", logLoss(labels, probabilities));
        if (schema.classCount() == 2) {
            ROC roc = new ROC(0);
            roc.eval(labels.getColumn(1).reshape(-1, 1), probabilities.getColumn(1).reshape(-1, 1));
            out.put("rocAuc", roc.calculateAUC());
            out.put("f1PositiveClass", e.f1(1));
            out.put("positiveClass", schema.classLabels().get(1));
        }
        out.put("averaging", "macro");
        out.put("classes", schema.classLabels());
        out.put("confusionMatrix", confusion(e));
        return out;
    }

    private Map<String, Object> regression(INDArray labels, INDArray predictions) {
        RegressionEvaluation r = new RegressionEvaluation(schema.targetNames());
        r.eval(labels, predictions);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mse", r.averageMeanSquaredError());
        out.put("mae", r.averageMeanAbsoluteError());
        out.put("rmse", r.averagerootMeanSquaredError());
        out.put("r2", r.averageRSquared());
        out.put("targets", schema.targetNames());
        return out;
    }

    /** Mean negative log-likelihood of the true class (categorical cross-entropy on the evaluated split). */
    private static double logLoss(INDArray labels, INDArray probabilities) {
        INDArray p = Transforms.min(Transforms.max(probabilities.castTo(labels.dataType()), EPS), 1 - EPS);
        return -Transforms.log(p, false).muli(labels).sumNumber().doubleValue() / labels.size(0);
    }

    /** One column per class: a single sigmoid output p becomes [1 - p, p]. */
    private static INDArray perClass(INDArray a) {
        return a.size(1) == 1 ? Nd4j.hstack(a.rsub(1.0), a) : a;
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
