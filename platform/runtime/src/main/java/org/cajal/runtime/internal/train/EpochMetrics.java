package org.cajal.runtime.internal.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.cajal.api.run.MetricsTable;

/**
 * metrics.csv as training fills it, one row per epoch: {@code epoch,train_loss,validation_loss,
 * validation_<metric>}, then {@code train_<metric>} for a model scored against targets (the metric of the
 * epoch-end weights on the training rows), then any columns a generative model adds
 * ({@code generator_loss,discriminator_loss} for a GAN). {@link #table} gives what the run-folder library writes.
 * Readers take columns by name, so files without {@code train_<metric>} (written before it existed) read as before.
 */
final class EpochMetrics {

    private final String metricName;
    private final boolean trainMetric;
    private final List<String> extraColumns;
    private final List<double[]> rows = new ArrayList<>();

    /** Without a {@code train_<metric>} column. */
    EpochMetrics(String metricName) {
        this(metricName, false, List.of());
    }

    /** A generative model's table: its own columns, no {@code train_<metric>}. */
    EpochMetrics(String metricName, List<String> extraColumns) {
        this(metricName, false, extraColumns);
    }

    private EpochMetrics(String metricName, boolean trainMetric, List<String> extraColumns) {
        this.metricName = metricName;
        this.trainMetric = trainMetric;
        this.extraColumns = List.copyOf(extraColumns);
    }

    /** The table of a model scored against targets: with {@code train_<metric>}. */
    static EpochMetrics withTrainMetric(String metricName) {
        return new EpochMetrics(metricName, true, List.of());
    }

    void add(int epoch, double trainLoss, double validationLoss, double validationMetric) {
        add(epoch, trainLoss, validationLoss, validationMetric, new double[0]);
    }

    /** A row with the training metric (ignored by a table without that column). */
    void add(int epoch, double trainLoss, double validationLoss, double validationMetric, double trainValue) {
        add(epoch, trainLoss, validationLoss, validationMetric, new double[] {trainValue});
    }

    /**
     * @param values {@code train_<metric>} when the table has it, then one value per extra column, in column order
     *               (missing ones are NaN, written empty)
     */
    void add(int epoch, double trainLoss, double validationLoss, double validationMetric, double[] values) {
        double[] row = new double[width()];
        Arrays.fill(row, Double.NaN);
        row[0] = epoch;
        row[1] = trainLoss;
        row[2] = validationLoss;
        row[3] = validationMetric;
        System.arraycopy(values, 0, row, 4, Math.min(values.length, row.length - 4));
        rows.add(row);
    }

    private int width() {
        return 4 + (trainMetric ? 1 : 0) + extraColumns.size();
    }

    /** A copy of the rows so far (a checkpoint keeps them). */
    List<double[]> rows() {
        return rows.stream().map(double[]::clone).toList();
    }

    /** Back to the rows a checkpoint kept. */
    void resume(List<double[]> kept) {
        rows.clear();
        kept.forEach(r -> rows.add(r.clone()));
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
        if (trainMetric) {
            columns.add("train_" + metricName);
        }
        columns.addAll(extraColumns);
        return new MetricsTable(columns, rows);
    }

    /** Per epoch, the mean over the tables that reached it (folds may stop early at different epochs). */
    static EpochMetrics mean(List<EpochMetrics> tables) {
        EpochMetrics first = tables.get(0);
        EpochMetrics out = new EpochMetrics(first.metricName, first.trainMetric, first.extraColumns);
        int width = out.width();
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
            double[] values = new double[width - 4];
            for (int c = 4; c < width; c++) {
                values[c - 4] = sum[c] / n;
            }
            out.add(e + 1, sum[1] / n, sum[2] / n, sum[3] / n, values);
        }
        return out;
    }
}
