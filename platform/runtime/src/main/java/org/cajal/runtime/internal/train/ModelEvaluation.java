package org.cajal.runtime.internal.train;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cajal.api.data.DatasetException;
import org.cajal.api.data.FittedTransform;
import org.cajal.api.model.GenerativeModel;
import org.cajal.api.model.TrainableModel;
import org.cajal.api.run.RunFiles;
import org.cajal.runfolder.RunFolderWriter;
import org.cajal.runtime.internal.folder.PredictionsFile;
import org.cajal.runtime.internal.pipeline.RunPlan;
import org.cajal.runtime.internal.pipeline.TargetScale;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Scores one model: on the validation split after each epoch, and on the evaluated split at the end (with its
 * predictions.csv). A generative model scores itself; the others are scored by the {@link Evaluator}.
 */
final class ModelEvaluation {

    /** Examples per forward pass when validating or evaluating (bounded memory for large splits). */
    private static final int EVAL_BATCH = 1024;

    /** Splits up to this size (features, bytes) are read once and kept for every epoch's validation or scoring. */
    private static final long VALIDATION_CACHE_BYTES = 64L << 20;

    private final RunPlan plan;
    private final List<FittedTransform> transforms;
    private final BatchLoader loader;
    private final Evaluator evaluator;
    /** The model when it scores itself (a generative architecture), else null: scored against targets. */
    private final GenerativeModel generative;
    /** The validation split's batches, read once (small splits), else null. */
    private List<DataSet> validationBatches;
    /** The training split's batches for {@link #trainMetric}, read once (small splits), else null. */
    private List<DataSet> trainBatches;

    ModelEvaluation(RunPlan plan, List<FittedTransform> transforms, BatchLoader loader, Evaluator evaluator,
                    GenerativeModel generative) {
        this.plan = plan;
        this.transforms = transforms;
        this.loader = loader;
        this.evaluator = evaluator;
        this.generative = generative;
    }

