package org.cajal.runtime.internal.train;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

import org.cajal.api.data.DatasetException;
import org.cajal.api.pipeline.ComponentRef;
import org.cajal.api.run.RunFiles;
import org.cajal.runfolder.RunFolderWriter;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One model's diagnostics as it trains: the loss-based notes ({@link LossWatch}) for every model and, for a layer
 * stack, {@link LayerProbe}'s measurements at the measured epochs — written to diagnostics.csv in the model's
 * folder ({@code epoch,layer,dead_share,update_ratio,saturated_share}, an empty cell where not measured) — and its
 * notes. Every note goes to the run's {@link DiagnosticsLog}.
 */
final class EpochDiagnostics {

    private final LossWatch watch;
    private final DiagnosticsLog log;
    private final int fold;
    private final RunFolderWriter folder;
    /** The layer stack being trained (its layers are probed), else null. */
    private final LayerStackModel stack;
    private final List<ComponentRef> layers;
    private final OptionalDouble learningRate;
    private INDArray probeFeatures;
    private Map<Integer, Double> lastRatios = Map.of();
    /** The last epoch the layers were measured at (0: none yet). */
    private int lastMeasured;
    private final Set<String> said = new HashSet<>();
    private final StringBuilder probeRows = new StringBuilder(
            "epoch,layer,dead_share,update_ratio,saturated_share\n");

    /**
     * @param stack  the layer stack to probe, or null for another model
     * @param layers the pipeline's layers (their type ids label the notes)
     * @param fold   1-based fold of a k-fold run, 0 for a hold-out run
     */
    EpochDiagnostics(LossWatch watch, DiagnosticsLog log, int fold, RunFolderWriter folder, LayerStackModel stack,
                     List<ComponentRef> layers, OptionalDouble learningRate) {
        this.watch = watch;
        this.log = log;
        this.fold = fold;
        this.folder = folder;
        this.stack = stack;
        this.layers = layers;
        this.learningRate = learningRate;
    }

    /** What a checkpoint keeps of one model's diagnostics, and the run's notes so far. */
    record State(LossWatch.State watch, Map<Integer, Double> lastRatios, int lastMeasured, Set<String> said,
                 String probeRows, List<Map<String, Object>> notes) implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
    }

    State state() {
        return new State(watch.state(), new java.util.HashMap<>(lastRatios), lastMeasured, new HashSet<>(said),
                probeRows.toString(), log.entries());
    }

    void resume(State s) throws IOException {
        watch.resume(s.watch());
        lastRatios = s.lastRatios();
        lastMeasured = s.lastMeasured();
        said.clear();
        said.addAll(s.said());
        probeRows.setLength(0);
        probeRows.append(s.probeRows());
        log.resume(s.notes());
    }

    /** A mini-batch's loss; true when it is not a number (the note is logged then). */
    boolean diverged(int epoch, int batch, double loss) throws IOException {
        Note nan = watch.batch(epoch, batch, loss);
        if (nan != null) {
            log.add(fold, epoch, nan);
        }
        return nan != null;
    }

    /** The weights before a mini-batch whose update is measured (a measured epoch's last), else null. */
    Map<Integer, INDArray> weightsBefore(int epoch, boolean lastBatch) {
        return stack != null && LayerProbe.measured(epoch) && lastBatch ? stack.weightMatrices() : null;
    }

    /** After the measured mini-batch: the update ratios against the weights before it. */
    void updated(Map<Integer, INDArray> before) {
        if (before != null) {
            lastRatios = stack.updateRatios(before);
        }
    }

    /**
     * The epoch's notes: the losses' for every model, the layers' for a layer stack at the measured epochs.
     *
     * @param train the training split's indices (the first ones are probed)
     */
    void epoch(BatchLoader loader, int[] train, int epoch, double trainLoss, double validationLoss)
            throws IOException, DatasetException {
        for (Note note : watch.epoch(epoch, trainLoss, validationLoss)) {
            log.add(fold, epoch, note);
        }
        if (stack == null || !LayerProbe.measured(epoch)) {
            return;
        }
        if (probeFeatures == null) {
            probeFeatures = loader.load(Arrays.copyOf(train, Math.min(train.length, LayerProbe.PROBE_EXAMPLES)))
                    .getFeatures();
        }
        List<LayerProbe.Row> rows = measure(epoch);
        folder.writeText(RunFiles.DIAGNOSTICS_TABLE, probeRows.toString());
        LayerProbe.Context context = new LayerProbe.Context(
                watch.saidExploding() || said.stream().anyMatch(k -> k.endsWith(" large")),
                watch.roseAfter(lastMeasured), watch.stillAbove(LayerProbe.STILL_HIGH),
                learningRate.orElse(Double.NaN));
        lastMeasured = epoch;
        for (Note note : LayerProbe.notes(rows, layerLabels(stack.activities()), said, context)) {
            log.add(fold, epoch, note);
        }
    }

    /** Each layer's shares and last update ratio at this epoch, also appended to diagnostics.csv's rows. */
    private List<LayerProbe.Row> measure(int epoch) {
        Map<Integer, double[]> shares = stack.activationShares(probeFeatures);
        TreeSet<Integer> measured = new TreeSet<>(shares.keySet());
        measured.addAll(lastRatios.keySet());
        List<LayerProbe.Row> rows = new ArrayList<>();
        for (int layer : measured) {
            double[] s = shares.getOrDefault(layer, new double[] {Double.NaN, Double.NaN});
            LayerProbe.Row row = new LayerProbe.Row(epoch, layer, s[0], lastRatios.getOrDefault(layer, Double.NaN),
                    s[1]);
            rows.add(row);
            probeRows.append(epoch).append(',').append(layer).append(',').append(cell(row.deadShare()))
                    .append(',').append(cell(row.updateRatio())).append(',').append(cell(row.saturatedShare()))
                    .append('\n');
        }
        return rows;
    }

    private static String cell(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    /** Each layer's label for the notes: its type id, with its activation when relu, tanh or sigmoid. */
    private Map<Integer, String> layerLabels(Map<Integer, LayerStackModel.Activity> activities) {
        Map<Integer, String> labels = new HashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            LayerStackModel.Activity a = activities.getOrDefault(i, LayerStackModel.Activity.OTHER);
            labels.put(i, layers.get(i).type() + (a == LayerStackModel.Activity.OTHER ? ""
                    : ", " + a.name().toLowerCase(Locale.ROOT)));
        }
        return labels;
    }
}
