package org.cajal.runtime.internal.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The layer-level diagnostics of a layer stack, measured cheaply at a few epochs ({@link #measured}): the share
 * of dead ReLU units ({@code dead-relu}) and the size of the last update relative to the weights
 * ({@code update-ratio}).
 *
 * <p>Thresholds: a ReLU layer is reported when at least {@value #DEAD_SHARE} of its units output zero for every
 * example of a batch of up to {@value #PROBE_EXAMPLES} training examples; a layer's update ratio
 * ||&Delta;W|| / ||W|| (Frobenius norms of its weight matrix {@code W}, before and after the epoch's last
 * mini-batch; biases left out, as they start at zero) is reported outside [{@value #MIN_RATIO},
 * {@value #MAX_RATIO}], but only where the losses say it matters ({@link Context}). Each layer is reported at most once per kind (and direction) per model; the measured values
 * of every epoch go to diagnostics.csv.
 */
final class LayerProbe {

    /** Share of dead units at which a ReLU layer is reported. */
    static final double DEAD_SHARE = 0.4;

    /** Most training examples fed forward to count dead units. */
    static final int PROBE_EXAMPLES = 256;

    /** Update ratios below this mean learning has stalled. */
    static final double MIN_RATIO = 1e-5;

    /** Update ratios above this mean the steps are too large. */
    static final double MAX_RATIO = 1e-1;

    /**
     * What the training loss says, which decides whether an update ratio out of range is worth a note. Large
     * ratios are common and harmless while the loss falls steadily (the first epochs of the house-prices example,
     * 0.14; a one-weight linear regression moving its weight from near 0 to 2): they are reported only when the
     * training loss rose in some epoch since the previous measurement. Tiny ratios are right once a model has
     * converged (linear regression by gradient descent ends with updates of 0): they are reported only while the
     * training loss is still above {@value #STILL_HIGH} of the first epoch's, and not once training is known to go
     * too fast (then they come from saturated units).
     *
     * @param tooFast the loss exploded, or a large update was reported already
     * @param lossRose the training loss rose in some epoch since the previous measured epoch
     * @param lossStillHigh the last epoch's training loss is above {@value #STILL_HIGH} of the first epoch's
     * @param learningRate the optimizer's learning rate, NaN if it has none (named in the advice)
     */
    record Context(boolean tooFast, boolean lossRose, boolean lossStillHigh, double learningRate) {
    }

    /** Share of the first epoch's training loss above which training has not achieved much yet. */
    static final double STILL_HIGH = 0.5;

    private LayerProbe() {
    }

    /** Whether the end of this (1-based) epoch is measured: 1, 2, 5, 10, 20, 50, 100, 200, 500, ... */
    static boolean measured(int epoch) {
        long decade = 1;
        while (decade <= epoch) {
            if (epoch == decade || epoch == 2 * decade || epoch == 5 * decade) {
                return true;
            }
            decade *= 10;
        }
        return false;
    }

    /**
     * The share of units that are zero (or below) for every example: {@code activations} is
     * {@code [examples, units, ...]} (dense {@code [n, units]}; convolutional {@code [n, channels, h, w]} or
     * {@code [n, channels, t]}, where a unit is a channel, dead when zero at every position of every example).
     * NaN for no units or no examples.
     */
    static double deadShare(INDArray activations) {
        if (activations.rank() < 2 || activations.size(0) == 0 || activations.size(1) == 0) {
            return Double.NaN;
        }
        int[] others = IntStream.range(0, activations.rank()).filter(d -> d != 1).toArray();
        INDArray most = activations.max(others);
        long units = most.length();
        long dead = 0;
        for (long u = 0; u < units; u++) {
            if (most.getDouble(u) <= 0) {
                dead++;
            }
        }
        return (double) dead / units;
    }

    /**
     * The share of values at or beyond the ends of an activation's range ({@code <= low} or {@code >= high}): a
     * saturated tanh or sigmoid unit passes almost no gradient. NaN for an empty array.
     */
    static double saturatedShare(INDArray activations, double low, double high) {
        if (activations.length() == 0) {
            return Double.NaN;
        }
        double saturated = activations.lte(low).castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).sumNumber()
                .doubleValue() + activations.gte(high).castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE)
                .sumNumber().doubleValue();
        return saturated / activations.length();
    }

    /** {@link #deadShare(INDArray)} of a {@code rows x width} row-major array (the fused path's activations). */
    static double deadShare(float[] a, int rows, int width) {
        if (rows == 0 || width == 0) {
            return Double.NaN;
        }
        int dead = 0;
        for (int u = 0; u < width; u++) {
            float max = Float.NEGATIVE_INFINITY;
            for (int r = 0; r < rows; r++) {
                max = Math.max(max, a[r * width + u]);
            }
            if (max <= 0) {
                dead++;
            }
        }
        return (double) dead / width;
    }

    /** {@link #saturatedShare(INDArray, double, double)} of an array's values (the fused path's activations). */
    static double saturatedShare(float[] a, double low, double high) {
        if (a.length == 0) {
            return Double.NaN;
        }
        long saturated = 0;
        for (float v : a) {
            if (v <= low || v >= high) {
                saturated++;
            }
        }
        return (double) saturated / a.length;
    }

    /** ||after - before|| / ||before|| (Frobenius norms); NaN when the weights before were all zero. */
    static double updateRatio(INDArray before, INDArray after) {
        double norm = before.norm2Number().doubleValue();
        if (norm == 0) {
            return Double.NaN;
        }
        return after.sub(before).norm2Number().doubleValue() / norm;
    }

    /**
     * One layer's measurement at one epoch, NaN where not measured: {@code deadShare} for ReLU layers,
     * {@code saturatedShare} (values within 1% of the ends of the range) for tanh and sigmoid layers,
     * {@code updateRatio} for layers with weights.
     */
    record Row(int epoch, int layer, double deadShare, double updateRatio, double saturatedShare) {

        Row(int epoch, int layer, double deadShare, double updateRatio) {
            this(epoch, layer, deadShare, updateRatio, Double.NaN);
        }
    }

    /** Share of saturated values at which a tanh or sigmoid layer explains tiny updates. */
    static final double SATURATED_SHARE = 0.5;

    /**
     * What one epoch's measurement says: a note per ReLU layer with too many dead units and per layer whose update
     * ratio is out of range, unless {@code said} already holds that layer's key (which this then adds).
     *
     * @param labels each layer's label ({@code dense, relu}), by layer index
     * @param context what the losses say ({@link Context}: when out-of-range ratios are worth a note)
     *
     * <p>Tiny updates have three causes, told apart by the same measurement: dead ReLU units (some layer at least
     * {@value #DEAD_SHARE} dead: the {@code dead-relu} note says what to do, so no update-ratio note), saturated
     * tanh/sigmoid units (some layer with at least {@value #SATURATED_SHARE} of its outputs at the ends of its
     * range: the note says so and advises a lower learning rate or standardised inputs) or too low a learning rate
     * (otherwise: raise it).
     */
    static List<Note> notes(List<Row> rows, Map<Integer, String> labels, java.util.Set<String> said,
                            Context context) {
        double learningRate = context.learningRate();
        boolean deadSomewhere = rows.stream().anyMatch(r -> r.deadShare() >= DEAD_SHARE);
        Row saturated = rows.stream().filter(r -> r.saturatedShare() >= SATURATED_SHARE).findFirst().orElse(null);
        List<Note> notes = new ArrayList<>();
        Map<String, Object> shares = new LinkedHashMap<>();
        Map<String, Object> ratios = new LinkedHashMap<>();
        for (Row r : rows) {
            if (!Double.isNaN(r.deadShare())) {
                shares.put(String.valueOf(r.layer()), r.deadShare());
            }
            if (!Double.isNaN(r.updateRatio())) {
                ratios.put(String.valueOf(r.layer()), r.updateRatio());
            }
        }
        for (Row r : rows) {
            String label = labels.getOrDefault(r.layer(), "layer");
            if (r.deadShare() >= DEAD_SHARE && said.add("dead-relu " + r.layer())) {
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("layer", r.layer());
                values.put("deadShare", r.deadShare());
                values.put("shares", shares);
                notes.add(new Note("dead-relu", Math.round(r.deadShare() * 100) + "% of the units in layer "
                        + r.layer() + " (" + label + ") output zero for every example: they no longer learn. "
                        + "Try a lower learning rate, He initialisation or leaky ReLU.", values));
            }
            boolean tiny = r.updateRatio() < MIN_RATIO && context.lossStillHigh() && !context.tooFast()
                    && !deadSomewhere;
            boolean large = r.updateRatio() > MAX_RATIO && context.lossRose();
            if ((tiny || large) && said.add("update-ratio " + r.layer() + (tiny ? " tiny" : " large"))) {
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("layer", r.layer());
                values.put("ratio", r.updateRatio());
                values.put("ratios", ratios);
                String what;
                if (large) {
                    what = "updates are large relative to the weights: lower the learning rate";
                } else if (saturated != null) {
                    values.put("saturatedLayer", saturated.layer());
                    values.put("saturatedShare", saturated.saturatedShare());
                    what = "updates are tiny relative to the weights: learning has stalled, because "
                            + Math.round(saturated.saturatedShare() * 100) + "% of the outputs of layer "
                            + saturated.layer() + " (" + labels.getOrDefault(saturated.layer(), "layer")
                            + ") are saturated at the ends of their range, where gradients vanish. Lower the "
                            + "learning rate" + (Double.isNaN(learningRate) ? "" : " (" + Note.number(learningRate)
                            + ")") + " or standardise the inputs, rather than raising it";
                } else {
                    what = "updates are tiny relative to the weights: learning has stalled; raise the learning rate";
                }
                notes.add(new Note("update-ratio", "In layer " + r.layer() + " (" + label + ") the last update "
                        + "changed the weights by " + Note.number(r.updateRatio()) + " of their size (healthy: "
                        + Note.number(MIN_RATIO) + " to " + Note.number(MAX_RATIO) + "): " + what + ".", values));
            }
        }
        return notes;
    }
}
