package org.cajal.runtime.internal.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

import org.cajal.api.data.DatasetException;
import org.cajal.api.data.FittedTransform;
import org.cajal.api.model.GenerativeModel;
import org.cajal.api.model.LayerException;
import org.cajal.api.model.ModelContext;
import org.cajal.api.model.TrainableModel;
import org.cajal.api.pipeline.EarlyStopping;
import org.cajal.api.run.RunFiles;
import org.cajal.api.train.TrainingEvent;
import org.cajal.api.train.TrainingListener;
import org.cajal.runfolder.RunFolderWriter;
import org.cajal.runtime.internal.folder.PredictionsFile;
import org.cajal.runtime.internal.pipeline.Preprocessing;
import org.cajal.runtime.internal.pipeline.RunPlan;
import org.cajal.runtime.internal.pipeline.Split;
import org.cajal.runtime.internal.pipeline.TargetScale;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains one model on one split: mini-batches for the pipeline's epochs (or until early stopping), validation
 * after each epoch, evaluation, and the model and its metrics written to a folder as they are made.
 *
 * <p>Diagnostics: every model gets the loss-based ones ({@link LossWatch}); a layer stack also gets
 * {@link LayerProbe}'s, whose measurements go to diagnostics.csv in the model's folder. A non-finite
 * mini-batch loss stops training (the run's status becomes {@code diverged}): the weights go back to those at the
 * start of that epoch (when the model can take a snapshot), and the model is evaluated and saved as for a
 * cancelled run.
 */
final class ModelTraining {

    /** Examples per forward pass when validating or evaluating (bounded memory for large splits). */
    private static final int EVAL_BATCH = 1024;

    /** How often metrics.csv is rewritten during training, at most (and always after the first and last epoch). */
    private static final long METRICS_INTERVAL_MILLIS = 1000;

    /** Validation splits up to this size (features, bytes) are read once and kept for every epoch's validation. */
    private static final long VALIDATION_CACHE_BYTES = 64L << 20;

    /** Models up to this many parameters also get a readable weights.json (the teaching examples). */
    static final long WEIGHTS_JSON_LIMIT = 10_000;

    /** Column names a generative model may use for its metric and epoch values. */
    private static final java.util.regex.Pattern COLUMN = java.util.regex.Pattern.compile("[a-z][a-z0-9_]*");

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

    /**
     * The per-layer measurements of a layer stack: {@code epoch,layer,dead_share,update_ratio,saturated_share}, an
     * empty cell where not measured.
     */
    
    private final RunPlan plan;
    private final Split split;
    private final List<FittedTransform> transforms;
    private final RunFolderWriter folder;
    private final String runId;
    private final TrainingListener listener;
    private final AtomicBoolean cancel;
    private final Clock clock;
    private final ExecutorService helper;
    /** The model when it scores itself (a generative architecture), else null: scored against targets. */
    private GenerativeModel generative;
    private EpochMetrics metrics;
    private final DiagnosticsLog diagnostics;
    private final int fold;
    private LossWatch watch;
    private long lastMetricsWrite;
    /** The validation split's batches, read once (small splits), else null. */
    private List<DataSet> validationBatches;
    private Divergence diverged;
    /** The layer stack being trained (its layers are probed), else null. */
    private LayerStackModel stack;
    private INDArray probeFeatures;
    private Map<Integer, Double> lastRatios = Map.of();
    /** The last epoch the layers were measured at (0: none yet). */
    private int lastMeasured;
    private final java.util.Set<String> said = new java.util.HashSet<>();
    private final StringBuilder probeRows = new StringBuilder(
            "epoch,layer,dead_share,update_ratio,saturated_share\n");

    /**
     * @param diagnostics the run's diagnostics log
     * @param fold 1-based fold of a k-fold run, 0 for a hold-out run
     */
    ModelTraining(RunPlan plan, Split split, List<FittedTransform> transforms, RunFolderWriter folder, String runId,
                  TrainingListener listener, AtomicBoolean cancel, Clock clock, ExecutorService helper,
                  DiagnosticsLog diagnostics, int fold) {
        this.plan = plan;
        this.split = split;
        this.transforms = transforms;
        this.folder = folder;
        this.runId = runId;
        this.listener = listener;
        this.cancel = cancel;
        this.clock = clock;
        this.helper = helper;
        this.diagnostics = diagnostics;
        this.fold = fold;
    }

    /**
     * @param evaluateOn the indices for the final evaluation and the name of that split
     */
    Outcome run(int[] evaluateOn, String evaluationName)
            throws IOException, DatasetException, LayerException, InterruptedException {
        long seed = plan.pipeline().seed();
        Nd4j.getRandom().setSeed(seed);
        TrainableModel model = build(seed);
        boolean pooled = !(model instanceof LayerStackModel s && s.engineId().equals("fused"));
        if (pooled) {
            // ND4J's ops run on its own pool of all cores: two such runs at once only slow each other
            ND4J_TURNS.acquire();
        }
        try {
            return train(model, evaluateOn, evaluationName);
        } finally {
            if (pooled) {
                ND4J_TURNS.release();
            }
            if (model instanceof LayerStackModel s) {
                s.close();
            }
        }
    }

    /**
     * Runs that train with ND4J's thread pool (DL4J layer stacks, architectures) take turns, one at a time per
     * process; runs on the fused dense path (one thread each) do not wait.
     */
    private static final java.util.concurrent.Semaphore ND4J_TURNS = new java.util.concurrent.Semaphore(1, true);

    private Outcome train(TrainableModel model, int[] evaluateOn, String evaluationName)
            throws IOException, DatasetException, InterruptedException {
        long seed = plan.pipeline().seed();
        generative = generative(model);
        stack = model instanceof LayerStackModel s ? s : null;
        watch = new LossWatch(learningRate(), plan.pipeline().training().earlyStop().isPresent());
        BatchLoader loader = new BatchLoader(plan.dataset(), transforms, new Labels(plan.schema(), outputWidth(model)));
        Evaluator evaluator = new Evaluator(plan.schema());
        String metricName = generative != null ? generative.metricName() : evaluator.metricName();
        boolean higherIsBetter = generative != null ? generative.higherIsBetter() : evaluator.higherIsBetter();
        metrics = new EpochMetrics(metricName);
        int completed = train(model, loader, evaluator, metricName, seed);
        // metrics.csv is written at most once a second while training (a small model's epoch takes milliseconds);
        // here it gets every epoch, whatever ended training
        folder.writeMetrics(metrics.table());
        Map<String, Object> evaluation = generative != null
                ? evaluateGenerative(loader, evaluateOn, evaluationName)
                : evaluate(model, loader, evaluator, evaluateOn, evaluationName);
        folder.writeJson(RunFiles.SPLIT, splitFile(evaluateOn, evaluationName));
        folder.writeWith(RunFiles.MODEL, file -> save(model, file));
        if (model instanceof LayerStackModel stack && model.parameterCount() <= WEIGHTS_JSON_LIMIT) {
            folder.writeJson(RunFiles.WEIGHTS, stack.weights());
        }
        folder.writeJson(RunFiles.EVALUATION, evaluation);
        return new Outcome(model, completed, cancel.get(), metrics, evaluation, metricName, higherIsBetter, diverged);
    }

    /** The optimizer's learning rate at the start (a schedule's first value), if it has one. */
    private java.util.OptionalDouble learningRate() {
        try {
            if (plan.updater() != null && plan.updater().hasLearningRate()) {
                return java.util.OptionalDouble.of(plan.updater().getLearningRate(0, 0));
            }
        } catch (RuntimeException e) {
            // an updater that cannot say: the advice then names no number
        }
        return plan.pipeline().training().optimizer().params().get("learningRate") instanceof Number n
                ? java.util.OptionalDouble.of(n.doubleValue()) : java.util.OptionalDouble.empty();
    }

    /** The model as a generative one when its architecture learns without targets; checks what it reports. */
    private GenerativeModel generative(TrainableModel model) {
        if (!plan.generative()) {
            return null;
        }
        String id = plan.architecture().id();
        if (!(model instanceof GenerativeModel g)) {
            throw new IllegalStateException("architecture '" + id + "' learns without targets but its model does "
                    + "not implement GenerativeModel, so it cannot be scored (a defect of the plugin that provides it)");
        }
        checkColumn(id, g.metricName());
        return g;
    }

    private static void checkColumn(String architecture, String name) {
        if (name == null || !COLUMN.matcher(name).matches()) {
            throw new IllegalStateException("architecture '" + architecture + "' names a metric '" + name
                    + "', which is not a metrics.csv column name (lower-case letters, digits and underscores)");
        }
        if (RESERVED_COLUMNS.contains(name) || name.startsWith("validation_")) {
            throw new IllegalStateException("architecture '" + architecture + "' names a metric '" + name
                    + "', which would clash with metrics.csv's own columns (epoch, train_loss, validation_…)");
        }
    }

    /** metrics.csv's own columns, which a generative model's metric and epoch values must not repeat. */
    private static final java.util.Set<String> RESERVED_COLUMNS = java.util.Set.of("epoch", "train_loss", "loss");

    private TrainableModel build(long seed) throws LayerException {
        if (plan.architecture() == null) {
            List<String> names = new ArrayList<>();
            List<org.cajal.api.pipeline.ComponentRef> refs = plan.pipeline().model().layers();
            for (int i = 0; i < refs.size(); i++) {
                names.add("layer " + (i + 1) + " (" + refs.get(i).type() + ")");
            }
            return LayerStackModel.build(plan.layers(), plan.schema(), plan.updater(), seed,
                    plan.pipeline().training().regularisation(), plan.optimizerRegularization(),
                    plan.pipeline().training().engine(), names);
        }
        return plan.architecture().build(plan.architectureParameters(),
                new ModelContext(plan.schema(), plan.loss().id(), plan.updater(), seed));
    }

    private long outputWidth(TrainableModel model) throws DatasetException {
        int[] one = Arrays.copyOf(split.train(), 1);
        return model.predict(Preprocessing.apply(transforms, plan.dataset().read(one)).features()).size(1);
    }

    /** Trains epoch by epoch; returns the number of completed epochs. */
    private int train(TrainableModel model, BatchLoader loader, Evaluator evaluator, String metricName, long seed)
            throws IOException, DatasetException, InterruptedException {
        int[] order = split.train().clone();
        int epochs = plan.pipeline().training().epochs();
        int batchSize = plan.batchSize(order.length);
        int batches = (order.length + batchSize - 1) / batchSize;
        Optional<EarlyStopping> stopping = plan.pipeline().training().earlyStop();
        Best best = new Best();
        Random shuffle = new Random(seed);
        long startMillis = clock.millis();
        listener.onEvent(new TrainingEvent.Started(runId, folder.path(), epochs, batches, order.length,
                model.parameterCount(), model instanceof LayerStackModel s ? s.engineDescription()
                        : "architecture " + plan.architecture().id()));
        int epoch = 0;
        while (epoch < epochs && !cancel.get()) {
            epoch++;
            shuffle(order, shuffle);
            // the weights at the epoch's start, to go back to should the loss stop being a number
            Object start = model.snapshot().orElse(null);
            if (epoch == 1 && stack != null && stack.canHold(order.length)) {
                stack.hold(order, loader.load(order));
            }
            double trainLoss = stack != null && stack.canHold(order.length) ? trainHeld(order, batchSize, epoch)
                    : trainEpoch(model, new PrefetchingBatches(loader, order, batchSize, helper), epoch);
            if (diverged != null) {
                if (start != null) {
                    model.restore(start);
                }
                epoch--;
                break;
            }
            if (cancel.get()) {
                return epoch - 1;
            }
            model.endEpoch();
            double[] validation = validate(model, loader, evaluator);
            addMetrics(epoch, trainLoss, validation);
            if (epoch == 1 || clock.millis() - lastMetricsWrite >= METRICS_INTERVAL_MILLIS) {
                folder.writeMetrics(metrics.table());
                lastMetricsWrite = clock.millis();
            }
            listener.onEvent(new TrainingEvent.EpochCompleted(runId, epoch, epochs, trainLoss, validation[0],
                    metricName, validation[1], clock.millis() - startMillis));
            diagnose(loader, epoch, trainLoss, validation[0]);
            // a generative model's validation loss says little about its samples: early stopping watches its metric
            double watched = generative == null ? validation[0]
                    : generative.higherIsBetter() ? -validation[1] : validation[1];
            if (stopping.isPresent() && best.stop(model, epoch, watched, validation[0], stopping.get())) {
                listener.onEvent(new TrainingEvent.StoppedEarly(runId, epoch, best.epoch, best.validationLoss));
                break;
            }
        }
        if (stopping.isPresent() && stopping.get().restoreBest() && best.snapshot != null && best.epoch != epoch) {
            model.restore(best.snapshot);
        }
        return epoch;
    }

    /** One metrics.csv row; a generative model's epoch values become extra columns, fixed by the first epoch. */
    private void addMetrics(int epoch, double trainLoss, double[] validation) {
        if (generative == null) {
            metrics.add(epoch, trainLoss, validation[0], validation[1]);
            return;
        }
        Map<String, Double> values = generative.epochValues();
        if (epoch == 1 && !values.isEmpty()) {
            values.keySet().forEach(k -> checkColumn(plan.architecture().id(), k));
            metrics = new EpochMetrics(generative.metricName(), List.copyOf(values.keySet()));
        }
        double[] extra = metrics.extraColumns().stream()
                .mapToDouble(c -> values.get(c) == null ? Double.NaN : values.get(c)).toArray();
        metrics.add(epoch, trainLoss, validation[0], validation[1], extra);
    }

    /** The epoch's notes: the losses' for every model, the layers' for a layer stack at the measured epochs. */
    private void diagnose(BatchLoader loader, int epoch, double trainLoss, double validationLoss)
            throws IOException, DatasetException {
        for (Note note : watch.epoch(epoch, trainLoss, validationLoss)) {
            diagnostics.add(fold, epoch, note);
        }
        if (stack == null || !LayerProbe.measured(epoch)) {
            return;
        }
        if (probeFeatures == null) {
            int[] train = split.train();
            probeFeatures = loader.load(Arrays.copyOf(train, Math.min(train.length, LayerProbe.PROBE_EXAMPLES)))
                    .getFeatures();
        }
        Map<Integer, double[]> shares = stack.activationShares(probeFeatures);
        java.util.TreeSet<Integer> layers = new java.util.TreeSet<>(shares.keySet());
        layers.addAll(lastRatios.keySet());
        List<LayerProbe.Row> rows = new ArrayList<>();
        for (int layer : layers) {
            double[] s = shares.getOrDefault(layer, new double[] {Double.NaN, Double.NaN});
            LayerProbe.Row row = new LayerProbe.Row(epoch, layer, s[0], lastRatios.getOrDefault(layer, Double.NaN),
                    s[1]);
            rows.add(row);
            probeRows.append(epoch).append(',').append(layer).append(',').append(cell(row.deadShare()))
                    .append(',').append(cell(row.updateRatio())).append(',').append(cell(row.saturatedShare()))
                    .append('\n');
        }
        folder.writeText(RunFiles.DIAGNOSTICS_TABLE, probeRows.toString());
        LayerProbe.Context context = new LayerProbe.Context(
                watch.saidExploding() || said.stream().anyMatch(k -> k.endsWith(" large")),
                watch.roseAfter(lastMeasured), watch.stillAbove(LayerProbe.STILL_HIGH),
                learningRate().orElse(Double.NaN));
        lastMeasured = epoch;
        for (Note note : LayerProbe.notes(rows, layerLabels(stack.activities()), said, context)) {
            diagnostics.add(fold, epoch, note);
        }
    }

    private static String cell(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    /** Each layer's label for the notes: its type id, with its activation when relu, tanh or sigmoid. */
    private Map<Integer, String> layerLabels(Map<Integer, LayerStackModel.Activity> activities) {
        Map<Integer, String> labels = new java.util.HashMap<>();
        List<org.cajal.api.pipeline.ComponentRef> refs = plan.pipeline().model().layers();
        for (int i = 0; i < refs.size(); i++) {
            LayerStackModel.Activity a = activities.getOrDefault(i, LayerStackModel.Activity.OTHER);
            labels.put(i, refs.get(i).type() + (a == LayerStackModel.Activity.OTHER ? ""
                    : ", " + a.name().toLowerCase(java.util.Locale.ROOT)));
        }
        return labels;
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
            Map<Integer, INDArray> before = stack != null && LayerProbe.measured(epoch) && !batches.hasNext()
                    ? stack.weightMatrices() : null;
            double loss = model.fit(batch);
            if (before != null) {
                lastRatios = stack.updateRatios(before);
            }
            sum += loss * batch.numExamples();
            count += batch.numExamples();
            listener.onEvent(new TrainingEvent.BatchCompleted(runId, epoch, ++b, batches.count(), loss));
            Note nan = watch.batch(epoch, b, loss);
            if (nan != null) {
                batches.cancel();
                diverged = new Divergence(epoch, b);
                diagnostics.add(fold, epoch, nan);
                return Double.NaN;
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
            Map<Integer, INDArray> before = LayerProbe.measured(epoch) && b == batches ? stack.weightMatrices() : null;
            double loss = stack.fitHeld(order, from, to);
            if (before != null) {
                lastRatios = stack.updateRatios(before);
            }
            sum += loss * (to - from);
            count += to - from;
            listener.onEvent(new TrainingEvent.BatchCompleted(runId, epoch, b, batches, loss));
            Note nan = watch.batch(epoch, b, loss);
            if (nan != null) {
                diverged = new Divergence(epoch, b);
                diagnostics.add(fold, epoch, nan);
                return Double.NaN;
            }
        }
        return sum / count;
    }

    /** Validation loss and metric, or NaN, NaN without a validation split. */
    private double[] validate(TrainableModel model, BatchLoader loader, Evaluator evaluator) throws DatasetException {
        int[] v = split.validation();
        if (v.length == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        if (generative != null) {
            // one pass over the split: the loss on every batch, the metric on the first examples' features
            int n = Math.min(v.length, GenerativeModel.MAX_EVALUATION_EXAMPLES);
            List<INDArray> kept = new ArrayList<>();
            double lossSum = 0;
            for (int from = 0; from < v.length; from += EVAL_BATCH) {
                DataSet d = loader.load(Arrays.copyOfRange(v, from, Math.min(v.length, from + EVAL_BATCH)));
                lossSum += model.loss(d) * d.numExamples();
                if (from < n) {
                    INDArray f = d.getFeatures();
                    kept.add(from + f.size(0) <= n ? f
                            : f.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, n - from)).dup());
                }
            }
            return new double[] {lossSum / v.length, generative.metric(rows(kept))};
        }
        double lossSum = 0;
        Evaluator.Metric metric = evaluator.metric();
        long perExample = plan.schema().featureShape().stream().mapToLong(Long::longValue).reduce(1, (a, b) -> a * b);
        boolean keep = (long) v.length * perExample * Float.BYTES <= VALIDATION_CACHE_BYTES;
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
     * Scores the model on the given examples and writes their predictions (predictions.csv) from the same
     * forward passes: the evaluator's outputs are reused, not predicted again.
     */
    private Map<String, Object> evaluate(TrainableModel model, BatchLoader loader, Evaluator evaluator,
                                         int[] indices, String name) throws DatasetException, IOException {
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
        writePredictions(indices, outputs);
        return evaluation;
    }

    /**
     * A generative model's own evaluation of the given examples (no predictions.csv: its outputs are not
     * predictions of a target).
     */
    private Map<String, Object> evaluateGenerative(BatchLoader loader, int[] indices, String name)
            throws DatasetException {
        INDArray features = features(loader, indices);
        Map<String, Object> evaluation = new java.util.LinkedHashMap<>(generative.evaluate(features));
        evaluation.put("split", name);
        evaluation.put("examples", features.size(0));
        return evaluation;
    }

    /**
     * The preprocessed features of up to {@link GenerativeModel#MAX_EVALUATION_EXAMPLES} of the given examples
     * (the split's indices are already in random order, so the first ones are a random sample).
     */
    private static INDArray features(BatchLoader loader, int[] indices) throws DatasetException {
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
    private void writePredictions(int[] indices, INDArray outputs) throws DatasetException, IOException {
        INDArray rawTargets = plan.dataset().targets(indices);
        TargetScale scale = plan.schema().targetKind().isClassification()
                ? TargetScale.identity(plan.schema().targetWidth())
                : TargetScale.of(transforms, plan.dataset().read(Arrays.copyOf(indices, 1)).features(),
                        plan.schema().targetWidth());
        folder.writeText(RunFiles.PREDICTIONS, PredictionsFile.csv(plan.schema(), rawTargets, outputs, scale));
    }

    /** split.json: which examples of the dataset were evaluated, in predictions.csv's row order. */
    private static Map<String, Object> splitFile(int[] indices, String name) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("split", name);
        m.put("examples", indices.length);
        m.put("indices", indices);
        return m;
    }

    private void save(TrainableModel model, Path file) throws IOException {
        model.save(file);
        if (transforms.isEmpty()) {
            return;
        }
        if (isZip(file)) {
            // the fitted preprocessing travels inside the model file, so the saved model predicts on raw input
            ModelSerializer.addObjectToFile(file.toFile(), "cajal-preprocessing", new ArrayList<>(transforms));
        } else {
            // an architecture's own file format (a SameDiff flatbuffer): the preprocessing goes beside it, in the
            // zip form the runtime reads (one entry, as ModelSerializer.addObjectToFile writes it)
            folder.writeWith(RunFiles.PREPROCESSING, zip -> {
                try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
                    out.putNextEntry(new java.util.zip.ZipEntry("objects/cajal-preprocessing"));
                    var bytes = new java.io.ByteArrayOutputStream();
                    try (var objects = new java.io.ObjectOutputStream(bytes)) {
                        objects.writeObject(new ArrayList<>(transforms));
                    }
                    bytes.writeTo(out);
                    out.closeEntry();
                }
            });
        }
    }

    /** Where a non-zip model file's fitted preprocessing goes. */
    
    private static boolean isZip(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
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

    /** Early stopping's memory: the best validation loss so far, its epoch and (optionally) its weights. */
    private static final class Best {
        /** The best watched value (validation loss, or a generative model's metric, oriented lower-is-better). */
        double loss = Double.POSITIVE_INFINITY;
        /** The validation loss at the best epoch. */
        double validationLoss = Double.NaN;
        int epoch;
        int since;
        Object snapshot;

        boolean stop(TrainableModel model, int epochNow, double watched, double validationLossNow,
                     EarlyStopping rule) {
            if (watched < loss - rule.minDelta()) {
                loss = watched;
                validationLoss = validationLossNow;
                epoch = epochNow;
                since = 0;
                snapshot = rule.restoreBest() ? model.snapshot().orElse(null) : null;
                return false;
            }
            return ++since >= rule.patience();
        }
    }
}
