package org.cajal.experiments.internal.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cajal.api.pipeline.PipelineDocument;
import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.PipelineRunner;
import org.cajal.api.pipeline.Problem;
import org.cajal.experiments.Experiment;
import org.cajal.experiments.ExperimentListener;
import org.cajal.experiments.PipelineSource;
import org.cajal.experiments.RunStore;
import org.cajal.experiments.Searches;
import org.cajal.experiments.internal.exec.ExperimentSetup;
import org.cajal.experiments.internal.exec.TrialExecutor;
import org.cajal.experiments.internal.exec.TrialSpec;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Grid and random search and capacity sweeps. Every trial's pipeline is made (the search section removed, the
 * values set by path) and validated by the runner before anything runs; then the trials run through
 * {@link TrialExecutor} in the experiment folder, which results.csv / best-pipeline.json (search) or sweep.csv
 * and its charts (sweep) summarise after every trial. All trials of a search use the pipeline's seed, so they
 * differ only in the searched values; sweep repeats use seeds pipeline seed, + 1, ...
 */
@Component(service = Searches.class)
public class SearchService implements Searches {

    /** Problems listed before "... and n more". */
    static final int MAX_PROBLEMS = 20;

    @Reference
    PipelineRunner runner;

    /** Where experiments go when the options name no runs directory. */
    @Reference
    RunStore store;

    /** For tests and the workbench outside OSGi. */
    public SearchService(PipelineRunner runner) {
        this.runner = runner;
    }

    /** For Declarative Services. */
    public SearchService() {
    }

    /** A search, made: its space, its trials, and what to tell the user before it starts. */
    record Plan(PipelineTree tree, SearchSpace space, List<TrialSpec> specs, List<String> notes) {
    }

