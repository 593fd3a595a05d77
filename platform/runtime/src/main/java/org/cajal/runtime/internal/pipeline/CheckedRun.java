package org.cajal.runtime.internal.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.cajal.api.pipeline.CheckedPipeline;
import org.cajal.api.pipeline.ComponentRef;
import org.cajal.api.pipeline.ModelSummary;
import org.cajal.api.pipeline.Pipeline;
import org.cajal.api.pipeline.PipelineDocument;
import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.Problem;

/**
 * The runtime's {@link CheckedPipeline}: the validated {@link RunPlan} (its dataset open), the model's summary, and
 * the component instances the plan was resolved with. The first start takes the plan; a later start of the same
 * check plans again (the first run closes its dataset when it ends).
 */
public final class CheckedRun implements CheckedPipeline {

    /** One component the plan uses: where the pipeline names it, and the instance installed at check time. */
    private record Use(Function<Catalog, Catalog.Kind<?>> kind, String id, String path, Object instance) {
    }

    private final PipelineDocument document;
    private final ModelSummary summary;
    private final List<Use> uses;
    private final AtomicReference<RunPlan> plan;

    public CheckedRun(RunPlan plan, ModelSummary summary, Catalog catalog) {
        this.document = plan.document();
        this.summary = summary;
        this.plan = new AtomicReference<>(plan);
        this.uses = uses(plan.pipeline(), catalog);
    }

    @Override
    public PipelineDocument document() {
        return document;
    }

    @Override
    public ModelSummary summary() {
        return summary;
    }

    /** The pipeline as checked (the document's, with its own seed). */
    public Pipeline pipeline() {
        return document.pipeline();
    }

    /**
     * The checked plan, once; null when it was taken already.
     *
     * @throws PipelineException naming each component the plan uses that is not installed now (or was replaced
     *                           by another of the same id); the plan is closed then
     */
    public RunPlan take(Catalog now) throws PipelineException {
        List<Problem> gone = new ArrayList<>();
        for (Use use : uses) {
            Catalog.Kind<?> kind = use.kind().apply(now);
            if (kind.get(use.id()).orElse(null) != use.instance()) {
                gone.add(new Problem(use.path(), "the " + kind.noun() + " '" + use.id() + "' was installed when "
                        + "the pipeline was checked but is not any more (its plugin was stopped or updated); "
                        + "check the pipeline again"));
            }
        }
        RunPlan taken = plan.getAndSet(null);
        if (!gone.isEmpty()) {
            if (taken != null) {
                taken.close();
            }
            throw new PipelineException(document.source(), gone);
        }
        return taken;
    }

    private static List<Use> uses(Pipeline pipeline, Catalog catalog) {
        List<Use> out = new ArrayList<>();
        add(out, catalog, Catalog::datasets, pipeline.dataset().type(), "$.dataset.type");
        for (int i = 0; i < pipeline.preprocessing().size(); i++) {
            add(out, catalog, Catalog::preprocessors, pipeline.preprocessing().get(i).type(),
                    "$.preprocessing[" + i + "].type");
        }
        ComponentRef optimizer = pipeline.training().optimizer();
        add(out, catalog, Catalog::optimizers, optimizer.type(), "$.training.optimizer.type");
        if (pipeline.model().isLayerStack()) {
            List<ComponentRef> layers = pipeline.model().layers();
            for (int i = 0; i < layers.size(); i++) {
                add(out, catalog, Catalog::layers, layers.get(i).type(), "$.model.layers[" + i + "].type");
            }
        } else {
            add(out, catalog, Catalog::architectures, pipeline.model().architecture(), "$.model.architecture");
        }
        return out;
    }

    private static void add(List<Use> out, Catalog catalog, Function<Catalog, Catalog.Kind<?>> kind, String id,
                            String path) {
        kind.apply(catalog).get(id).ifPresent(instance -> out.add(new Use(kind, id, path, instance)));
    }
}
