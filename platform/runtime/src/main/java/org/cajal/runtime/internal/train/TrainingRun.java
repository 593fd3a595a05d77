package org.cajal.runtime.internal.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.cajal.api.data.DatasetException;
import org.cajal.api.data.FittedTransform;
import org.cajal.api.model.LayerException;
import org.cajal.api.pipeline.RunResult;
import org.cajal.api.run.Evaluation;
import org.cajal.api.run.RunFiles;
import org.cajal.api.run.RunStatus;
import org.cajal.api.train.TrainingEvent;
import org.cajal.api.train.TrainingListener;
import org.cajal.runfolder.RunFolderWriter;
import org.cajal.runtime.internal.folder.DataFingerprint;
import org.cajal.runtime.internal.folder.RunProvenance;
import org.cajal.runtime.internal.folder.SchemaFile;
import org.cajal.runtime.internal.pipeline.Preprocessing;
import org.cajal.runtime.internal.pipeline.RunPlan;
import org.cajal.runtime.internal.pipeline.Split;

/**
 * One run on the runtime's worker thread: a single model on a hold-out split, or k models for k-fold
 * cross-validation, each in its own {@code fold-i} folder, with their mean ± sd in the run folder.
 *
 * <p>Determinism: the weights, the splits and the batch order all derive from the pipeline's seed, so the same
 * pipeline and seed on the same backend give the same metrics.
 *
 * <p>Status at the end (provenance.json): {@code finished}, {@code cancelled} (stopped on request; listeners get
 * {@link TrainingEvent.Cancelled}) or {@code diverged} (the training loss became NaN or infinite: training stopped
 * there, provenance's {@code diverged} says where, and the rest is written as for a finished run — evaluation of
 * the weights at the start of the diverged epoch, model, metrics so far — and listeners get
 * {@link TrainingEvent.Finished}, since nobody asked it to stop).
 */
public final class TrainingRun {

    private final RunPlan plan;
    private final RunFolderWriter folder;
    private final RunProvenance provenance;
    private final TrainingListener listener;
    private final AtomicBoolean cancel;
    private final Clock clock;
    private final List<Path> dataFiles;
    private final CheckpointPolicy checkpoints;
    private final boolean resume;
    private DiagnosticsLog diagnostics;

    /**
     * @param dataFiles   the dataset's local files, fingerprinted in provenance.json's {@code data}
     * @param checkpoints when a layer stack's checkpoints are written and whether they stay at the end
     * @param resume      whether each model goes on from its checkpoint in the folder (an interrupted run resumed)
     */
    public TrainingRun(RunPlan plan, RunFolderWriter folder, RunProvenance provenance, TrainingListener listener,
                AtomicBoolean cancel, Clock clock, List<Path> dataFiles, CheckpointPolicy checkpoints,
                boolean resume) {
        this.plan = plan;
        this.folder = folder;
        this.provenance = provenance;
        this.listener = listener;
        this.cancel = cancel;
        this.clock = clock;
        this.dataFiles = List.copyOf(dataFiles);
        this.checkpoints = checkpoints;
        this.resume = resume;
    }

