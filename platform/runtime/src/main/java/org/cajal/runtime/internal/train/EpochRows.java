package org.cajal.runtime.internal.train;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.cajal.api.model.GenerativeModel;
import org.cajal.api.model.TrainableModel;
import org.cajal.runtime.internal.pipeline.RunPlan;

/**
 * What one model's training puts in metrics.csv each epoch ({@link EpochMetrics}): for a model scored against
 * targets, the losses, the validation metric and the training metric; for a generative model, its own metric and
 * epoch values, whose column names are checked here.
 */
final class EpochRows {

    /** Column names a generative model may use for its metric and epoch values. */
    private static final Pattern COLUMN = Pattern.compile("[a-z][a-z0-9_]*");

    /** metrics.csv's own columns, which a generative model's metric and epoch values must not repeat. */
    private static final Set<String> RESERVED_COLUMNS = Set.of("epoch", "train_loss", "loss");

    private final RunPlan plan;
    /** The model when it scores itself (a generative architecture), else null: scored against targets. */
    private final GenerativeModel generative;
    private EpochMetrics metrics;

    private EpochRows(RunPlan plan, GenerativeModel generative, String metricName) {
        this.plan = plan;
        this.generative = generative;
        this.metrics = generative == null ? EpochMetrics.withTrainMetric(metricName) : new EpochMetrics(metricName);
    }

    /** The rows of a model scored against targets by a metric of the given name. */
    static EpochRows scored(RunPlan plan, String metricName) {
        return new EpochRows(plan, null, metricName);
    }

    /** The rows of a generative model, after checking that its metric's name is a column name of its own. */
    static EpochRows generative(RunPlan plan, GenerativeModel model) {
        checkColumn(plan.architecture().id(), model.metricName());
        return new EpochRows(plan, model, model.metricName());
    }

    /** The model as a generative one when its architecture learns without targets (else null). */
    static GenerativeModel generativeModel(RunPlan plan, TrainableModel model) {
        if (!plan.generative()) {
            return null;
        }
        if (!(model instanceof GenerativeModel g)) {
            throw new IllegalStateException("architecture '" + plan.architecture().id() + "' learns without "
                    + "targets but its model does not implement GenerativeModel, so it cannot be scored (a defect of "
                    + "the plugin that provides it)");
        }
        return g;
    }

    EpochMetrics metrics() {
        return metrics;
    }

    /**
     * One metrics.csv row; a generative model's epoch values become extra columns, fixed by the first epoch.
     *
     * @param trainMetric the training metric ({@code train_<metric>}), ignored for a generative model
     */
    void add(int epoch, double trainLoss, double[] validation, double trainMetric) {
        if (generative == null) {
            metrics.add(epoch, trainLoss, validation[0], validation[1], trainMetric);
            return;
        }
        Map<String, Double> values = generative.epochValues();
        if (epoch == 1 && !values.isEmpty()) {
            values.keySet().forEach(k -> checkColumn(plan.architecture().id(), k));
            metrics = new EpochMetrics(generative.metricName(), List.copyOf(values.keySet()));
        }
        double[] extra = metrics.extraColumns().stream()
                .mapToDouble(c -> values.get(c) == null ? Double.NaN : values.get(c)).toArray();
        metrics.add(epoch, trainLoss, validation[0], validation[1], extra);
    }

    private static void checkColumn(String architecture, String name) {
        if (name == null || !COLUMN.matcher(name).matches()) {
            throw new IllegalStateException("architecture '" + architecture + "' names a metric '" + name
                    + "', which is not a metrics.csv column name (lower-case letters, digits and underscores)");
        }
        if (RESERVED_COLUMNS.contains(name) || name.startsWith("validation_")) {
            throw new IllegalStateException("architecture '" + architecture + "' names a metric '" + name
                    + "', which would clash with metrics.csv's own columns (epoch, train_loss, validation_…)");
        }
    }
}
