package org.cajal.runtime.internal.train;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import org.cajal.api.data.DatasetException;
import org.cajal.api.data.FittedTransform;
import org.cajal.api.model.GenerativeModel;
import org.cajal.api.model.LayerException;
import org.cajal.api.model.ModelContext;
import org.cajal.api.model.TrainableModel;
import org.cajal.api.pipeline.ComponentRef;
import org.cajal.api.train.TrainingEvent;
import org.cajal.api.train.TrainingListener;
import org.cajal.runfolder.RunFolderWriter;
import org.cajal.runtime.internal.pipeline.Preprocessing;
import org.cajal.runtime.internal.pipeline.RunPlan;
import org.cajal.runtime.internal.pipeline.Split;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains one model on one split: mini-batches for the pipeline's epochs (or until early stopping), validation
 * after each epoch, evaluation, and the model and its metrics written to a folder as they are made. The loop is
 * here; the scores are {@link ModelEvaluation}'s, the diagnostics {@link EpochDiagnostics}', the weights to go
 * back to {@link Checkpoints}' and the files {@link ModelFiles}'.
 *
 * <p>A non-finite mini-batch loss stops training (the run's status becomes {@code diverged}): the weights go back
 * to those at the start of that epoch (when the model can take a snapshot), and the model is evaluated and saved
 * as for a cancelled run.
 */
final class ModelTraining {

    /** How often metrics.csv is rewritten during training, at most (and always after the first and last epoch). */
    private static final long METRICS_INTERVAL_MILLIS = 1000;

    /**
     * Runs that train with ND4J's thread pool (DL4J layer stacks, architectures) take turns, one at a time per
     * process; runs on the fused dense path (one thread each) do not wait.
     */
    private static final Semaphore ND4J_TURNS = new Semaphore(1, true);

    /**
     * What came out of training one model.
     *
     * @param metricName the per-epoch validation metric ({@code accuracy}, {@code mse} or a generative model's own)
     * @param higherIsBetter the metric's direction
     */
    record Outcome(TrainableModel model, int completedEpochs, boolean cancelled, EpochMetrics metrics,
                   Map<String, Object> evaluation, String metricName, boolean higherIsBetter, Divergence diverged) {
    }

    /** Where the training loss stopped being a number (1-based epoch and batch). */
    record Divergence(int epoch, int batch) {
    }

    private final RunPlan plan;
    private final Split split;
    private final List<FittedTransform> transforms;
    private final RunFolderWriter folder;
    private final String runId;
    private final TrainingListener listener;
    private final AtomicBoolean cancel;
    private final Clock clock;
    private final ExecutorService helper;
    private final DiagnosticsLog diagnosticsLog;
    private final int fold;
    /** The model when it scores itself (a generative architecture), else null: scored against targets. */
    private GenerativeModel generative;
    private EpochRows rows;
    private Checkpoints checkpoints;
    /** The trained model while {@link #runAndKeep}'s caller may still evaluate it, else null. */
    private TrainableModel kept;
    private EpochDiagnostics diagnostics;
    private ModelEvaluation evaluation;
    private long lastMetricsWrite;
    private Divergence diverged;
    /** The layer stack being trained, else null. */
    private LayerStackModel stack;
    private final TrainingCheckpoint checkpoint;
    /** Whether to go on from this folder's checkpoint, if it has one. */
    private final boolean resume;
    /** The training rows in this epoch's order, and the generator that shuffles them each epoch. */
    private int[] order;
    private Random shuffle;
    /** The layer stack shown to a watching listener (the workbench's live view), else null. */
    private LiveModel live;

    /**
     * @param diagnostics the run's diagnostics log
     * @param fold 1-based fold of a k-fold run, 0 for a hold-out run
     */
    ModelTraining(RunPlan plan, Split split, List<FittedTransform> transforms, RunFolderWriter folder, String runId,
                  TrainingListener listener, AtomicBoolean cancel, Clock clock, ExecutorService helper,
                  DiagnosticsLog diagnostics, int fold, CheckpointPolicy policy, boolean resume) {
        this.plan = plan;
        this.split = split;
        this.transforms = transforms;
        this.folder = folder;
        this.runId = runId;
        this.listener = listener;
        this.cancel = cancel;
        this.clock = clock;
        this.helper = helper;
        this.diagnosticsLog = diagnostics;
        this.fold = fold;
        this.checkpoint = new TrainingCheckpoint(folder, policy, clock);
        this.resume = resume;
    }

    /**
     * Trains, evaluates and writes the model's files; the model is closed afterwards.
     *
     * @param evaluateOn the indices for the final evaluation and the name of that split
     */
    Outcome run(int[] evaluateOn, String evaluationName)
            throws IOException, DatasetException, LayerException, InterruptedException {
        try {
            return runAndKeep(evaluateOn, evaluationName);
        } finally {
            close();
        }
    }

    /** As {@link #run}, but the model stays open for {@link #evaluateAgain} until {@link #close}. */
    Outcome runAndKeep(int[] evaluateOn, String evaluationName)
            throws IOException, DatasetException, LayerException, InterruptedException {
        long seed = plan.pipeline().seed();
        Nd4j.getRandom().setSeed(seed);
        kept = PlannedModel.build(plan, seed);
        try {
            return inTurn(kept, () -> train(kept, evaluateOn, evaluationName));
        } catch (IOException | DatasetException | InterruptedException | RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    /**
     * The kept model's evaluation of other examples (a k-fold run's test split); no files are written (the run
     * folder's predictions.csv stays the chosen fold's).
     */
    Map<String, Object> evaluateAgain(int[] indices, String name)
            throws IOException, DatasetException, InterruptedException {
        return inTurn(kept, () -> evaluation.evaluate(kept, indices, name, null));
    }

    /** Closes the kept model (a layer stack's buffers). */
    void close() {
        if (kept instanceof LayerStackModel s) {
            s.close();
        }
        kept = null;
    }

    /** Work that may use ND4J with the model. */
    private interface Work<T> {
        T call() throws IOException, DatasetException, InterruptedException;
    }

    /**
     * Runs the work in this process's ND4J turn, unless the model is on the fused dense path (one thread of its
     * own): ND4J's ops run on its own pool of all cores, so two such runs at once only slow each other.
     */
    private static <T> T inTurn(TrainableModel model, Work<T> work)
            throws IOException, DatasetException, InterruptedException {
        boolean pooled = !(model instanceof LayerStackModel s && s.engineId().equals("fused"));
        if (pooled) {
            ND4J_TURNS.acquire();
        }
        try {
            return work.call();
        } finally {
            if (pooled) {
                ND4J_TURNS.release();
            }
        }
    }

    private Outcome train(TrainableModel model, int[] evaluateOn, String evaluationName)
            throws IOException, DatasetException, InterruptedException {
        generative = EpochRows.generativeModel(plan, model);
        stack = model instanceof LayerStackModel s ? s : null;
        live = LiveModel.of(listener, plan, transforms, split, runId, stack);
        OptionalDouble learningRate = PlannedModel.learningRate(plan);
        diagnostics = new EpochDiagnostics(new LossWatch(learningRate,
                plan.pipeline().training().earlyStop().isPresent()), diagnosticsLog, fold, folder, stack,
                plan.pipeline().model().layers(), learningRate);
        BatchLoader loader = new BatchLoader(plan.dataset(), transforms, new Labels(plan.schema(), outputWidth(model)));
        Evaluator evaluator = new Evaluator(plan.schema());
        evaluation = new ModelEvaluation(plan, transforms, loader, evaluator, generative);
        String metricName = generative != null ? generative.metricName() : evaluator.metricName();
        boolean higherIsBetter = generative != null ? generative.higherIsBetter() : evaluator.higherIsBetter();
        rows = generative != null ? EpochRows.generative(plan, generative) : EpochRows.scored(plan, metricName);
        checkpoints = new Checkpoints(plan.pipeline().training().earlyStop());
        int completed = train(model, loader, metricName, plan.pipeline().seed());
        // metrics.csv is written at most once a second while training (a small model's epoch takes milliseconds);
        // here it gets every epoch, whatever ended training
        folder.writeMetrics(rows.metrics().table());
        Map<String, Object> scores = evaluation.evaluate(model, evaluateOn, evaluationName, folder);
        scores.put("training", checkpoints.summary(completed, plan.pipeline().training().epochs()));
        new ModelFiles(folder, transforms).write(model, evaluateOn, evaluationName, scores);
        return new Outcome(model, completed, cancel.get(), rows.metrics(), scores, metricName, higherIsBetter, diverged);
    }

    private long outputWidth(TrainableModel model) throws DatasetException {
        int[] one = Arrays.copyOf(split.train(), 1);
        return model.predict(Preprocessing.apply(transforms, plan.dataset().read(one)).features()).size(1);
    }

    /** Trains epoch by epoch; returns the number of completed epochs. */
    private int train(TrainableModel model, BatchLoader loader, String metricName, long seed)
            throws IOException, DatasetException, InterruptedException {
        order = split.train().clone();
        int epochs = plan.pipeline().training().epochs();
        int batchSize = plan.batchSize(order.length);
        shuffle = new Random(seed);
        TrainingState resumed = resume ? resume() : null;
        long startMillis = clock.millis();
        listener.onEvent(new TrainingEvent.Started(runId, folder.path(), epochs, (order.length + batchSize - 1)
                / batchSize, order.length, model.parameterCount(), model instanceof LayerStackModel s
                ? s.engineDescription() : "architecture " + plan.architecture().id()));
        int epoch = resumed == null ? 0 : resumed.epoch();
        if (resumed != null && resumed.trained()) {
            return epoch;
        }
        while (epoch < epochs && !cancel.get()) {
            epoch++;
            shuffle(order, shuffle);
            checkpoints.epochStarted(model);
            double trainLoss = epochLoss(model, loader, order, batchSize, epoch);
            if (diverged != null) {
                checkpoints.rollBack(model);
                epoch--;
                break;
            }
            if (cancel.get()) {
                return epoch - 1;
            }
            model.endEpoch();
            double[] validation = evaluation.validate(model, split.validation());
            rows.add(epoch, trainLoss, validation, evaluation.trainMetric(model, split.train()));
            epochEnded(loader, epoch, trainLoss, validation, metricName, clock.millis() - startMillis);
            // a generative model's validation loss says little about its samples: early stopping watches its metric
            double watched = generative == null ? validation[0]
                    : generative.higherIsBetter() ? -validation[1] : validation[1];
            if (checkpoints.stop(model, epoch, watched, validation[0])) {
                listener.onEvent(new TrainingEvent.StoppedEarly(runId, epoch, checkpoints.bestEpoch(),
                        checkpoints.bestValidationLoss()));
                break;
            }
            if (stack != null && checkpoint.due(epoch)) {
                checkpoint.write(state(epoch, false));
            }
        }
        checkpoints.restoreBest(model, epoch);
        if (stack != null && !cancel.get()) {
            checkpoint.write(state(epoch, true));
        }
        return epoch;
    }

    /** One epoch's mean training loss: from held rows (a fused stack that holds the split) or loaded batches. */
    private double epochLoss(TrainableModel model, BatchLoader loader, int[] order, int batchSize, int epoch)
            throws IOException, DatasetException, InterruptedException {
        if (stack != null && stack.canHold(order.length)) {
            if (!stack.holds()) {
                stack.hold(order, loader.load(order));
            }
            return trainHeld(order, batchSize, epoch);
        }
        return trainEpoch(model, new PrefetchingBatches(loader, order, batchSize, helper), epoch);
    }

    /** After an epoch's metrics row: metrics.csv (at most once a second), the event, the diagnostics. */
    private void epochEnded(BatchLoader loader, int epoch, double trainLoss, double[] validation, String metricName,
                            long elapsedMillis) throws IOException, DatasetException {
        if (epoch == 1 || clock.millis() - lastMetricsWrite >= METRICS_INTERVAL_MILLIS) {
            folder.writeMetrics(rows.metrics().table());
            lastMetricsWrite = clock.millis();
        }
        listener.onEvent(new TrainingEvent.EpochCompleted(runId, epoch, plan.pipeline().training().epochs(),
                trainLoss, validation[0], metricName, validation[1], elapsedMillis));
        diagnostics.epoch(loader, split.train(), epoch, trainLoss, validation[0]);
    }

    /**
     * Mean training loss of the epoch (meaningless if the run was cancelled during it, NaN if a batch's loss was
     * not a number: then {@link #diverged} says where).
     */
    private double trainEpoch(TrainableModel model, PrefetchingBatches batches, int epoch)
            throws DatasetException, InterruptedException, IOException {
        double sum = 0;
        long count = 0;
        int b = 0;
        while (batches.hasNext()) {
            if (cancel.get()) {
                batches.cancel();
                return Double.NaN;
            }
            DataSet batch = batches.next();
            // the update ratio compares the weights before and after the epoch's last mini-batch
            Map<Integer, INDArray> before = diagnostics.weightsBefore(epoch, !batches.hasNext());
            double loss = model.fit(batch);
            diagnostics.updated(before);
            sum += loss * batch.numExamples();
            count += batch.numExamples();
            listener.onEvent(new TrainingEvent.BatchCompleted(runId, epoch, ++b, batches.count(), loss));
            if (diagnostics.diverged(epoch, b, loss)) {
                batches.cancel();
                diverged = new Divergence(epoch, b);
                return Double.NaN;
            }
            if (live != null) {
                live.batchEnded(epoch, b, batches.count());
            }
        }
        return sum / count;
    }

    /**
     * {@link #trainEpoch} for a fused layer stack holding its training examples: the batches are gathered from the
     * held rows on this thread (no loading, no hand-off to the helper), in the same order and sizes.
     */
    private double trainHeld(int[] order, int batchSize, int epoch) throws IOException {
        double sum = 0;
        long count = 0;
        int batches = (order.length + batchSize - 1) / batchSize;
        for (int b = 1; b <= batches; b++) {
            if (cancel.get()) {
                return Double.NaN;
            }
            int from = (b - 1) * batchSize;
            int to = Math.min(order.length, from + batchSize);
            Map<Integer, INDArray> before = diagnostics.weightsBefore(epoch, b == batches);
            double loss = stack.fitHeld(order, from, to);
            diagnostics.updated(before);
            sum += loss * (to - from);
            count += to - from;
            listener.onEvent(new TrainingEvent.BatchCompleted(runId, epoch, b, batches, loss));
            if (diagnostics.diverged(epoch, b, loss)) {
                diverged = new Divergence(epoch, b);
                return Double.NaN;
            }
            if (live != null) {
                live.batchEnded(epoch, b, batches);
            }
        }
        return sum / count;
    }

    /** This model's training state now, for its checkpoint. */
    private TrainingState state(int epoch, boolean trained) throws IOException {
        org.nd4j.linalg.api.rng.Random nd4j = Nd4j.getRandom();
        return new TrainingState(epoch, trained, StackState.of(stack), order.clone(), shuffle,
                new long[] {nd4j.rootState(), nd4j.nodeState()}, rows.metrics().rows(), checkpoints.state(),
                diagnostics.state(), diverged == null ? null : new int[] {diverged.epoch(), diverged.batch()});
    }

    /** Puts the folder's checkpoint back into the freshly built model and this loop; null when there is none. */
    private TrainingState resume() throws IOException {
        TrainingState s = stack == null ? null : checkpoint.read();
        if (s == null) {
            return null;
        }
        s.model().restore(stack);
        order = s.order();
        shuffle = s.shuffle();
        Nd4j.getRandom().setStates(s.nd4jRandom()[0], s.nd4jRandom()[1]);
        rows.metrics().resume(s.metrics());
        checkpoints.resume(s.earlyStop());
        diagnostics.resume(s.diagnostics());
        diverged = s.diverged() == null ? null : new Divergence(s.diverged()[0], s.diverged()[1]);
        return s;
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
