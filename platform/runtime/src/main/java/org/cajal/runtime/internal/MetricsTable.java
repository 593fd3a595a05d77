package org.cajal.runtime.internal;

import java.util.Locale;

/**
 * The per-epoch metrics.csv: {@code epoch,train_loss,validation_loss,validation_<metric>}, then any columns a
 * generative model adds ({@code generator_loss,discriminator_loss} for a GAN); rewritten each epoch.
 */
final class MetricsTable {

    private final String metricName;
    private final java.util.List<String> extraColumns;
    private final java.util.List<double[]> rows = new java.util.ArrayList<>();
    /** The rows as CSV lines, formatted once when added (a long run would otherwise format every row each epoch). */
    private final StringBuilder body = new StringBuilder();

    MetricsTable(String metricName) {
        this(metricName, java.util.List.of());
    }

    MetricsTable(String metricName, java.util.List<String> extraColumns) {
        this.metricName = metricName;
        this.extraColumns = java.util.List.copyOf(extraColumns);
    }

    void add(int epoch, double trainLoss, double validationLoss, double validationMetric) {
        add(epoch, trainLoss, validationLoss, validationMetric, new double[0]);
    }

    /** @param extra one value per extra column, in column order (missing ones are NaN, written empty) */
    void add(int epoch, double trainLoss, double validationLoss, double validationMetric, double[] extra) {
        double[] row = new double[4 + extraColumns.size()];
        java.util.Arrays.fill(row, Double.NaN);
        row[0] = epoch;
        row[1] = trainLoss;
        row[2] = validationLoss;
        row[3] = validationMetric;
        System.arraycopy(extra, 0, row, 4, Math.min(extra.length, extraColumns.size()));
        rows.add(row);
        body.append((int) row[0]);
        for (int c = 1; c < row.length; c++) {
            body.append(',').append(number(row[c]));
        }
        body.append('\n');
    }

    java.util.List<String> extraColumns() {
        return extraColumns;
    }

    /** The last epoch's validation metric, or NaN before the first epoch. */
    double lastMetric() {
        return rows.isEmpty() ? Double.NaN : rows.get(rows.size() - 1)[3];
    }

    String text() {
        StringBuilder csv = new StringBuilder("epoch,train_loss,validation_loss,validation_" + metricName);
        extraColumns.forEach(c -> csv.append(',').append(c));
        csv.append('\n');
        return csv.append(body).toString();
    }

    /** Per epoch, the mean over the tables that reached it (folds may stop early at different epochs). */
    static MetricsTable mean(java.util.List<MetricsTable> tables) {
        MetricsTable out = new MetricsTable(tables.get(0).metricName, tables.get(0).extraColumns);
        int width = 4 + out.extraColumns.size();
        int epochs = tables.stream().mapToInt(t -> t.rows.size()).max().orElse(0);
        for (int e = 0; e < epochs; e++) {
            double[] sum = new double[width];
            int n = 0;
            for (MetricsTable t : tables) {
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

    /** Full precision (so equal runs give equal files); empty when there is no value (no validation split). */
    private static String number(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.9g", v).trim();
    }
}
