package org.cajal.api.pipeline;

import java.nio.file.Path;
import java.util.Map;

/**
 * The outcome of a finished run.
 *
 * @param evaluation what evaluation.json holds, in its order ({@code accuracy}, {@code f1}, ... or {@code mse}, {@code mae}, {@code r2})
 * @param cancelled whether it was stopped before the last epoch (then evaluation is of the model at that point)
 */
public record RunResult(String runId, Path folder, Map<String, Object> evaluation, boolean cancelled) {

    public RunResult {
        evaluation = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(evaluation));
    }
}
