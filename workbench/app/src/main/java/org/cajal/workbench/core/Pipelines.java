package org.cajal.workbench.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cajal.api.pipeline.ComponentRef;
import org.cajal.api.pipeline.ModelSpec;
import org.cajal.api.pipeline.Pipeline;
import org.cajal.api.pipeline.SplitSpec;
import org.cajal.api.pipeline.TrainingSpec;

/** Small edits of the immutable pipeline records (each returns a new pipeline, its search section kept). */
public final class Pipelines {

    private Pipelines() {
    }

    public static Pipeline withDataset(Pipeline p, ComponentRef dataset) {
        return new Pipeline(p.schemaVersion(), p.name(), p.description(), p.seed(), dataset, p.preprocessing(),
                p.split(), p.model(), p.training(), p.search());
    }

    public static Pipeline withPreprocessing(Pipeline p, List<ComponentRef> steps) {
        return new Pipeline(p.schemaVersion(), p.name(), p.description(), p.seed(), p.dataset(), steps, p.split(),
                p.model(), p.training(), p.search());
    }

    public static Pipeline withSplit(Pipeline p, SplitSpec split) {
        return new Pipeline(p.schemaVersion(), p.name(), p.description(), p.seed(), p.dataset(), p.preprocessing(),
                split, p.model(), p.training(), p.search());
    }

    public static Pipeline withModel(Pipeline p, ModelSpec model) {
        return new Pipeline(p.schemaVersion(), p.name(), p.description(), p.seed(), p.dataset(), p.preprocessing(),
                p.split(), model, p.training(), p.search());
    }

    public static Pipeline withLayers(Pipeline p, List<ComponentRef> layers) {
        ModelSpec m = p.model();
        return withModel(p, new ModelSpec(m.architecture(), m.params(), layers));
    }

    public static Pipeline withTraining(Pipeline p, TrainingSpec training) {
        return new Pipeline(p.schemaVersion(), p.name(), p.description(), p.seed(), p.dataset(), p.preprocessing(),
                p.split(), p.model(), training, p.search());
    }

    public static Pipeline withOptimizer(Pipeline p, ComponentRef optimizer) {
        TrainingSpec t = p.training();
        return withTraining(p, new TrainingSpec(t.loss(), optimizer, t.epochs(), t.batchSize(), t.regularisation(),
                t.earlyStopping(), t.engine()));
    }

    public static Pipeline withName(Pipeline p, String name, String description) {
        return new Pipeline(p.schemaVersion(), name, description, p.seed(), p.dataset(), p.preprocessing(),
                p.split(), p.model(), p.training(), p.search());
    }

    /** The component with one parameter set (value null removes it, so the default applies). */
    public static ComponentRef withParam(ComponentRef ref, String key, Object value) {
        Map<String, Object> params = new LinkedHashMap<>(ref.params());
        if (value == null) {
            params.remove(key);
        } else {
            params.put(key, value);
        }
        return new ComponentRef(ref.type(), params);
    }

    /** A list with element i replaced. */
    public static <T> List<T> replace(List<T> list, int i, T value) {
        List<T> copy = new ArrayList<>(list);
        copy.set(i, value);
        return copy;
    }
}
