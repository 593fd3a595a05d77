package org.cajal.experiments.internal.exec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One trial to run: a plain pipeline (no {@code search} section) with the values that made it.
 *
 * @param number from 1, in generation order (the same on every start of the same experiment)
 * @param params the values set, by path
 * @param seed the run's seed
 * @param pipelineText the trial's pipeline file text
 */
public record TrialSpec(int number, Map<String, Object> params, long seed, String pipelineText) {

    public TrialSpec {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        Objects.requireNonNull(pipelineText, "pipelineText");
    }
}
