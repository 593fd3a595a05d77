package org.cajal.runtime.internal.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.cajal.api.Parameters;
import org.cajal.api.data.DataSchema;
import org.cajal.api.data.Dataset;
import org.cajal.api.data.DatasetProvider;
import org.cajal.api.data.FittedTransform;
import org.cajal.api.data.Preprocessor;
import org.cajal.api.data.TargetKind;
import org.cajal.api.model.ArchitectureProvider;
import org.cajal.api.model.LayerBuild;
import org.cajal.api.model.LayerContext;
import org.cajal.api.model.LayerException;
import org.cajal.api.model.LayerType;
import org.cajal.api.model.Shape;
import org.cajal.api.pipeline.ComponentRef;
import org.cajal.api.pipeline.ModelSummary;
import org.cajal.api.pipeline.Pipeline;
import org.cajal.api.pipeline.PipelineDocument;
import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.Problem;
import org.cajal.api.train.Loss;
import org.cajal.api.train.OptimizerProvider;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.regularization.Regularization;

/**
 * Checks a pipeline against the components installed now: every id must name an installed component, every
 * parameter must fit its spec, and the layer stack's shapes must chain — all before any training starts. Problems
 * carry JSON paths.
 *
 * <p>One analysis serves two callers. {@link #plan} resolves the pipeline into a {@link RunPlan} for training: it
 * stops before opening the data when the pipeline already has problems (a typo should not cost a minute of
 * reading Fashion-MNIST), and keeps the opened dataset. {@link #summarise} describes the model for the editor: it
 * goes as far as it can (input shape, every layer it can build), takes the data's schema from a
 * {@link DataCache} instead of reopening the data on every edit, and never throws for bad input.
 */
public final class PipelineValidator {

    private final Catalog catalog;

