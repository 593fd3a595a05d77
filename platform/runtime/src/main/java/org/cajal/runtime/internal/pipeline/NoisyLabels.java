package org.cajal.runtime.internal.pipeline;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.cajal.api.data.DataSchema;
import org.cajal.api.data.Dataset;
import org.cajal.api.data.DatasetException;
import org.cajal.api.data.Examples;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A classification dataset whose training rows carry label noise, as in the double-descent studies (Nakkiran et
 * al. 2019: "the correct label with probability 1 − p, and a uniformly random incorrect label otherwise"): exactly
 * {@code round(p × training rows)} of the split's training rows, chosen with the pipeline's seed, get another class
 * drawn uniformly from the other classes. Validation and test rows keep their labels, so every reported error is
 * measured against the true classes; the split itself (and its stratification) was made on the true classes.
 */
final class NoisyLabels implements Dataset {

    private final Dataset data;
    private final Map<Integer, Integer> changed;
    private final double fraction;

    private NoisyLabels(Dataset data, Map<Integer, Integer> changed, double fraction) {
        this.data = data;
        this.changed = changed;
        this.fraction = fraction;
    }

    /**
     * The dataset with {@code fraction} of the {@code training} rows relabelled; the seed is the pipeline's (mixed,
     * so that the draw does not repeat the split's shuffle).
     */
    static NoisyLabels of(Dataset data, int[] training, double fraction, long seed) throws DatasetException {
        int classes = data.schema().classCount();
        Random random = new Random(seed * 0x9E3779B97F4A7C15L + 0x4C4142454CL);
        int[] rows = training.clone();
        Arrays.sort(rows);
        // a partial Fisher-Yates shuffle picks the rows without replacement, in an order fixed by the seed alone
        int n = (int) Math.round(fraction * rows.length);
        Map<Integer, Integer> changed = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(rows.length - i);
            int row = rows[j];
            rows[j] = rows[i];
            rows[i] = row;
        }
        int[] picked = Arrays.copyOf(rows, n);
        INDArray pickedTargets = n == 0 ? null : data.targets(picked);
        for (int i = 0; i < n; i++) {
            int truth = (int) pickedTargets.getDouble(i, 0);
            int other = random.nextInt(classes - 1);
            changed.put(picked[i], other >= truth ? other + 1 : other);
        }
        return new NoisyLabels(data, Map.copyOf(changed), fraction);
    }

    /** How many training rows carry a wrong label. */
    int changedRows() {
        return changed.size();
    }

    @Override
    public DataSchema schema() {
        return data.schema();
    }

    @Override
    public int size() {
        return data.size();
    }

    @Override
    public Examples read(int[] indices) throws DatasetException {
        Examples examples = data.read(indices);
        INDArray targets = null;
        for (int i = 0; i < indices.length; i++) {
            Integer label = changed.get(indices[i]);
            if (label != null) {
                if (targets == null) {
                    targets = examples.targets().dup();
                }
                targets.putScalar(i, 0, label);
            }
        }
        return targets == null ? examples : new Examples(examples.features(), targets);
    }

    @Override
    public String identity() {
        return data.identity() + " with label noise " + fraction + " on " + changed.size() + " training rows";
    }

    @Override
    public void close() {
        data.close();
    }
}
