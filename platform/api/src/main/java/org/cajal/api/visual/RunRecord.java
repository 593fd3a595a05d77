package org.cajal.api.visual;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A run's recorded data as a visualiser sees it: the per-epoch metrics table and the evaluation.
 *
 * @param folder the run folder (for visualisers that read further files)
 * @param metricColumns names of the columns of {@code metrics}, first {@code epoch}
 * @param metrics one row per epoch
 * @param evaluation what evaluation.json holds
 */
public record RunRecord(String runId, Path folder, List<String> metricColumns, List<double[]> metrics,
                        Map<String, Object> evaluation) {

    public RunRecord {
        metricColumns = List.copyOf(metricColumns);
        metrics = List.copyOf(metrics);
        evaluation = Map.copyOf(evaluation);
    }
}
