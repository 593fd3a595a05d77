package org.cajal.experiments.internal.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cajal.api.pipeline.PipelineCheck;
import org.cajal.api.pipeline.PipelineDocument;
import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.PipelineFormat;
import org.cajal.api.pipeline.Problem;
import org.cajal.experiments.PipelineSource;
import org.cajal.experiments.internal.exec.TrialSpec;

/**
 * Parses and validates the planned trials of a search or sweep, each once: the parsed documents are the trials
 * the executor starts. Problems shared by several trials are listed once with the trials they occur in.
 *
 * @param specs the trials, parsed (complete only when {@code problems} is empty)
 * @param problems at most {@link #MAX_PROBLEMS}, then a line saying how many more
 */
record TrialCheck(List<TrialSpec> specs, List<Problem> problems) {

    /** Problems listed before "... and n more". */
    static final int MAX_PROBLEMS = 20;

    static TrialCheck of(PipelineFormat format, PipelineCheck check, PipelineSource pipeline,
                         List<TrialSpec.Draft> drafts) {
        List<TrialSpec> specs = new ArrayList<>();
        Map<String, List<TrialSpec.Draft>> byProblem = new LinkedHashMap<>();
        Map<String, Problem> problems = new LinkedHashMap<>();
        for (TrialSpec.Draft draft : drafts) {
            List<Problem> found;
            try {
                PipelineDocument doc = format.parse(draft.pipelineText(), pipeline.source(), pipeline.baseDirectory());
                found = check.validate(doc);
                specs.add(draft.parsed(doc));
            } catch (PipelineException e) {
                found = e.problems();
            }
            for (Problem p : found) {
                String key = p.location() + "\u0000" + p.message();
                problems.putIfAbsent(key, p);
                byProblem.computeIfAbsent(key, k -> new ArrayList<>()).add(draft);
            }
        }
        List<Problem> out = new ArrayList<>();
        for (Map.Entry<String, Problem> e : problems.entrySet()) {
            if (out.size() == MAX_PROBLEMS) {
                out.add(new Problem("...", "and " + (problems.size() - MAX_PROBLEMS) + " more problems"));
                break;
            }
            Problem p = e.getValue();
            out.add(new Problem(where(byProblem.get(e.getKey()), drafts.size()) + p.location(), p.message()));
        }
        return new TrialCheck(List.copyOf(specs), List.copyOf(out));
    }

    /** Which trials a problem occurs in: "every trial: ", "trial 3 (lr=0.1): ", or up to three and a count. */
    private static String where(List<TrialSpec.Draft> in, int total) {
        if (in.size() == total && total > 1) {
            return "every trial: ";
        }
        if (in.size() == 1) {
            return describe(in.get(0)) + ": ";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(3, in.size()); i++) {
            sb.append(i == 0 ? "" : "; ").append(describe(in.get(i)));
        }
        if (in.size() > 3) {
            sb.append("; and ").append(in.size() - 3).append(" more trials");
        }
        return sb + ": ";
    }

    static String describe(TrialSpec.Draft draft) {
        return "trial " + draft.number() + (draft.params().isEmpty() ? ""
                : " (" + SearchResults.describe(draft.params()) + ")");
    }
}
