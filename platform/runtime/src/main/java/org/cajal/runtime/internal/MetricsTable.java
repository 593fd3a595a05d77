package org.cajal.runtime.internal;

import java.util.Locale;

/** The per-epoch metrics.csv: {@code epoch,train_loss,validation_loss,validation_<metric>}, rewritten each epoch. */
final class MetricsTable {

    private final String metricName;
    private final java.util.List<double[]> rows = new java.util.ArrayList<>();

    MetricsTable(String metricName) {
        this.metricName = metricName;
    }

    void add(int epoch, double trainLoss, double validationLoss, double validationMetric) {
        rows.add(new double[] {epoch, trainLoss, validationLoss, validationMetric});
    }

    String text() {
        StringBuilder csv = new StringBuilder("epoch,train_loss,validation_loss,validation_" + metricName + "\n");
        for (double[] r : rows) {
            csv.append((int) r[0]).append(',').append(number(r[1])).append(',').append(number(r[2]))
                    .append(',').append(number(r[3])).append('\n');
        }
        return csv.toString();
    }

    /** Per epoch, the mean over the tables that reached it (folds may stop early at different epochs). */
    static MetricsTable mean(java.util.List<MetricsTable> tables) {
        MetricsTable out = new MetricsTable(tables.get(0).metricName);
        int epochs = tables.stream().mapToInt(t -> t.rows.size()).max().orElse(0);
        for (int e = 0; e < epochs; e++) {
            double[] sum = new double[4];
            int n = 0;
            for (MetricsTable t : tables) {
                if (e < t.rows.size()) {
                    n++;
                    for (int c = 1; c < 4; c++) {
                        sum[c] += t.rows.get(e)[c];
                    }
                }
            }
            out.add(e + 1, sum[1] / n, sum[2] / n, sum[3] / n);
        }
        return out;
    }

    /** Full precision (so equal runs give equal files); empty when there is no value (no validation split). */
    private static String number(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.9g", v).trim();
    }
}
