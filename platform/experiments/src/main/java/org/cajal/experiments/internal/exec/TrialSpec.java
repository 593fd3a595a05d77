package org.cajal.experiments.internal.exec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.cajal.api.pipeline.PipelineDocument;

/**
 * One trial to run: a plain pipeline (no {@code search} section), parsed, with the values that made it.
 *
 * @param number from 1, in generation order (the same on every start of the same experiment)
 * @param params the values set, by path
 * @param seed the run's seed
 * @param document the trial's pipeline, parsed once; its text becomes the run's pipeline.json
 */
public record TrialSpec(int number, Map<String, Object> params, long seed, PipelineDocument document) {

    public TrialSpec {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        Objects.requireNonNull(document, "document");
    }

    /** The trial's pipeline file text. */
    public String pipelineText() {
        return document.text();
    }

    /**
     * A trial planned as pipeline text (the source's JSON with values set by path), before it is parsed.
     *
     * @param pipelineText the trial's pipeline file text
     */
    public record Draft(int number, Map<String, Object> params, long seed, String pipelineText) {

        public Draft {
            params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
            Objects.requireNonNull(pipelineText, "pipelineText");
        }

        /** The trial to run, with its text parsed. */
        public TrialSpec parsed(PipelineDocument document) {
            return new TrialSpec(number, params, seed, document);
        }
    }
}
