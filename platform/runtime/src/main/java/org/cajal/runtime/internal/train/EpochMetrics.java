package org.cajal.runtime.internal.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.cajal.api.run.MetricsTable;

/**
 * metrics.csv as training fills it, one row per epoch: {@code epoch,train_loss,validation_loss,
 * validation_<metric>}, then any columns a generative model adds ({@code generator_loss,discriminator_loss} for a
 * GAN). {@link #table} gives what the run-folder library writes.
 */
final class EpochMetrics {

    private final String metricName;
    private final List<String> extraColumns;
    private final List<double[]> rows = new ArrayList<>();

    EpochMetrics(String metricName) {
        this(metricName, List.of());
    }

    EpochMetrics(String metricName, List<String> extraColumns) {
        this.metricName = metricName;
        this.extraColumns = List.copyOf(extraColumns);
    }

    void add(int epoch, double trainLoss, double validationLoss, double validationMetric) {
        add(epoch, trainLoss, validationLoss, validationMetric, new double[0]);
    }

    /** @param extra one value per extra column, in column order (missing ones are NaN, written empty) */
    void add(int epoch, double trainLoss, double validationLoss, double validationMetric, double[] extra) {
        double[] row = new double[4 + extraColumns.size()];
        Arrays.fill(row, Double.NaN);
        row[0] = epoch;
        row[1] = trainLoss;
        row[2] = validationLoss;
        row[3] = validationMetric;
        System.arraycopy(extra, 0, row, 4, Math.min(extra.length, extraColumns.size()));
        rows.add(row);
    }

    List<String> extraColumns() {
        return extraColumns;
    }

    /** The last epoch's validation metric, or NaN before the first epoch. */
    double lastMetric() {
        return rows.isEmpty() ? Double.NaN : rows.get(rows.size() - 1)[3];
    }

    /** The rows so far as metrics.csv's table. */
    MetricsTable table() {
        List<String> columns = new ArrayList<>(List.of("epoch", "train_loss", "validation_loss",
                "validation_" + metricName));
        columns.addAll(extraColumns);
        return new MetricsTable(columns, rows);
    }

    /** Per epoch, the mean over the tables that reached it (folds may stop early at different epochs). */
    static EpochMetrics mean(List<EpochMetrics> tables) {
        EpochMetrics out = new EpochMetrics(tables.get(0).metricName, tables.get(0).extraColumns);
        int width = 4 + out.extraColumns.size();
        int epochs = tables.stream().mapToInt(t -> t.rows.size()).max().orElse(0);
        for (int e = 0; e < epochs; e++) {
            double[] sum = new double[width];
            int n = 0;
            for (EpochMetrics t : tables) {
                if (e < t.rows.size()) {
                    n++;
                    for (int c = 1; c < width; c++) {
                        sum[c] += t.rows.get(e)[c];
                    }
                }
            }
            double[] extra = new double[width - 4];
            for (int c = 4; c < width; c++) {
                extra[c - 4] = sum[c] / n;
            }
            out.add(e + 1, sum[1] / n, sum[2] / n, sum[3] / n, extra);
        }
        return out;
    }
}
