package org.cajal.workbench.core;

import java.util.List;

import org.cajal.api.data.TargetKind;

/**
 * One look at a layer stack while it trains, made on the training thread for the live view and the network
 * diagram: the model's outputs over a grid spanning two of its inputs (or one input along a line), every layer's
 * output at the same grid points, the weights, and the training and validation examples, all in the model's input
 * space (after the pipeline's preprocessing). Immutable once made; its arrays are never changed.
 *
 * @param x the input on the horizontal axis
 * @param y the input on the vertical axis, -1 when the model has one input (the grid is then a line)
 * @param xRange the grid's horizontal extent {@code {low, high}}
 * @param yRange its vertical extent (for a line: the range of the targets and outputs)
 * @param resolution cells per axis; cell {@code k} is column {@code k % resolution}, row {@code k / resolution} from
 *                   the bottom (a line has {@code resolution} cells)
 * @param layers every layer's output at each grid cell: {@code [layer][cell][unit]}
 * @param weights every layer's weights {@code [layer][input][unit]}, null for a layer without
 * @param train training examples: features {@code [row][input]}
 * @param trainTargets their targets (class index, or values)
 * @param validation validation examples
 * @param validationTargets their targets
 * @param overhead share of the training time spent making the looks so far (0.03 = 3 %)
 * @param looks looks made in this run so far
 */
public record LiveSnapshot(String runId, int epoch, int batch, List<String> inputNames, TargetKind targetKind,
                           List<String> classLabels, int x, int y, double[] xRange, double[] yRange, int resolution,
                           double[][][] layers, double[][][] weights, double[][] train, double[][] trainTargets,
                           double[][] validation, double[][] validationTargets, double overhead, int looks) {

    public LiveSnapshot {
        inputNames = List.copyOf(inputNames);
        classLabels = List.copyOf(classLabels);
    }

    /** Whether the grid is a line over one input. */
    public boolean line() {
        return y < 0;
    }

    /** The model's output at each cell: the last layer's. */
    public double[][] outputs() {
        return layers[layers.length - 1];
    }

    /** Whether the model's output is a class (or class probabilities). */
    public boolean classification() {
        return targetKind.isClassification();
    }

    /**
     * The predicted class at an output row and how sure the model is (0 .. 1): one sigmoid output is the
     * probability of class 1, several outputs are probabilities per class.
     */
    public static double[] classAndConfidence(double[] out) {
        if (out.length == 1) {
            double p = out[0];
            return new double[] {p >= 0.5 ? 1 : 0, Math.abs(p - 0.5) * 2};
        }
        int best = 0;
        for (int k = 1; k < out.length; k++) {
            best = out[k] > out[best] ? k : best;
        }
        double chance = 1.0 / out.length;
        return new double[] {best, Math.max(0, Math.min(1, (out[best] - chance) / (1 - chance)))};
    }
}
