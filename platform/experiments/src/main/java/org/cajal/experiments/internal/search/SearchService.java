package org.cajal.experiments.internal.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.PipelineCheck;
import org.cajal.api.pipeline.PipelineExecutor;
import org.cajal.api.pipeline.PipelineFormat;
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
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.cajal.experiments.internal.exec.DistributionTarget;
import org.cajal.launcher.spi.TrialDistributor;

/**
 * Grid and random search and capacity sweeps. Every trial's pipeline is made (the search section removed, the
 * values set by path), parsed and validated once ({@link TrialCheck}) before anything runs; then the trials run through
 * {@link TrialExecutor} in the experiment folder, which results.csv / best-pipeline.json (search) or sweep.csv
 * and its charts (sweep) summarise after every trial. All trials of a search use the pipeline's seed, so they
 * differ only in the searched values; sweep repeats use seeds pipeline seed, + 1, ...
 */
@Component(service = Searches.class)
public class SearchService implements Searches {

    @Reference
    PipelineFormat format;

    @Reference
    PipelineCheck check;

    @Reference
    PipelineExecutor executor;

    /** Where experiments go when the options name no runs directory. */
    @Reference
    RunStore store;

    /** The launcher's distributed engine (Spark), registered only when its jars are on the class path. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile TrialDistributor distributor;

    /** For tests and the workbench outside OSGi. */
    public SearchService(PipelineFormat format, PipelineCheck check, PipelineExecutor executor) {
        this.format = format;
        this.check = check;
        this.executor = executor;
    }

    /** For Declarative Services. */
    public SearchService() {
    }

    /** A search, made: its space, its trials, and what to tell the user before it starts. */
    record Plan(PipelineTree tree, SearchSpace space, List<TrialSpec.Draft> drafts, List<String> notes) {
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
        List<TrialSpec.Draft> drafts = new ArrayList<>();
        int n = 0;
        for (Map<String, Object> point : TrialGenerator.generate(space)) {
            n++;
            try {
                drafts.add(new TrialSpec.Draft(n, point, tree.seed(), tree.trial(point)));
            } catch (IllegalArgumentException e) {
                throw new PipelineException(pipeline.source(), new Problem("$.search.parameters", e.getMessage()));
            }
        }
        return new Plan(tree, space, drafts, notes);
    }

    @Override
    public List<String> validate(PipelineSource pipeline, SearchOptions options) {
        try {
            Plan plan = plan(pipeline, options);
            return trialCheck(pipeline, plan.drafts()).problems().stream().map(Problem::toString).toList();
        } catch (PipelineException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
    }

    @Override
    public Experiment search(PipelineSource pipeline, SearchOptions options, ExperimentListener listener)
            throws PipelineException {
        Plan plan = plan(pipeline, options);
        List<TrialSpec> specs = checked(pipeline, plan.drafts());
        DistributionTarget target = DistributionTarget.of(options == null ? null : options.cluster(), distributor,
                executor, pipeline.source());
        ExperimentListener l = listener == null ? ExperimentListener.NONE : listener;
        Path runs = ExperimentSetup.runsDirectory(options == null ? null : options.runsDirectory(), store);
        try {
            ExperimentSetup.Prepared prepared = ExperimentSetup.prepare(runs, "search", plan.tree().name(),
                    pipeline.json(), pipeline.source(), plan.space().settings(), specs.size());
            plan.notes().forEach(l::message);
            Map<Integer, String> texts = new LinkedHashMap<>();
            specs.forEach(s -> texts.put(s.number(), s.pipelineText()));
            SearchResults results = new SearchResults(prepared.folder(),
                    new ArrayList<>(plan.space().parameters().keySet()), plan.space().minimise(), texts);
            return TrialExecutor.start(executor, new TrialExecutor.Config(prepared.folder(), specs,
                    plan.space().parallel(), plan.space().objective(), target), l, results);
        } catch (IOException e) {
            throw new PipelineException(pipeline.source(), new Problem("runs folder " + runs, e.getMessage()));
        }
    }

    @Override
    public Experiment sweep(PipelineSource pipeline, SweepOptions options, ExperimentListener listener)
            throws PipelineException {
        PipelineTree tree = PipelineTree.of(pipeline);
        Sweep sweep = Sweep.plan(tree, options, pipeline.source());
        List<TrialSpec> specs = checked(pipeline, sweep.drafts());
        DistributionTarget target = DistributionTarget.of(options.cluster(), distributor, executor, pipeline.source());
        ExperimentListener l = listener == null ? ExperimentListener.NONE : listener;
        Path runs = ExperimentSetup.runsDirectory(options.runsDirectory(), store);
        try {
            ExperimentSetup.Prepared prepared = ExperimentSetup.prepare(runs, "sweep", tree.name(), pipeline.json(),
                    pipeline.source(), sweep.settings(), specs.size());
            return TrialExecutor.start(executor, new TrialExecutor.Config(prepared.folder(), specs,
                    Math.max(1, options.parallel()), null, target), l, new SweepResults(prepared.folder(), sweep, l));
        } catch (IOException e) {
            throw new PipelineException(pipeline.source(), new Problem("runs folder " + runs, e.getMessage()));
        }
    }

    private TrialCheck trialCheck(PipelineSource pipeline, List<TrialSpec.Draft> drafts) {
        return TrialCheck.of(format, check, pipeline, drafts);
    }

    /** The trials parsed and valid, or every problem found. */
    private List<TrialSpec> checked(PipelineSource pipeline, List<TrialSpec.Draft> drafts) throws PipelineException {
        TrialCheck checked = trialCheck(pipeline, drafts);
        if (!checked.problems().isEmpty()) {
            throw new PipelineException(pipeline.source(), checked.problems());
        }
        return checked.specs();
    }
}
