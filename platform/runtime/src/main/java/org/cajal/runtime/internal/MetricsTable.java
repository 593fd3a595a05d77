package org.cajal.runtime.internal;

import java.util.Locale;

/** The per-epoch metrics.csv: {@code epoch,train_loss,validation_loss,validation_<metric>}, rewritten each epoch. */
final class MetricsTable {

    private final StringBuilder csv = new StringBuilder();

    MetricsTable(String metricName) {
        csv.append("epoch,train_loss,validation_loss,validation_").append(metricName).append('\n');
    }

    void add(int epoch, double trainLoss, double validationLoss, double validationMetric) {
        csv.append(epoch).append(',').append(number(trainLoss)).append(',').append(number(validationLoss))
                .append(',').append(number(validationMetric)).append('\n');
    }

    String text() {
        return csv.toString();
    }

    /** Full precision (so equal runs give equal files); empty when there is no value (no validation split). */
    private static String number(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.9g", v).trim();
    }
}