    /** Validation loss and metric on the given examples, or NaN, NaN when there are none. */
    double[] validate(TrainableModel model, int[] v) throws DatasetException {
        if (v.length == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        if (generative != null) {
            return validateGenerative(model, v);
        }
        double lossSum = 0;
        Evaluator.Metric metric = evaluator.metric();
        boolean keep = fits(v.length);
        if (keep && validationBatches != null) {
            for (DataSet d : validationBatches) {
                lossSum += model.loss(d) * d.numExamples();
                metric.add(d.getLabels(), model.predict(d.getFeatures()));
            }
            return new double[] {lossSum / v.length, metric.value()};
        }
        List<DataSet> read = keep ? new ArrayList<>() : null;
        for (int from = 0; from < v.length; from += EVAL_BATCH) {
            DataSet d = loader.load(Arrays.copyOfRange(v, from, Math.min(v.length, from + EVAL_BATCH)));
            if (read != null) {
                read.add(d);
            }
            lossSum += model.loss(d) * d.numExamples();
            metric.add(d.getLabels(), model.predict(d.getFeatures()));
        }
        validationBatches = read;
        return new double[] {lossSum / v.length, metric.value()};
    }

    /**
     * The metric of the model as it is now on its training examples ({@code train_<metric>}: inference, no dropout),
     * or NaN for a generative model. A fused stack scores the rows it holds; other models read the examples in
     * batches, kept for the next epoch when small.
     */
    double trainMetric(TrainableModel model, int[] train) throws DatasetException {
        if (generative != null || train.length == 0) {
            return Double.NaN;
        }
        Evaluator.Metric metric = evaluator.metric();
        if (model instanceof LayerStackModel stack && stack.holds()) {
            stack.scoreHeld(metric, EVAL_BATCH);
            return metric.value();
        }
        if (trainBatches != null) {
            for (DataSet d : trainBatches) {
                metric.add(d.getLabels(), model.predict(d.getFeatures()));
            }
            return metric.value();
        }
        List<DataSet> read = fits(train.length) ? new ArrayList<>() : null;
        for (int from = 0; from < train.length; from += EVAL_BATCH) {
            DataSet d = loader.load(Arrays.copyOfRange(train, from, Math.min(train.length, from + EVAL_BATCH)));
            if (read != null) {
                read.add(d);
            }
            metric.add(d.getLabels(), model.predict(d.getFeatures()));
        }
        trainBatches = read;
        return metric.value();
    }

    /** Whether {@code n} examples' features fit the cache for repeated passes. */
    private boolean fits(int n) {
        long perExample = plan.schema().featureShape().stream().mapToLong(Long::longValue).reduce(1, (a, b) -> a * b);
        return (long) n * perExample * Float.BYTES <= VALIDATION_CACHE_BYTES;
    }

    /** One pass over the split: the loss on every batch, the model's metric on the first examples' features. */
    private double[] validateGenerative(TrainableModel model, int[] v) throws DatasetException {
        int n = Math.min(v.length, GenerativeModel.MAX_EVALUATION_EXAMPLES);
        List<INDArray> kept = new ArrayList<>();
        double lossSum = 0;
        for (int from = 0; from < v.length; from += EVAL_BATCH) {
            DataSet d = loader.load(Arrays.copyOfRange(v, from, Math.min(v.length, from + EVAL_BATCH)));
            lossSum += model.loss(d) * d.numExamples();
            if (from < n) {
                INDArray f = d.getFeatures();
                kept.add(from + f.size(0) <= n ? f : f.get(NDArrayIndex.interval(0, n - from)).dup());
            }
        }
        return new double[] {lossSum / v.length, generative.metric(rows(kept))};
    }

    /**
     * The final evaluation of the given examples. A model scored against targets also writes their predictions
     * (predictions.csv) from the same forward passes, the evaluator's outputs reused, not predicted again; with a
     * null {@code folder}, no predictions are written.
     */
    Map<String, Object> evaluate(TrainableModel model, int[] indices, String name, RunFolderWriter folder)
            throws DatasetException, IOException {
        if (generative != null) {
            return evaluateGenerative(indices, name);
        }
        List<INDArray> truth = new ArrayList<>();
        List<INDArray> predicted = new ArrayList<>();
        for (int from = 0; from < indices.length; from += EVAL_BATCH) {
            DataSet d = loader.load(Arrays.copyOfRange(indices, from, Math.min(indices.length, from + EVAL_BATCH)));
            truth.add(d.getLabels());
            predicted.add(model.predict(d.getFeatures()));
        }
        INDArray outputs = Nd4j.vstack(predicted.toArray(INDArray[]::new));
        Map<String, Object> evaluation = evaluator.evaluate(Nd4j.vstack(truth.toArray(INDArray[]::new)), outputs,
                name);
        if (folder != null) {
            writePredictions(indices, outputs, folder);
        }
        return evaluation;
    }

    /**
     * A generative model's own evaluation of the given examples (no predictions.csv: its outputs are not
     * predictions of a target).
     */
    private Map<String, Object> evaluateGenerative(int[] indices, String name) throws DatasetException {
        INDArray features = features(indices);
        Map<String, Object> evaluation = new LinkedHashMap<>(generative.evaluate(features));
        evaluation.put("split", name);
        evaluation.put("examples", features.size(0));
        return evaluation;
    }

    /**
     * The preprocessed features of up to {@link GenerativeModel#MAX_EVALUATION_EXAMPLES} of the given examples
     * (the split's indices are already in random order, so the first ones are a random sample).
     */
    private INDArray features(int[] indices) throws DatasetException {
        int n = Math.min(indices.length, GenerativeModel.MAX_EVALUATION_EXAMPLES);
        List<INDArray> parts = new ArrayList<>();
        for (int from = 0; from < n; from += EVAL_BATCH) {
            parts.add(loader.load(Arrays.copyOfRange(indices, from, Math.min(n, from + EVAL_BATCH))).getFeatures());
        }
        return rows(parts);
    }

    /** Batches of rows as one array. */
    private static INDArray rows(List<INDArray> parts) {
        return parts.size() == 1 ? parts.get(0) : Nd4j.concat(0, parts.toArray(INDArray[]::new));
    }

    /**
     * predictions.csv: the true targets as the dataset gives them (original units) beside the outputs, with any
     * target preprocessing (target-standardise) undone on regression outputs.
     */
    private void writePredictions(int[] indices, INDArray outputs, RunFolderWriter folder)
            throws DatasetException, IOException {
        INDArray rawTargets = plan.dataset().targets(indices);
        TargetScale scale = plan.schema().targetKind().isClassification()
                ? TargetScale.identity(plan.schema().targetWidth())
                : TargetScale.of(transforms, plan.dataset().read(Arrays.copyOf(indices, 1)).features(),
                        plan.schema().targetWidth());
        folder.writeText(RunFiles.PREDICTIONS, PredictionsFile.csv(plan.schema(), rawTargets, outputs, scale));
    }
}
