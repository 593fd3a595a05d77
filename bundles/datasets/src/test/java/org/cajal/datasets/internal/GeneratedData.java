package org.cajal.datasets.internal;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.IntStream;

import org.cajal.api.Parameters;
import org.cajal.api.data.Dataset;
import org.cajal.api.data.DatasetException;
import org.cajal.api.data.DatasetProvider;
import org.cajal.api.data.Examples;

/** Test helpers for generated datasets: opening with parameters, reading everything, simple statistics. */
final class GeneratedData {

    private GeneratedData() {
    }

    static Dataset open(DatasetProvider provider, Map<String, ?> raw, long seed) throws DatasetException {
        return provider.open(Parameters.resolve(provider.descriptor(), raw, Path.of(".")), seed);
    }

    static Examples all(Dataset data) throws DatasetException {
        return data.read(IntStream.range(0, data.size()).toArray());
    }

    /**
     * The best accuracy any straight line reaches on two-class points in the plane, searched over 720 directions
     * with the best threshold for each: a measure of how far from linearly separable the classes are.
     */
    static double bestLinearAccuracy(float[][] x, float[] y) {
        double best = 0;
        Integer[] order = new Integer[x.length];
        for (int a = 0; a < 720; a++) {
            double angle = Math.PI * a / 720;
            double[] projection = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                projection[i] = Math.cos(angle) * x[i][0] + Math.sin(angle) * x[i][1];
                order[i] = i;
            }
            Arrays.sort(order, (p, q) -> Double.compare(projection[p], projection[q]));
            int onesBelow = 0;
            int total = 0;
            for (float label : y) {
                total += label == 1 ? 1 : 0;
            }
            for (int k = 0; k <= x.length; k++) {
                // class 0 below the threshold, class 1 above (or the reverse)
                int correct = (k - onesBelow) + (total - onesBelow);
                best = Math.max(best, Math.max(correct, x.length - correct) / (double) x.length);
                if (k < x.length && y[order[k]] == 1) {
                    onesBelow++;
                }
            }
        }
        return best;
    }

    static double standardDeviation(double[] values) {
        double mean = Arrays.stream(values).average().orElseThrow();
        return Math.sqrt(Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / values.length);
    }
}
