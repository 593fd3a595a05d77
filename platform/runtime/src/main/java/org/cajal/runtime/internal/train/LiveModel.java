package org.cajal.runtime.internal.train;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.cajal.api.data.DataSchema;
import org.cajal.api.data.DatasetException;
import org.cajal.api.data.Examples;
import org.cajal.api.data.FittedTransform;
import org.cajal.api.train.ModelProbe;
import org.cajal.api.train.ModelWatcher;
import org.cajal.api.train.TrainingListener;
import org.cajal.runtime.internal.fused.FusedNetwork;
import org.cajal.runtime.internal.pipeline.Preprocessing;
import org.cajal.runtime.internal.pipeline.RunPlan;
import org.cajal.runtime.internal.pipeline.Split;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Shows a layer stack to the run's listener when it is a {@link ModelWatcher} (the workbench's live view): after
 * each mini-batch it asks the watcher, and when asked hands it this probe. On the fused path the layer outputs come
 * from the fused network's own forward pass (Java, no copy into DL4J); on DL4J's from its feed-forward. Training
 * thread; one per trained model.
 */
final class LiveModel implements ModelProbe {

    private final ModelWatcher watcher;
    private final RunPlan plan;
    private final List<FittedTransform> transforms;
    private final Split split;
    private final String runId;
    private final LayerStackModel stack;
    private final Map<Part, Points> points = new EnumMap<>(Part.class);
    private int epoch;
    private int batch;

    private LiveModel(ModelWatcher watcher, RunPlan plan, List<FittedTransform> transforms, Split split,
                      String runId, LayerStackModel stack) {
        this.watcher = watcher;
        this.plan = plan;
        this.transforms = transforms;
        this.split = split;
        this.runId = runId;
        this.stack = stack;
    }

    /** A live model when the listener watches models and the model is a layer stack, else null. */
    static LiveModel of(TrainingListener listener, RunPlan plan, List<FittedTransform> transforms, Split split,
                        String runId, LayerStackModel stack) {
        return listener instanceof ModelWatcher w && stack != null
                ? new LiveModel(w, plan, transforms, split, runId, stack) : null;
    }

    /** After a mini-batch: shows the model to the watcher if it wants to see it now. */
    void batchEnded(int epochNumber, int batchNumber, int batchesPerEpoch) {
        if (watcher.wantsModel(epochNumber, batchNumber, batchesPerEpoch)) {
            epoch = epochNumber;
            batch = batchNumber;
            watcher.onModel(this);
        }
    }

    @Override
    public String runId() {
        return runId;
    }

    @Override
    public int epoch() {
        return epoch;
    }

    @Override
    public int batch() {
        return batch;
    }

    @Override
    public DataSchema schema() {
        return plan.schema();
    }

    @Override
    public int inputWidth() {
        return (int) plan.schema().featureCount();
    }

    @Override
    public double[][][] layerOutputs(double[][] inputs) {
        int rows = inputs.length;
        int width = inputWidth();
        FusedNetwork fused = stack.fusedNetwork();
        if (fused != null) {
            float[] x = new float[rows * width];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < width; c++) {
                    x[r * width + c] = (float) inputs[r][c];
                }
            }
            float[][] layers = fused.activations(x, rows);
            double[][][] out = new double[layers.length][][];
            for (int l = 0; l < layers.length; l++) {
                out[l] = rowsOf(layers[l], rows);
            }
            return out;
        }
        INDArray features = Nd4j.createFromArray(inputs).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
        List<INDArray> activations = stack.network().feedForward(features, false);
        // activations.get(0) is the input; layer i's output is at i + 1
        double[][][] out = new double[activations.size() - 1][][];
        for (int l = 0; l < out.length; l++) {
            INDArray a = activations.get(l + 1);
            out[l] = a.rank() == 2 ? a.toDoubleMatrix() : a.reshape(rows, a.length() / Math.max(1, rows))
                    .toDoubleMatrix();
        }
        return out;
    }

    private static double[][] rowsOf(float[] a, int rows) {
        int width = rows == 0 ? 0 : a.length / rows;
        double[][] out = new double[rows][width];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < width; c++) {
                out[r][c] = a[r * width + c];
            }
        }
        return out;
    }

    @Override
    public double[][][] weights() {
        Map<Integer, INDArray> matrices = stack.weightMatrices();
        FusedNetwork fused = stack.fusedNetwork();
        // the fused path's copies are DL4J's flattened [nIn, nOut] in column-major order: widths from one pass
        float[][] widths = fused == null ? null : fused.activations(new float[inputWidth()], 1);
        int layers = fused == null ? stack.network().getnLayers() : widths.length;
        double[][][] out = new double[layers][][];
        for (int l = 0; l < layers; l++) {
            INDArray w = matrices.get(l);
            if (w == null) {
                continue;
            }
            if (w.rank() == 2) {
                out[l] = w.toDoubleMatrix();
                continue;
            }
            int nOut = widths[l].length;
            int nIn = (int) (w.length() / nOut);
            double[] flat = w.toDoubleVector();
            out[l] = new double[nIn][nOut];
            for (int j = 0; j < nOut; j++) {
                for (int i = 0; i < nIn; i++) {
                    out[l][i][j] = flat[i + j * nIn];
                }
            }
        }
        return out;
    }

    @Override
    public Points points(Part part, int limit) {
        return points.computeIfAbsent(part, p -> read(p == Part.TRAIN ? split.train() : split.validation(), limit));
    }

    private Points read(int[] indices, int limit) {
        int[] some = Arrays.copyOf(indices, Math.min(indices.length, Math.max(0, limit)));
        if (some.length == 0) {
            return new Points(new double[0][], new double[0][]);
        }
        try {
            Examples examples = Preprocessing.apply(transforms, plan.dataset().read(some));
            double[][] features = examples.features().reshape(some.length, inputWidth()).toDoubleMatrix();
            double[][] targets = examples.targets() == null ? new double[some.length][0]
                    : examples.targets().reshape(some.length, examples.targets().length() / some.length)
                    .toDoubleMatrix();
            return new Points(features, targets);
        } catch (DatasetException e) {
            // the watcher draws without points; the run itself reads the same rows and reports a failure there
            return new Points(new double[0][], new double[0][]);
        }
    }
}