    public RunResult call() throws IOException, DatasetException, LayerException, InterruptedException {
        ExecutorService helper = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "cajal-batches-" + folder.id());
            t.setDaemon(true);
            return t;
        });
        try {
            Map<String, Object> data = new LinkedHashMap<>(DataFingerprint.of(plan.dataset(), dataFiles));
            data.put("split", splitRows());
            provenance.put("data", data);
            dataPreparation();
            warnSplit();
            provenance.write(folder);
            diagnostics = new DiagnosticsLog(folder, listener);
            // a generative model's run has no target, whatever the dataset has: its schema.json says so
            folder.writeJson(RunFiles.SCHEMA, SchemaFile.toMap(plan.generative()
                    ? RunPlan.withoutTarget(plan.dataset().schema()) : plan.dataset().schema()));
            Result result = plan.splits().size() == 1 ? holdOut(helper) : crossValidate(helper);
            folder.writeJson(RunFiles.EVALUATION, result.evaluation);
            if (result.diverged != null) {
                provenance.put("diverged", result.diverged);
            }
            RunStatus status = result.diverged != null ? RunStatus.DIVERGED
                    : result.cancelled ? RunStatus.CANCELLED : RunStatus.FINISHED;
            provenance.end(clock.instant(), status);
            provenance.write(folder);
            // the end is recorded: the checkpoints are no longer needed to resume
            if (!checkpoints.keep()) {
                TrainingCheckpoint.deleteAll(folder.path());
            }
            listener.onEvent(result.cancelled
                    ? new TrainingEvent.Cancelled(folder.id(), folder.path(), result.epochs)
                    : new TrainingEvent.Finished(folder.id(), folder.path(), result.evaluation));
            return new RunResult(folder.id(), folder.path(), status, new Evaluation(result.evaluation));
        } finally {
            helper.shutdownNow();
        }
    }

    /** Deletes a run folder's checkpoints and its folds' (a run that ended by failing). */
    public static void deleteCheckpoints(Path run) throws IOException {
        TrainingCheckpoint.deleteAll(run);
    }

    /** The rows in each part: hold-out {train, validation, test}; k-fold {test, crossValidated, folds}. */
    private Map<String, Object> splitRows() {
        List<Split> splits = plan.splits();
        Split first = splits.get(0);
        Map<String, Object> rows = new LinkedHashMap<>();
        if (splits.size() == 1) {
            rows.put("train", first.train().length);
            rows.put("validation", first.validation().length);
            rows.put("test", first.test().length);
        } else {
            rows.put("test", first.test().length);
            rows.put("crossValidated", first.train().length + first.validation().length);
            rows.put("folds", splits.size());
        }
        return rows;
    }

    /**
     * provenance.json's {@code imputed} (cells filled per column and split) and {@code dataPreparation} (what was
     * fitted on the training rows); for k-fold, fold 1's (each fold fits its own training rows).
     */
    private void dataPreparation() {
        Map<String, Object> record = new LinkedHashMap<>(Preprocessing.provenance(plan.transforms()));
        if (record.get("dataPreparation") instanceof Map<?, ?> m && plan.splits().size() > 1) {
            Map<Object, Object> fold = new LinkedHashMap<>(m);
            fold.put("fold", 1);
            record.put("dataPreparation", fold);
        }
        record.forEach(provenance::put);
    }

    /**
     * The split's warnings (a class missing from a part): in provenance.json's {@code warnings} and to the listener
     * as diagnostics of kind {@code split} (epoch 0: before training).
     */
    private void warnSplit() {
        List<String> warnings = plan.splits().get(0).warnings();
        if (warnings.isEmpty()) {
            return;
        }
        provenance.put("warnings", warnings);
        for (String w : warnings) {
            listener.onEvent(new TrainingEvent.Diagnostic(folder.id(), 0, "split", w, Map.of()));
        }
    }

    /** @param diverged where training diverged ({epoch, batch[, fold]}), or null */
    private record Result(Map<String, Object> evaluation, boolean cancelled, int epochs,
                          Map<String, Object> diverged) {
    }

    private static Map<String, Object> divergence(ModelTraining.Outcome o, int fold) {
        if (o.diverged() == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        if (fold > 0) {
            m.put("fold", fold);
        }
        m.put("epoch", o.diverged().epoch());
        m.put("batch", o.diverged().batch());
        return m;
    }

    /** provenance.json's {@code engine}: which loop trained a layer stack ({@code fused} or {@code dl4j}), and why. */
    private void engine(org.cajal.api.model.TrainableModel model) {
        if (model instanceof LayerStackModel stack) {
            provenance.put("engine", Map.of("id", stack.engineId(), "requested",
                    plan.pipeline().training().engine().id(), "description", stack.engineDescription(),
                    "openblas", stack.engineId().equals("fused")
                            && org.cajal.runtime.internal.fused.FusedNetwork.nativeProducts()));
        } else if (plan.architecture() != null) {
            provenance.put("engine", Map.of("id", "architecture", "requested",
                    plan.pipeline().training().engine().id(), "description",
                    "architecture " + plan.architecture().id() + " trains itself"));
        }
    }

    private Result holdOut(ExecutorService helper)
            throws IOException, DatasetException, LayerException, InterruptedException {
        Split s = plan.splits().get(0);
        String name = s.test().length > 0 ? "test" : s.validation().length > 0 ? "validation" : "train";
        int[] on = s.test().length > 0 ? s.test() : s.validation().length > 0 ? s.validation() : s.train();
        ModelTraining.Outcome o = training(s, plan.transforms(), folder, helper, 0).run(on, name);
        provenance.put("parameters", o.model().parameterCount());
        engine(o.model());
        provenance.put("epochs", o.completedEpochs());
        return new Result(o.evaluation(), o.cancelled(), o.completedEpochs(), divergence(o, 0));
    }

    /**
     * k-fold cross-validation over the non-test rows: one model per fold, validated on its fold; the run folder's
     * model is the best fold's (by its validation metric), and that model alone is evaluated on the test split when
     * there is one (evaluation.json's {@code test}).
     */
    private Result crossValidate(ExecutorService helper)
            throws IOException, DatasetException, LayerException, InterruptedException {
        List<Split> splits = plan.splits();
        List<Map<String, Object>> evaluations = new ArrayList<>();
        List<EpochMetrics> tables = new ArrayList<>();
        Map<String, Object> diverged = null;
        try (BestFold best = new BestFold()) {
            for (int f = 0; f < splits.size() && !cancel.get() && diverged == null; f++) {
                listener.onEvent(new TrainingEvent.FoldStarted(folder.id(), f + 1, splits.size()));
                List<FittedTransform> transforms = f == 0 ? plan.transforms()
                        : plan.preprocessing().fit(plan.dataset(), splits.get(f));
                ModelTraining training = training(splits.get(f), transforms, folder.fold(f + 1), helper, f + 1);
                ModelTraining.Outcome o = training.runAndKeep(splits.get(f).validation(), "fold " + (f + 1));
                // a diverged fold ends the run, as a cancel would: the folds so far are summarised
                diverged = divergence(o, f + 1);
                evaluations.add(o.evaluation());
                tables.add(o.metrics());
                engine(o.model());
                best.offer(f + 1, training, o);
            }
            folder.writeMetrics(EpochMetrics.mean(tables).table());
            int[] test = splits.get(0).test();
            copyBestFold(best.fold);
            Map<String, Object> summary = new LinkedHashMap<>(CrossValidation.summarise(evaluations));
            summary.put("training", CrossValidation.training(evaluations, plan.pipeline().training().epochs()));
            summary.put("bestFold", best.fold);
            summary.put("model", "model.zip is fold " + best.fold + "'s model (best validation " + best.metricName
                    + ")" + (test.length > 0 ? "; it alone is evaluated on the test split" : ""));
            if (test.length > 0) {
                Map<String, Object> scores = new LinkedHashMap<>(best.training.evaluateAgain(test, "test"));
                scores.put("fold", best.fold);
                summary.put("test", scores);
            }
            return new Result(summary, cancel.get(), evaluations.size(), diverged);
        }
    }

    /** The fold whose model is best so far by its validation metric, kept open; the others are closed. */
    private static final class BestFold implements AutoCloseable {
        private int fold;
        private double metric = Double.NaN;
        private String metricName;
        private ModelTraining training;

        void offer(int candidate, ModelTraining t, ModelTraining.Outcome o) {
            // a fold is evaluated on its own validation fold, so its evaluation holds the validation metric; a
            // generative model's evaluation need not repeat its metric: then its last validation value counts
            metricName = o.metricName();
            double m = o.evaluation().get(metricName) instanceof Number n ? n.doubleValue() : o.metrics().lastMetric();
            if (training != null && !better(m, metric, o.higherIsBetter())) {
                t.close();
                return;
            }
            close();
            fold = candidate;
            metric = m;
            training = t;
        }

        @Override
        public void close() {
            if (training != null) {
                training.close();
            }
        }
    }

    /**
     * The run folder's files from the best fold's folder: its model, predictions and split (so predictions.csv,
     * split.json and model.zip agree: RunData.predict on the inputs of split.json reproduces predictions.csv) and
     * files a model writes beside its model file (a plugin's attention.json or gan-samples.json, so its visualisers
     * find them); not the fold's metrics and evaluation (the run's are the mean over folds). The test split's
     * evaluation is evaluation.json's {@code test} alone.
     */
    private void copyBestFold(int best) throws IOException {
        Path bestFold = folder.path().resolve(RunFiles.foldFolder(best));
        List<Path> files;
        try (var listing = Files.list(bestFold)) {
            files = listing.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (!name.equals(RunFiles.METRICS) && !name.equals(RunFiles.EVALUATION)
                    && !name.equals(RunFiles.CHECKPOINT) && !name.startsWith(".")) {
                folder.writeWith(name, target -> Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING));
            }
        }
    }

    private static boolean better(double candidate, double incumbent, boolean higherIsBetter) {
        return higherIsBetter ? candidate > incumbent : candidate < incumbent;
    }

    private ModelTraining training(Split split, List<FittedTransform> transforms, RunFolderWriter into,
                                   ExecutorService helper, int fold) {
        return new ModelTraining(plan, split, transforms, into, folder.id(), listener, cancel, clock, helper,
                diagnostics, fold, checkpoints, resume);
    }
}