    public PipelineValidator(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Resolves the pipeline; the caller closes the plan. */
    public RunPlan plan(PipelineDocument doc, Pipeline pipeline) throws PipelineException {
        return plan(doc, pipeline, opened(doc, pipeline));
    }

    /**
     * Plans the pipeline and describes its model from the same analysis, so the data is opened once; the caller
     * closes the plan.
     */
    public CheckedRun check(PipelineDocument doc) throws PipelineException {
        Analysis a = opened(doc, doc.pipeline());
        return new CheckedRun(plan(doc, doc.pipeline(), a), summary(doc, a), catalog);
    }

    /** The analysis with its data opened for training; throws, with the data closed, when it found problems. */
    private Analysis opened(PipelineDocument doc, Pipeline pipeline) throws PipelineException {
        Analysis a = analyse(doc, pipeline, (request, problems) -> {
            if (!problems.isEmpty()) {
                return null;
            }
            try {
                return DataPreparation.prepare(doc, pipeline, request);
            } catch (PipelineException e) {
                problems.addAll(e.problems());
                return null;
            }
        });
        if (!a.problems().isEmpty()) {
            a.close();
            throw new PipelineException(doc.source(), a.problems());
        }
        return a;
    }

    private static RunPlan plan(PipelineDocument doc, Pipeline pipeline, Analysis a) {
        List<LayerBuild> builds = a.layers().stream().filter(l -> l.build() != null).map(LayerStep::build).toList();
        PreparedData data = a.data();
        DataSchema schema = RunPlan.generative(a.architecture()) ? RunPlan.withoutTarget(data.schema())
                : data.schema();
        return new RunPlan(doc, pipeline, data.dataset(), data.splits(), a.preprocessing(), data.transforms(),
                schema, a.loss(), a.optimizer().updater(), a.optimizer().batchSize(),
                a.optimizer().regularization(), pipeline.model().isLayerStack() ? builds : List.of(),
                a.architecture(), a.architectureParameters());
    }

    /**
     * Describes the model: input shape after preprocessing, each layer's output shape and parameter count (with the
     * problem of the layer that does not fit), and every problem {@link #plan} would report — plus those found in
     * the data or the layers when {@code plan} would have stopped at earlier ones. Never throws for bad input.
     */
    public ModelSummary summarise(PipelineDocument doc, DataCache cache) {
        Analysis a;
        try {
            a = analyse(doc, doc.pipeline(), (request, problems) -> cache.prepare(doc, doc.pipeline(), request,
                    problems));
        } catch (RuntimeException e) {
            // a component's bug must not take the editor down: report it as a problem of the pipeline
            return new ModelSummary(Optional.empty(), List.of(), -1, List.of(new Problem("$",
                    "cannot be summarised: " + DataCache.describe(e))));
        }
        return summary(doc, a);
    }

    private static ModelSummary summary(PipelineDocument doc, Analysis a) {
        Optional<Shape> input = a.data() == null ? Optional.empty() : inputShape(a.data().schema());
        List<ModelSummary.Layer> layers = new ArrayList<>();
        boolean allBuilt = !a.layers().isEmpty();
        long total = 0;
        for (LayerStep step : a.layers()) {
            LayerBuild b = step.build();
            allBuilt &= b != null;
            total += b == null ? 0 : b.parameterCount();
            layers.add(new ModelSummary.Layer(step.index(), step.ref().type(),
                    b == null ? Optional.empty() : Optional.of(b.output()), b == null ? -1 : b.parameterCount(),
                    problemAt(a.problems(), layerPath(step.index()))));
        }
        boolean known = doc.pipeline().model().isLayerStack() && allBuilt;
        return new ModelSummary(input, layers, known ? total : -1, a.problems());
    }

    /** The first problem located at a JSON path or inside it ({@code $.model.layers[1].params.units}), or null. */
    private static String problemAt(List<Problem> problems, String path) {
        return problems.stream()
                .filter(p -> p.location().equals(path) || p.location().startsWith(path + "."))
                .map(Problem::message).findFirst().orElse(null);
    }

    private static String layerPath(int index) {
        return "$.model.layers[" + index + "]";
    }

    private static Optional<Shape> inputShape(DataSchema schema) {
        try {
            return Optional.of(new Shape(schema.featureShape()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** What the data part of an analysis needs: the dataset with its parameters, and the preprocessing. */
    record DataRequest(DatasetProvider provider, Parameters parameters, ComponentRef dataset,
                       PreprocessingPlan preprocessing, List<ComponentRef> preprocessingRefs) {
    }

    /**
     * The data as the model sees it: split and preprocessed.
     *
     * @param dataset the open dataset (for a run), or null when only the schema was kept (a summary)
     * @param splits  the splits (empty when only the schema was kept)
     */
    record PreparedData(Dataset dataset, List<Split> splits, List<FittedTransform> transforms, DataSchema schema) {
    }

    /** How an analysis gets its data: opened for a run, or a cached schema for a summary. */
    @FunctionalInterface
    interface DataAccess {
        /** The prepared data, or null with the reasons added to {@code problems} (or because there are some). */
        PreparedData prepare(DataRequest request, List<Problem> problems);
    }

    /** One entry of a layer stack: its type and parameters if they resolved, and its build if it fit. */
    private record LayerStep(int index, ComponentRef ref, LayerType type, Parameters parameters, LayerBuild build) {
        LayerStep built(LayerBuild b) {
            return new LayerStep(index, ref, type, parameters, b);
        }
    }

    /** Everything one analysis found. */
    private record Analysis(List<Problem> problems, PreparedData data, Loss loss, OptimizerChoice optimizer,
                            PreprocessingPlan preprocessing, ArchitectureProvider architecture,
                            Parameters architectureParameters, List<LayerStep> layers) {
        void close() {
            if (data != null && data.dataset() != null) {
                data.dataset().close();
            }
        }
    }

    private Analysis analyse(PipelineDocument doc, Pipeline pipeline, DataAccess access) {
        List<Problem> problems = new ArrayList<>();
        var base = doc.baseDirectory();
        ComponentRef ds = pipeline.dataset();
        DatasetProvider provider = catalog.datasets().find(ds.type(), "$.dataset.type", problems);
        Parameters dsParams = provider == null ? null
                : ParameterCheck.resolve(provider.descriptor(), ds.params(), "$.dataset.params", base, problems);
        List<Preprocessor> steps = new ArrayList<>();
        List<Parameters> stepParams = new ArrayList<>();
        for (int i = 0; i < pipeline.preprocessing().size(); i++) {
            ComponentRef ref = pipeline.preprocessing().get(i);
            String path = "$.preprocessing[" + i + "]";
            Preprocessor p = catalog.preprocessors().find(ref.type(), path + ".type", problems);
            steps.add(p);
            stepParams.add(p == null ? null
                    : ParameterCheck.resolve(p.descriptor(), ref.params(), path + ".params", base, problems));
        }
        OptimizerChoice optimizer = optimizer(pipeline, doc, problems);
        Loss loss = Loss.byId(pipeline.training().loss()).orElse(null);
        if (loss == null) {
            problems.add(new Problem("$.training.loss", "unknown loss '" + pipeline.training().loss() + "'"
                    + Suggestions.didYouMean(pipeline.training().loss(), Loss.ids()) + "; choose one of "
                    + String.join(", ", Loss.ids())));
        }
        ArchitectureProvider architecture = null;
        Parameters archParams = null;
        if (!pipeline.model().isLayerStack()) {
            architecture = catalog.architectures().find(pipeline.model().architecture(), "$.model.architecture",
                    problems);
            archParams = architecture == null ? null : ParameterCheck.resolve(architecture.descriptor(),
                    pipeline.model().params(), "$.model.params", base, problems);
        }
        List<LayerStep> layers = layerSteps(pipeline, doc, problems);
        checkEarlyStopping(pipeline, problems);
        PreprocessingPlan preprocessing = steps.contains(null) || stepParams.contains(null) ? null
                : new PreprocessingPlan(steps, stepParams);
        PreparedData data = provider == null || dsParams == null || preprocessing == null ? null
                : access.prepare(new DataRequest(provider, dsParams, ds, preprocessing, pipeline.preprocessing()),
                        problems);
        try {
            if (data != null) {
                TargetKind target = data.schema().targetKind();
                checkTarget(pipeline, data.schema(), loss, architecture, problems);
                if (pipeline.model().isLayerStack() && loss != null && target != TargetKind.NONE) {
                    layers = build(layers, data.schema(), loss, problems);
                }
            }
        } catch (RuntimeException e) {
            if (data != null && data.dataset() != null) {
                data.dataset().close();
            }
            throw e;
        }
        return new Analysis(problems, data, loss, optimizer, preprocessing, architecture, archParams, layers);
    }

    /** Whether the data's target suits the model and the loss (a generative architecture needs none). */
    private void checkTarget(Pipeline pipeline, DataSchema schema, Loss loss, ArchitectureProvider architecture,
                             List<Problem> problems) {
        TargetKind target = schema.targetKind();
        if (architecture != null && !architecture.usesTargets()) {
            return;
        }
        if (target == TargetKind.NONE) {
            boolean stack = pipeline.model().isLayerStack();
            problems.add(new Problem(stack ? "$.model.layers" : "$.model.architecture",
                    "dataset '" + pipeline.dataset().type() + "' has no target, so there is nothing for "
                    + (stack ? "a layer stack" : "architecture '" + pipeline.model().architecture() + "'")
                    + " to predict; use a generative architecture (one that learns from the features "
                    + "alone" + generativeNames() + ") or a dataset with a target"));
        } else if (loss != null && !loss.fits(target)) {
            problems.add(new Problem("$.training.loss", "loss '" + loss.id() + "' does not fit a "
                    + target.name().toLowerCase() + " target; use " + fitting(schema)));
        }
    }

    /** ", such as gan" with the installed generative architectures, or "" when none is installed. */
    private String generativeNames() {
        List<String> ids = catalog.architectures().all().stream().filter(a -> !a.usesTargets())
                .map(ArchitectureProvider::id).toList();
        return ids.isEmpty() ? "; none is installed now" : ", such as " + String.join(", ", ids);
    }

    /** What the optimizer contributes: its updater, the batch size it implies, its own weight penalties. */
    private record OptimizerChoice(IUpdater updater, int batchSize, List<Regularization> regularization) {
    }

    private OptimizerChoice optimizer(Pipeline pipeline, PipelineDocument doc, List<Problem> problems) {
        ComponentRef ref = pipeline.training().optimizer();
        OptimizerProvider o = catalog.optimizers().find(ref.type(), "$.training.optimizer.type", problems);
        Parameters p = o == null ? null : ParameterCheck.resolve(o.descriptor(), ref.params(),
                "$.training.optimizer.params", doc.baseDirectory(), problems);
        if (p == null) {
            return null;
        }
        int batchSize = o.batchSize(p).orElse(pipeline.training().batchSize());
        return new OptimizerChoice(o.updater(p), batchSize, List.copyOf(o.regularization(p)));
    }

    private static void checkEarlyStopping(Pipeline pipeline, List<Problem> problems) {
        boolean validation = pipeline.split().validation() > 0 || pipeline.split().isKFold();
        if (pipeline.training().earlyStop().isPresent() && !validation) {
            problems.add(new Problem("$.training.earlyStopping", "needs validation data to watch; set "
                    + "\"split\": { \"validation\": 0.2 } or remove earlyStopping"));
        }
    }

    /** Every layer's type and parameters, checked before any data is opened. */
    private List<LayerStep> layerSteps(Pipeline pipeline, PipelineDocument doc, List<Problem> problems) {
        if (pipeline.model().isLayerStack() && pipeline.model().layers().isEmpty()) {
            problems.add(new Problem("$.model.layers", "is empty; add at least an output layer: "
                    + "[ {\"type\": \"output\"} ]"));
        }
        List<LayerStep> steps = new ArrayList<>();
        List<ComponentRef> refs = pipeline.model().layers();
        for (int i = 0; i < refs.size(); i++) {
            String path = layerPath(i);
            LayerType type = catalog.layers().find(refs.get(i).type(), path + ".type", problems);
            Parameters p = type == null ? null : ParameterCheck.resolve(type.descriptor(), refs.get(i).params(),
                    path + ".params", doc.baseDirectory(), problems);
            steps.add(new LayerStep(i, refs.get(i), type, p, null));
        }
        return steps;
    }

    /**
     * Builds the layers in order, each on the previous one's output shape, up to the first that does not fit (its
     * problem names that layer's path). Returns the steps with their builds.
     */
    private static List<LayerStep> build(List<LayerStep> steps, DataSchema schema, Loss loss, List<Problem> problems) {
        if (steps.isEmpty()) {
            return steps;
        }
        Optional<Shape> input = inputShape(schema);
        if (input.isEmpty()) {
            problems.add(new Problem("$.dataset", "the data gives examples of shape " + schema.featureShape()
                    + ", which no layer can take"));
            return steps;
        }
        List<LayerStep> out = new ArrayList<>(steps);
        Shape shape = input.get();
        String previous = "the dataset";
        for (int i = 0; i < steps.size(); i++) {
            LayerStep step = steps.get(i);
            if (step.type() == null || step.parameters() == null) {
                return out;
            }
            String path = layerPath(i);
            try {
                LayerBuild b = step.type().build(step.parameters(), new LayerContext(i, shape, previous,
                        i == steps.size() - 1, loss.id(), schema));
                out.set(i, step.built(b));
                shape = b.output();
                previous = "layer " + i + " (" + step.type().id() + ")";
            } catch (LayerException e) {
                problems.add(new Problem(path, e.getMessage()));
                return out;
            } catch (RuntimeException e) {
                problems.add(new Problem(path, "layer type '" + step.type().id() + "' could not build this layer: "
                        + DataCache.describe(e)));
                return out;
            }
        }
        var last = out.get(out.size() - 1).build().layer();
        if (!(last instanceof BaseOutputLayer) && !(last instanceof LossLayer)) {
            problems.add(new Problem(layerPath(steps.size() - 1), "the last layer must be an "
                    + "output layer that applies the loss; append {\"type\": \"output\"}"));
        }
        return out;
    }

    private static String fitting(DataSchema schema) {
        return String.join(" or ", java.util.Arrays.stream(Loss.values())
                .filter(l -> l.fits(schema.targetKind())).map(Loss::id).toList());
    }


}
