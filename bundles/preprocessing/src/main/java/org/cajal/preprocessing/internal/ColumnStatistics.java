package org.cajal.preprocessing.internal;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.cajal.api.data.DatasetException;
import org.cajal.api.data.Examples;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Count, mean, population standard deviation, minimum and maximum of some columns, gathered in one pass over the
 * training batches with Welford's update. Each value is folded in on its own, in row order, so the result does not
 * depend on how the split is cut into batches.
 */
final class ColumnStatistics {

    private final int[] columns;
    private final List<String> names;
    private final double[] mean;
    private final double[] m2;
    private final double[] min;
    private final double[] max;
    private long count;

    private ColumnStatistics(int[] columns, List<String> names) {
        this.columns = columns.clone();
        this.names = names;
        mean = new double[columns.length];
        m2 = new double[columns.length];
        min = new double[columns.length];
        max = new double[columns.length];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
    }

    /**
     * Reads every batch once.
     *
     * @param part which matrix of a batch to read (features or targets), {@code [n, names.size()]}
     * @param names one name per matrix column, for messages
     */
    static ColumnStatistics of(Iterable<Examples> training, Function<Examples, INDArray> part, int[] columns,
                               List<String> names, String step) throws DatasetException {
        ColumnStatistics statistics = new ColumnStatistics(columns, names);
        for (Examples batch : training) {
            statistics.add(part.apply(batch), step);
        }
        if (statistics.count == 0) {
            throw new DatasetException(step + ": the training split is empty, so there is nothing to fit on");
        }
        return statistics;
    }

    private void add(INDArray matrix, String step) throws DatasetException {
        if (matrix == null) {
            throw new DatasetException(step + ": a training batch has no values to fit on (no targets?)");
        }
        if (matrix.rank() != 2 || matrix.size(1) != names.size()) {
            throw new DatasetException(step + ": expected batches of shape [n, " + names.size() + "] but got "
                    + Arrays.toString(matrix.shape()));
        }
        if (matrix.size(0) == 0) {
            return;
        }
        double[][] rows = matrix.castTo(DataType.DOUBLE).toDoubleMatrix();
        for (double[] row : rows) {
            count++;
            for (int k = 0; k < columns.length; k++) {
                double x = row[columns[k]];
                if (!Double.isFinite(x)) {
                    throw new DatasetException(step + ": '" + names.get(columns[k]) + "' has the value " + x
                            + " in training example " + count + "; fill in or drop missing values first");
                }
                double delta = x - mean[k];
                mean[k] += delta / count;
                m2[k] += delta * (x - mean[k]);
                min[k] = Math.min(min[k], x);
                max[k] = Math.max(max[k], x);
            }
        }
    }

    long count() {
        return count;
    }

    double[] mean() {
        return mean.clone();
    }

    /** Population standard deviation (divides by n). */
    double[] standardDeviation() {
        return Arrays.stream(m2).map(s -> Math.sqrt(Math.max(0, s) / count)).toArray();
    }

    double[] min() {
        return min.clone();
    }

    double[] max() {
        return max.clone();
    }
}
