package org.cajal.runtime.internal;

import java.util.ArrayList;
import java.util.List;

import org.cajal.api.Parameters;
import org.cajal.api.data.DataSchema;
import org.cajal.api.data.Dataset;
import org.cajal.api.data.DatasetException;
import org.cajal.api.data.DatasetProvider;
import org.cajal.api.data.FittedTransform;
import org.cajal.api.data.Preprocessor;
import org.cajal.api.model.ArchitectureProvider;
import org.cajal.api.model.LayerBuild;
import org.cajal.api.model.LayerContext;
import org.cajal.api.model.LayerException;
import org.cajal.api.model.LayerType;
import org.cajal.api.model.Shape;
import org.cajal.api.pipeline.ComponentRef;
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
 * Checks a pipeline against the components installed now and resolves it into a {@link RunPlan}: every id must
 * name an installed component, every parameter must fit its spec, and the layer stack's shapes must chain — all
 * before any training starts. Problems carry JSON paths.
 */
final class PipelineValidator {

    private final Catalog catalog;

    PipelineValidator(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Resolves the pipeline; the caller closes the plan. */
    RunPlan plan(PipelineDocument doc, Pipeline pipeline) throws PipelineException {
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
        checkLayerIds(pipeline, problems);
        checkEarlyStopping(pipeline, problems);
        fail(doc, problems);
        Dataset dataset = open(doc, provider, dsParams, pipeline.seed());
        try {
            List<Split> splits = Split.of(dataset, pipeline.split(), pipeline.seed());
            checkSplits(splits, problems);
            fail(doc, problems);
            PreprocessingPlan preprocessing = new PreprocessingPlan(steps, stepParams);
            List<FittedTransform> transforms = preprocessing.fit(dataset, splits.get(0));
            DataSchema schema = Preprocessing.schema(dataset.schema(), transforms);
            if (loss != null && !loss.fits(schema.targetKind())) {
                problems.add(new Problem("$.training.loss", "loss '" + loss.id() + "' does not fit a "
                        + schema.targetKind().name().toLowerCase() + " target; use " + fitting(schema)));
            }
            List<LayerBuild> layers = pipeline.model().isLayerStack() && loss != null
                    ? layers(pipeline, doc, schema, loss, problems) : List.of();
            fail(doc, problems);
            return new RunPlan(doc, pipeline, dataset, splits, preprocessing, transforms, schema, loss,
                    optimizer.updater(), optimizer.batchSize(), optimizer.regularization(), layers, architecture,
                    archParams);
        } catch (DatasetException e) {
            dataset.close();
            throw new PipelineException(doc.source(), new Problem("$.dataset", e.getMessage()));
        } catch (PipelineException | RuntimeException e) {
            dataset.close();
            throw e;
        }
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

    private static void checkSplits(List<Split> splits, List<Problem> problems) {
        for (int i = 0; i < splits.size(); i++) {
            if (splits.get(i).train().length == 0) {
                String where = splits.size() == 1 ? "the split" : "fold " + (i + 1);
                problems.add(new Problem("$.split", where + " leaves no training examples; use smaller "
                        + "validation/test fractions, fewer folds or more data"));
                return;
            }
        }
    }

    private void checkLayerIds(Pipeline pipeline, List<Problem> problems) {
        if (pipeline.model().isLayerStack() && pipeline.model().layers().isEmpty()) {
            problems.add(new Problem("$.model.layers", "is empty; add at least an output layer: "
                    + "[ {\"type\": \"output\"} ]"));
        }
        for (int i = 0; i < pipeline.model().layers().size(); i++) {
            catalog.layers().find(pipeline.model().layers().get(i).type(), "$.model.layers[" + i + "].type", problems);
        }
    }

    private static Dataset open(PipelineDocument doc, DatasetProvider provider, Parameters params, long seed)
            throws PipelineException {
        try {
            Dataset d = provider.open(params, seed);
            if (d.size() < 2) {
                d.close();
                throw new PipelineException(doc.source(), new Problem("$.dataset",
                        "dataset '" + provider.id() + "' has " + d.size() + " examples; at least 2 are needed"));
            }
            return d;
        } catch (DatasetException e) {
            throw new PipelineException(doc.source(), new Problem("$.dataset", e.getMessage()));
        }
    }

    private List<LayerBuild> layers(Pipeline pipeline, PipelineDocument doc, DataSchema schema, Loss loss,
                                    List<Problem> problems) {
        List<LayerBuild> builds = new ArrayList<>();
        Shape shape = new Shape(schema.featureShape());
        String previous = "the dataset";
        List<ComponentRef> refs = pipeline.model().layers();
        for (int i = 0; i < refs.size(); i++) {
            String path = "$.model.layers[" + i + "]";
            LayerType type = catalog.layers().get(refs.get(i).type()).orElseThrow();
            Parameters p = ParameterCheck.resolve(type.descriptor(), refs.get(i).params(), path + ".params",
                    doc.baseDirectory(), problems);
            if (p == null) {
                return List.of();
            }
            try {
                LayerBuild b = type.build(p, new LayerContext(i, shape, previous, i == refs.size() - 1, loss.id(),
                        schema));
                builds.add(b);
                shape = b.output();
                previous = "layer " + i + " (" + type.id() + ")";
            } catch (LayerException e) {
                problems.add(new Problem(path, e.getMessage()));
                return List.of();
            }
        }
        var last = builds.get(builds.size() - 1).layer();
        if (!(last instanceof BaseOutputLayer) && !(last instanceof LossLayer)) {
            problems.add(new Problem("$.model.layers[" + (refs.size() - 1) + "]", "the last layer must be an "
                    + "output layer that applies the loss; append {\"type\": \"output\"}"));
        }
        return builds;
    }

    private static String fitting(DataSchema schema) {
        return String.join(" or ", java.util.Arrays.stream(Loss.values())
                .filter(l -> l.fits(schema.targetKind())).map(Loss::id).toList());
    }

    private static void fail(PipelineDocument doc, List<Problem> problems) throws PipelineException {
        if (!problems.isEmpty()) {
            throw new PipelineException(doc.source(), problems);
        }
    }
}
