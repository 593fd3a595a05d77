package org.cajal.experiments.internal.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.Problem;
import org.cajal.experiments.Searches.SweepOptions;
import org.cajal.experiments.internal.exec.TrialSpec;

/**
 * A capacity sweep, planned: trial {@code i · repeats + r + 1} runs value {@code i} (from 0, in the given order)
 * with seed {@code pipeline seed + r}.
 *
 * @param path the swept parameter, or {@code depth}
 * @param loss the pipeline's training.loss (decides which evaluation number is the test loss), or ""
 */
public record Sweep(String path, List<Object> values, int repeats, List<TrialSpec.Draft> drafts, String loss) {

    /** The sweep parameter that sets the number of hidden layers. */
    public static final String DEPTH = "depth";

    /** The settings that identify the sweep's folder. */
    public Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("path", path);
        s.put("values", values);
        s.put("repeats", repeats);
        return s;
    }

    /** Checks the options against the pipeline and makes every trial's pipeline text. */
    public static Sweep plan(PipelineTree tree, SweepOptions options, String source) throws PipelineException {
        List<Problem> problems = new ArrayList<>();
        String path = options.path();
        if (path == null || path.isBlank()) {
            throw new PipelineException(source, new Problem("--param", "name the parameter to sweep, like "
                    + "model.layers[0].params.units, training.epochs or depth (the number of hidden layers)"));
        }
        List<Object> values = options.values() == null ? List.of() : List.copyOf(options.values());
        if (values.isEmpty()) {
            problems.add(new Problem("--values", "give the values to sweep, like 1,2,4,8"));
        }
        if (options.repeats() < 1) {
            problems.add(new Problem("--repeats", "must be at least 1, got " + options.repeats()));
        }
        if (options.parallel() < 1) {
            problems.add(new Problem("--parallel", "must be at least 1, got " + options.parallel()));
        }
        for (Object v : values) {
            if (!(v instanceof Number)) {
                problems.add(new Problem("--values", "'" + v + "' is not a number; a sweep varies a number"));
            } else if (DEPTH.equals(path) && (v instanceof Double d ? d != Math.rint(d) || d < 1
                    : ((Number) v).longValue() < 1)) {
                problems.add(new Problem("--values", "depth " + v + ": the number of hidden layers is a whole "
                        + "number from 1"));
            }
        }
        if (!DEPTH.equals(path)) {
            try {
                tree.checkPath(path);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("--param " + path, e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new PipelineException(source, problems);
        }
        List<TrialSpec.Draft> drafts = new ArrayList<>();
        int n = 0;
        for (Object value : values) {
            for (int r = 0; r < options.repeats(); r++) {
                n++;
                Map<String, Object> params = Map.of(path, value);
                try {
                    String text = DEPTH.equals(path) ? tree.withDepth(((Number) value).intValue(), Map.of())
                            : tree.trial(params);
                    drafts.add(new TrialSpec.Draft(n, params, tree.seed() + r, text));
                } catch (IllegalArgumentException e) {
                    throw new PipelineException(source, new Problem("--param " + path, e.getMessage()));
                }
            }
        }
        var loss = tree.at("training.loss");
        return new Sweep(path, values, options.repeats(), drafts, loss != null && loss.isTextual() ? loss.asText() : "");
    }
}
