package org.cajal.visualisers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.cajal.api.data.TargetKind;
import org.cajal.api.visual.RunData;
import org.cajal.api.visual.RunRecord;

/** A hand-made {@link RunData}: given predictions and inputs, and a model that is a known function. */
final class FakeRunData implements RunData {

    final TargetKind kind;
    final List<String> features;
    final List<String> classes;
    final boolean tabular;
    final Predictions predictions;
    final Inputs inputs;
    final Function<double[], double[]> model;
    final List<Values> weights;
    final List<double[][]> predictCalls = new ArrayList<>();

    FakeRunData(TargetKind kind, List<String> features, List<String> classes, boolean tabular,
                Predictions predictions, Inputs inputs, Function<double[], double[]> model, List<Values> weights) {
        this.kind = kind;
        this.features = features;
        this.classes = classes;
        this.tabular = tabular;
        this.predictions = predictions;
        this.inputs = inputs;
        this.model = model;
        this.weights = weights;
    }

    /** Probability of class 1 for the XOR-like problem: class 1 where x0 * x1 > 0. */
    static double xorProbability(double[] row) {
        return 1 / (1 + Math.exp(-20 * row[0] * row[1]));
    }

    /** An XOR-like binary problem over two (or more) features; the model predicts [1 - p, p]. */
    static FakeRunData xor(int features) {
        List<double[]> rows = new ArrayList<>();
        double[] coords = {-0.9, -0.15, 0.15, 0.9};
        for (double a : coords) {
            for (double b : coords) {
                double[] row = new double[features];
                row[0] = a;
                row[1] = b;
                for (int f = 2; f < features; f++) {
                    row[f] = f + (a > 0 ? 1 : -1); // mean f
                }
                rows.add(row);
            }
        }
        double[][] x = rows.toArray(double[][]::new);
        double[] targets = new double[x.length];
        double[][] outputs = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            targets[i] = x[i][0] * x[i][1] > 0 ? 1 : 0;
            double p = xorProbability(x[i]);
            outputs[i] = new double[] {1 - p, p};
        }
        List<String> names = new ArrayList<>();
        for (int f = 0; f < features; f++) {
            names.add("x" + f);
        }
        return new FakeRunData(TargetKind.BINARY, names, List.of("off", "on"), true,
                new Predictions(targets, outputs), new Inputs(x, targets),
                row -> {
                    double p = xorProbability(row);
                    return new double[] {1 - p, p};
                },
                List.of(new Values("dense 0", gaussian(200, 0.5f, 1)), new Values("dropout 1", new float[0]),
                        new Values("output 2", gaussian(34, 0.2f, 2))));
    }

    /** A regression problem y = 2 x0 - x1 whose model is slightly off. */
    static FakeRunData regression() {
        int n = 60;
        double[][] x = new double[n][];
        double[] y = new double[n];
        double[][] outputs = new double[n][];
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {random.nextDouble() * 4 - 2, random.nextDouble() * 4 - 2};
            y[i] = 2 * x[i][0] - x[i][1];
            outputs[i] = new double[] {y[i] + random.nextGaussian() * 0.3};
        }
        return new FakeRunData(TargetKind.REGRESSION, List.of("a", "b"), List.of(), true,
                new Predictions(y, outputs), new Inputs(x, y),
                row -> new double[] {2 * row[0] - row[1]},
                List.of(new Values("dense 0", gaussian(50, 1, 4))));
    }

    static float[] gaussian(int n, float sd, long seed) {
        java.util.Random random = new java.util.Random(seed);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) (random.nextGaussian() * sd);
        }
        return out;
    }

    static RunRecord record(RunData data) {
        return new RunRecord("run-1", Path.of("runs/run-1"), List.of("epoch", "train_loss", "validation_loss",
                "validation_accuracy"), List.of(new double[] {1, 0.9, 1.0, 0.5}, new double[] {2, 0.5, 0.6, 0.7},
                new double[] {3, 0.3, 0.45, 0.8}), Map.of(), data);
    }

    @Override
    public TargetKind targetKind() {
        return kind;
    }

    @Override
    public List<String> featureNames() {
        return features;
    }

    @Override
    public List<String> classNames() {
        return classes;
    }

    @Override
    public boolean tabular() {
        return tabular;
    }

    @Override
    public Predictions predictions() {
        return predictions;
    }

    @Override
    public Inputs inputs(int max) {
        int n = Math.min(max, inputs.rows().length);
        return new Inputs(java.util.Arrays.copyOf(inputs.rows(), n), java.util.Arrays.copyOf(inputs.targets(), n));
    }

    @Override
    public double[][] predict(double[][] rawRows) {
        predictCalls.add(rawRows);
        double[][] out = new double[rawRows.length][];
        for (int i = 0; i < rawRows.length; i++) {
            out[i] = model.apply(rawRows[i]);
        }
        return out;
    }

    @Override
    public List<Values> weights() {
        return weights;
    }

    /** Layer 0: ReLU of (x0 + x1) per row and of (x0 - x1); layer 1: the model's outputs. */
    @Override
    public List<Values> activations(double[][] rawRows) {
        float[] hidden = new float[rawRows.length * 2];
        float[] output = new float[rawRows.length * 2];
        for (int i = 0; i < rawRows.length; i++) {
            hidden[2 * i] = (float) Math.max(0, rawRows[i][0] + rawRows[i][1]);
            hidden[2 * i + 1] = (float) Math.max(0, rawRows[i][0] - rawRows[i][1]);
            double[] o = model.apply(rawRows[i]);
            output[2 * i] = (float) o[0];
            output[2 * i + 1] = (float) (o.length > 1 ? o[1] : o[0]);
        }
        return List.of(new Values("dense 0 (relu)", hidden), new Values("output 1 (softmax)", output));
    }
}
