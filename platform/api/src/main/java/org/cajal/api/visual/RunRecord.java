package org.cajal.api.visual;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run's recorded data as a visualiser sees it: the per-epoch metrics table, the evaluation, and (since 1.1) the
 * run's predictions and trained model through {@link RunData}.
 *
 * @param folder the run folder (for visualisers that read further files)
 * @param metricColumns names of the columns of {@code metrics}, first {@code epoch}
 * @param metrics one row per epoch
 * @param evaluation what evaluation.json holds
 * @param data predictions, inputs and model of the run; null when the run left none (e.g. it failed before
 *             evaluation) — use {@link #runData()}
 */
public record RunRecord(String runId, Path folder, List<String> metricColumns, List<double[]> metrics,
                        Map<String, Object> evaluation, RunData data) {

    public RunRecord {
        metricColumns = List.copyOf(metricColumns);
        metrics = List.copyOf(metrics);
        evaluation = Map.copyOf(evaluation);
    }

    /** A record without predictions or model (the 1.0 form). */
    public RunRecord(String runId, Path folder, List<String> metricColumns, List<double[]> metrics,
                     Map<String, Object> evaluation) {
        this(runId, folder, metricColumns, metrics, evaluation, null);
    }

    /** @since 1.1 */
    public Optional<RunData> runData() {
        return Optional.ofNullable(data);
    }

    /** The metric column's values per epoch, or empty if the table has no such column. */
    public Optional<double[]> column(String name) {
        int i = metricColumns.indexOf(name);
        if (i < 0) {
            return Optional.empty();
        }
        return Optional.of(metrics.stream().mapToDouble(row -> i < row.length ? row[i] : Double.NaN).toArray());
    }
}
