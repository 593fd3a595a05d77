package org.cajal.runtime.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

import org.cajal.api.data.DatasetException;
import org.cajal.api.data.Examples;
import org.cajal.api.model.LayerException;
import org.cajal.api.model.ModelContext;
import org.cajal.api.model.TrainableModel;
import org.cajal.api.pipeline.RunResult;
import org.cajal.api.train.TrainingEvent;
import org.cajal.api.train.TrainingListener;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One training run on the runtime's worker thread: mini-batch training for the pipeline's epochs, validation after
 * each epoch, final evaluation on the held-out split, and every result written to the run folder as it is made.
 *
 * <p>Determinism: the weights, the split and the batch order all derive from the pipeline's seed, so the same
 * pipeline and seed on the same backend give the same metrics.
 */
final class TrainingRun {

    /** Examples per forward pass when evaluating (bounded memory for large splits). */
    private static final int EVAL_BATCH = 1024;

    private final RunPlan plan;
    private final RunFolder folder;
    private final Provenance provenance;
    private final TrainingListener listener;
    private final AtomicBoolean cancel;
    private final Clock clock;

    TrainingRun(RunPlan plan, RunFolder folder, Provenance provenance, TrainingListener listener,
                AtomicBoolean cancel, Clock clock) {
        this.plan = plan;
        this.folder = folder;
        this.provenance = provenance;
        this.listener = listener;
        this.cancel = cancel;
        this.clock = clock;
    }

    RunResult call() throws IOException, DatasetException, LayerException {
        long seed = plan.pipeline().seed();
        Nd4j.getRandom().setSeed(seed);
        TrainableModel model = buildModel(seed);
        Labels labels = new Labels(plan.schema(), outputWidth(model));
        Evaluator evaluator = new Evaluator(plan.schema());
        provenance.put("parameters", model.parameterCount());
        folder.writeJson(RunFolder.PROVENANCE, provenance.asMap());
        int completed = train(model, labels, evaluator, seed);
        Map<String, Object> evaluation = evaluate(model, labels, evaluator);
        folder.writeWith(RunFolder.MODEL, file -> save(model, file));
        folder.writeJson(RunFolder.EVALUATION, evaluation);
        boolean cancelled = completed < plan.pipeline().training().epochs();
        provenance.end(clock.instant(), cancelled ? "cancelled" : "finished");
        folder.writeJson(RunFolder.PROVENANCE, provenance.asMap());
        listener.onEvent(cancelled ? new TrainingEvent.Cancelled(folder.id(), folder.path(), completed)
                : new TrainingEvent.Finished(folder.id(), folder.path(), evaluation));
        return new RunResult(folder.id(), folder.path(), evaluation, cancelled);
    }

    private TrainableModel buildModel(long seed) throws LayerException {
        if (plan.architecture() == null) {
            return LayerStackModel.build(plan.layers(), plan.schema(), plan.updater(), seed);
        }
        return plan.architecture().build(plan.architectureParameters(),
                new ModelContext(plan.schema(), plan.loss().id(), plan.updater(), seed));
    }

    private long outputWidth(TrainableModel model) throws DatasetException {
        Examples one = examples(Arrays.copyOf(plan.split().train(), 1));
        return model.predict(one.features()).size(1);
    }

    /** Trains epoch by epoch; returns the number of completed epochs. */
    private int train(TrainableModel model, Labels labels, Evaluator evaluator, long seed)
            throws IOException, DatasetException {
        int[] train = plan.split().train().clone();
        int epochs = plan.pipeline().training().epochs();
        int requested = plan.pipeline().training().batchSize();
        int batchSize = requested == 0 ? train.length : Math.min(requested, train.length);
        int batches = (train.length + batchSize - 1) / batchSize;
        DataSet validation = plan.split().validation().length == 0 ? null
                : labels.dataSet(examples(plan.split().validation()));
        MetricsTable metrics = new MetricsTable(evaluator.metricName());
        Random order = new Random(seed);
        long start = clock.millis();
        listener.onEvent(new TrainingEvent.Started(folder.id(), folder.path(), epochs, batches, train.length,
                model.parameterCount()));
        for (int epoch = 1; epoch <= epochs; epoch++) {
            shuffle(train, order);
            double lossSum = 0;
            for (int b = 0; b < batches; b++) {
                if (cancel.get()) {
                    return epoch - 1;
                }
                int[] idx = Arrays.copyOfRange(train, b * batchSize, Math.min(train.length, (b + 1) * batchSize));
                double loss = model.fit(labels.dataSet(examples(idx)));
                lossSum += loss * idx.length;
                listener.onEvent(new TrainingEvent.BatchCompleted(folder.id(), epoch, b + 1, batches, loss));
            }
            double trainLoss = lossSum / train.length;
            double validationLoss = validation == null ? Double.NaN : model.loss(validation);
            double metric = validation == null ? Double.NaN
                    : evaluator.metric(validation.getLabels(), model.predict(validation.getFeatures()));
            metrics.add(epoch, trainLoss, validationLoss, metric);
            folder.writeText(RunFolder.METRICS, metrics.text());
            listener.onEvent(new TrainingEvent.EpochCompleted(folder.id(), epoch, epochs, trainLoss, validationLoss,
                    evaluator.metricName(), metric, clock.millis() - start));
        }
        return epochs;
    }

    /** Evaluates on the test split, or the validation split if there is none, or else the training data. */
    private Map<String, Object> evaluate(TrainableModel model, Labels labels, Evaluator evaluator)
            throws DatasetException {
        Split s = plan.split();
        String name = s.test().length > 0 ? "test" : s.validation().length > 0 ? "validation" : "train";
        int[] indices = s.test().length > 0 ? s.test() : s.validation().length > 0 ? s.validation() : s.train();
        List<INDArray> truth = new ArrayList<>();
        List<INDArray> predicted = new ArrayList<>();
        for (int from = 0; from < indices.length; from += EVAL_BATCH) {
            DataSet d = labels.dataSet(examples(Arrays.copyOfRange(indices, from,
                    Math.min(indices.length, from + EVAL_BATCH))));
            truth.add(d.getLabels());
            predicted.add(model.predict(d.getFeatures()));
        }
        return evaluator.evaluate(Nd4j.vstack(truth.toArray(INDArray[]::new)),
                Nd4j.vstack(predicted.toArray(INDArray[]::new)), name);
    }

    private Examples examples(int[] indices) throws DatasetException {
        return Preprocessing.apply(plan.transforms(), plan.dataset().read(indices));
    }

    private void save(TrainableModel model, java.nio.file.Path file) throws IOException {
        model.save(file);
        if (!plan.transforms().isEmpty()) {
            // the fitted preprocessing travels inside the model file, so the saved model predicts on raw input
            ModelSerializer.addObjectToFile(file.toFile(), "cajal-preprocessing", new ArrayList<>(plan.transforms()));
        }
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
