package org.cajal.workbench.runs;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cajal.workbench.core.Metrics;

/**
 * One row of the runs table: what a run folder says about its run.
 *
 * @param folder        the run folder
 * @param runId         the run's id (the folder name unless provenance.json says otherwise)
 * @param pipeline      the pipeline's name, or empty if unknown
 * @param start         when the run started, or null if unknown
 * @param status        {@code running}, {@code finished}, {@code cancelled}, {@code failed} (from provenance.json),
 *                      or {@code unreadable}
 * @param epochs        epochs recorded in metrics.csv, or null if it has none
 * @param evaluation    what evaluation.json holds (empty if nothing)
 * @param metricColumns the metrics table's columns, {@code epoch} first (empty if none)
 * @param metrics       the metrics table, one row per epoch
 */
public record RunSummary(Path folder, String runId, String pipeline, Instant start, String status, Integer epochs,
                         Map<String, Object> evaluation, List<String> metricColumns, List<double[]> metrics) {

    public RunSummary {
        pipeline = pipeline == null ? "" : pipeline;
        status = status == null ? "" : status;
        evaluation = evaluation == null ? Map.of() : Map.copyOf(evaluation);
        metricColumns = List.copyOf(metricColumns == null ? List.of() : metricColumns);
        metrics = List.copyOf(metrics == null ? List.of() : metrics);
    }

    /** accuracy, else r2, else mse from the evaluation. */
    public Optional<Metrics.Headline> headline() {
        return Metrics.headline(evaluation);
    }

    /** One column of the metrics table as (epoch, value) pairs, NaN values left out; empty if it has no such column. */
    public List<double[]> series(String column) {
        int x = metricColumns.indexOf("epoch");
        int y = metricColumns.indexOf(column);
        if (y < 0) {
            return List.of();
        }
        java.util.ArrayList<double[]> points = new java.util.ArrayList<>();
        for (int i = 0; i < metrics.size(); i++) {
            double[] row = metrics.get(i);
            double epoch = x >= 0 && x < row.length ? row[x] : i + 1;
            double value = y < row.length ? row[y] : Double.NaN;
            if (!Double.isNaN(value)) {
                points.add(new double[] {epoch, value});
            }
        }
        return points;
    }
}