    Plan plan(PipelineSource pipeline, SearchOptions options) throws PipelineException {
        PipelineTree tree = PipelineTree.of(pipeline);
        Map<String, Object> section = options != null && options.search() != null ? options.search() : tree.search();
        SearchSpace space;
        try {
            space = SearchSpace.parse(section, options == null ? null : options.trials(),
                    options == null ? null : options.parallel(), tree.seed());
        } catch (SearchSpace.Invalid e) {
            throw new PipelineException(pipeline.source(), e.problems());
        }
        List<Problem> problems = new ArrayList<>();
        for (String path : space.parameters().keySet()) {
            try {
                tree.checkPath(path);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("$.search.parameters['" + path + "']", e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new PipelineException(pipeline.source(), problems);
        }
        List<String> notes = new ArrayList<>();
        if ("grid".equals(space.method())) {
            int full = SearchSpace.gridSize(space.parameters());
            if (full > space.trials()) {
                notes.add("the grid has " + full + " combinations; running the first " + space.trials()
                        + " (the budget: $.search.trials or --trials); raise it to " + full + " to run them all");
            }
        }
        String objective = space.objective();
        if (!objective.startsWith("validation_") && !objective.startsWith("train_")) {
            notes.add("note: the objective '" + objective + "' is an evaluation.json number; with a test split that"
                    + " is measured on the test data, which should not choose the model (use validation_"
                    + objective + " to select on validation data)");
        }
        List<TrialSpec> specs = new ArrayList<>();
        int n = 0;
        for (Map<String, Object> point : TrialGenerator.generate(space)) {
            n++;
            try {
                specs.add(new TrialSpec(n, point, tree.seed(), tree.trial(point)));
            } catch (IllegalArgumentException e) {
                throw new PipelineException(pipeline.source(), new Problem("$.search.parameters", e.getMessage()));
            }
        }
        return new Plan(tree, space, specs, notes);
    }

    /**
     * Parses and validates every trial's pipeline; problems shared by several trials are listed once with the
     * trials they occur in.
     */
    List<Problem> validateTrials(PipelineSource pipeline, List<TrialSpec> specs) {
        Map<String, List<TrialSpec>> byProblem = new LinkedHashMap<>();
        Map<String, Problem> problems = new LinkedHashMap<>();
        for (TrialSpec spec : specs) {
            List<Problem> found;
            try {
                PipelineDocument doc = runner.parse(spec.pipelineText(), pipeline.source(), pipeline.baseDirectory());
                found = runner.validate(doc);
            } catch (PipelineException e) {
                found = e.problems();
            }
            for (Problem p : found) {
                String key = p.location() + "\u0000" + p.message();
                problems.putIfAbsent(key, p);
                byProblem.computeIfAbsent(key, k -> new ArrayList<>()).add(spec);
            }
        }
        List<Problem> out = new ArrayList<>();
        for (Map.Entry<String, Problem> e : problems.entrySet()) {
            if (out.size() == MAX_PROBLEMS) {
                out.add(new Problem("...", "and " + (problems.size() - MAX_PROBLEMS) + " more problems"));
                break;
            }
            List<TrialSpec> in = byProblem.get(e.getKey());
            Problem p = e.getValue();
            String where;
            if (in.size() == specs.size() && specs.size() > 1) {
                where = "every trial: ";
            } else if (in.size() == 1) {
                where = describe(in.get(0)) + ": ";
            } else {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < Math.min(3, in.size()); i++) {
                    sb.append(i == 0 ? "" : "; ").append(describe(in.get(i)));
                }
                if (in.size() > 3) {
                    sb.append("; and ").append(in.size() - 3).append(" more trials");
                }
                where = sb + ": ";
            }
            out.add(new Problem(where + p.location(), p.message()));
        }
        return out;
    }

    static String describe(TrialSpec spec) {
        return "trial " + spec.number() + (spec.params().isEmpty() ? "" : " (" + SearchResults.describe(spec.params())
                + ")");
    }

    @Override
    public List<String> validate(PipelineSource pipeline, SearchOptions options) {
        try {
            Plan plan = plan(pipeline, options);
            return validateTrials(pipeline, plan.specs()).stream().map(Problem::toString).toList();
        } catch (PipelineException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
    }

    @Override
    public Experiment search(PipelineSource pipeline, SearchOptions options, ExperimentListener listener)
            throws PipelineException {
        Plan plan = plan(pipeline, options);
        List<Problem> problems = validateTrials(pipeline, plan.specs());
        if (!problems.isEmpty()) {
            throw new PipelineException(pipeline.source(), problems);
        }
        ExperimentListener l = listener == null ? ExperimentListener.NONE : listener;
        Path runs = ExperimentSetup.runsDirectory(options == null ? null : options.runsDirectory(), store);
        try {
            ExperimentSetup.Prepared prepared = ExperimentSetup.prepare(runs, "search", plan.tree().name(),
                    pipeline.json(), pipeline.source(), plan.space().settings(), plan.specs().size());
            plan.notes().forEach(l::message);
            Map<Integer, String> texts = new LinkedHashMap<>();
            plan.specs().forEach(s -> texts.put(s.number(), s.pipelineText()));
            SearchResults results = new SearchResults(prepared.folder(),
                    new ArrayList<>(plan.space().parameters().keySet()), plan.space().minimise(), texts);
            return TrialExecutor.start(runner, new TrialExecutor.Config(prepared.folder(), plan.specs(),
                    plan.space().parallel(), plan.space().objective(), pipeline.source(), pipeline.baseDirectory()),
                    l, results);
        } catch (IOException e) {
            throw new PipelineException(pipeline.source(), new Problem("runs folder " + runs, e.getMessage()));
        }
    }

    @Override
    public Experiment sweep(PipelineSource pipeline, SweepOptions options, ExperimentListener listener)
            throws PipelineException {
        PipelineTree tree = PipelineTree.of(pipeline);
        Sweep sweep = Sweep.plan(tree, options, pipeline.source());
        List<Problem> problems = validateTrials(pipeline, sweep.specs());
        if (!problems.isEmpty()) {
            throw new PipelineException(pipeline.source(), problems);
        }
        ExperimentListener l = listener == null ? ExperimentListener.NONE : listener;
        Path runs = ExperimentSetup.runsDirectory(options.runsDirectory(), store);
        try {
            ExperimentSetup.Prepared prepared = ExperimentSetup.prepare(runs, "sweep", tree.name(), pipeline.json(),
                    pipeline.source(), sweep.settings(), sweep.specs().size());
            return TrialExecutor.start(runner, new TrialExecutor.Config(prepared.folder(), sweep.specs(),
                    Math.max(1, options.parallel()), null, pipeline.source(), pipeline.baseDirectory()), l,
                    new SweepResults(prepared.folder(), sweep, l));
        } catch (IOException e) {
            throw new PipelineException(pipeline.source(), new Problem("runs folder " + runs, e.getMessage()));
        }
    }

}
