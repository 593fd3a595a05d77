package org.cajal.workbench.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.cajal.api.ComponentKind;
import org.cajal.api.pipeline.ComponentRef;
import org.cajal.api.pipeline.ModelSpec;
import org.cajal.api.pipeline.Pipeline;
import org.cajal.api.pipeline.SplitSpec;
import org.cajal.api.pipeline.TrainingSpec;
import org.cajal.workbench.core.Catalog;
import org.cajal.workbench.core.Pipelines;
import org.cajal.workbench.core.Step;

/**
 * The structural edits the pipeline editor and the palette make (insert, remove and move layers and
 * preprocessing steps, switch components), plus the texts both show for a pipeline. Every edit returns a new
 * pipeline and leaves its argument untouched; nothing here touches Swing.
 */
public final class PipelineEdits {

    private PipelineEdits() {
    }

    /** A pipeline after an edit, and the step to select afterwards. */
    public record Result(Pipeline pipeline, Step select) {
    }

    // ---------------------------------------------------------------- layers

    /**
     * Where a new layer goes: after the selected layer, or else before the last layer (the output layer), or at 0
     * in an empty stack.
     *
     * @param selected the selected step, if any (only a LAYER step inside the stack counts)
     */
    public static int layerInsertIndex(Pipeline p, Optional<Step> selected) {
        int size = p.model().layers().size();
        if (selected.isPresent() && selected.get().part() == Step.Part.LAYER && selected.get().index() < size) {
            return selected.get().index() + 1;
        }
        return Math.max(0, size - 1);
    }

    /** Inserts a layer of that type (default parameters) where {@link #layerInsertIndex} says, and selects it. */
    public static Result insertLayer(Pipeline p, String type, Optional<Step> selected) {
        int at = layerInsertIndex(p, selected);
        List<ComponentRef> layers = new ArrayList<>(p.model().layers());
        layers.add(at, ComponentRef.of(type));
        return new Result(Pipelines.withLayers(p, layers), Step.layer(at));
    }

    /** Removes layer i; selects the layer now at i (or the new last one), none when the stack is empty. */
    public static Result removeLayer(Pipeline p, int i) {
        List<ComponentRef> layers = new ArrayList<>(p.model().layers());
        checkIndex(i, layers.size(), "layer");
        layers.remove(i);
        Step next = layers.isEmpty() ? null : Step.layer(Math.min(i, layers.size() - 1));
        return new Result(Pipelines.withLayers(p, layers), next);
    }

    /** Moves layer i by delta (-1 up, +1 down); unchanged if that leaves the stack. Selects the moved layer. */
    public static Result moveLayer(Pipeline p, int i, int delta) {
        List<ComponentRef> layers = p.model().layers();
        checkIndex(i, layers.size(), "layer");
        int to = i + delta;
        if (to < 0 || to >= layers.size()) {
            return new Result(p, Step.layer(i));
        }
        return new Result(Pipelines.withLayers(p, swap(layers, i, to)), Step.layer(to));
    }

    // ---------------------------------------------------------------- preprocessing

    /** Appends a preprocessing step of that type and selects it. */
    public static Result addPreprocessing(Pipeline p, String type) {
        List<ComponentRef> steps = new ArrayList<>(p.preprocessing());
        steps.add(ComponentRef.of(type));
        return new Result(Pipelines.withPreprocessing(p, steps), Step.preprocessing(steps.size() - 1));
    }

    /** Removes preprocessing step i; selects the step now at i (or the new last one), none when empty. */
    public static Result removePreprocessing(Pipeline p, int i) {
        List<ComponentRef> steps = new ArrayList<>(p.preprocessing());
        checkIndex(i, steps.size(), "preprocessing step");
        steps.remove(i);
        Step next = steps.isEmpty() ? null : Step.preprocessing(Math.min(i, steps.size() - 1));
        return new Result(Pipelines.withPreprocessing(p, steps), next);
    }

    /** Moves preprocessing step i by delta; unchanged if that leaves the list. Selects the moved step. */
    public static Result movePreprocessing(Pipeline p, int i, int delta) {
        List<ComponentRef> steps = p.preprocessing();
        checkIndex(i, steps.size(), "preprocessing step");
        int to = i + delta;
        if (to < 0 || to >= steps.size()) {
            return new Result(p, Step.preprocessing(i));
        }
        return new Result(Pipelines.withPreprocessing(p, swap(steps, i, to)), Step.preprocessing(to));
    }

    // ---------------------------------------------------------------- whole components

    /** Replaces the dataset by one of that type with default parameters (unchanged if it is that type already). */
    public static Result switchDataset(Pipeline p, String type) {
        if (p.dataset().type().equals(type)) {
            return new Result(p, Step.DATASET);
        }
        return new Result(Pipelines.withDataset(p, ComponentRef.of(type)), Step.DATASET);
    }

    /** Replaces the optimizer by one of that type with default parameters (unchanged if it is that type already). */
    public static Result switchOptimizer(Pipeline p, String type) {
        if (p.training().optimizer().type().equals(type)) {
            return new Result(p, Step.OPTIMIZER);
        }
        return new Result(Pipelines.withOptimizer(p, ComponentRef.of(type)), Step.OPTIMIZER);
    }

    /**
     * Sets the model's architecture; the layers are kept (a layer stack uses them again), the architecture's
     * parameters are reset when it changes.
     */
    public static Result switchArchitecture(Pipeline p, String architecture) {
        ModelSpec m = p.model();
        if (m.architecture().equals(architecture)) {
            return new Result(p, Step.ARCHITECTURE);
        }
        return new Result(Pipelines.withModel(p, new ModelSpec(architecture, null, m.layers())), Step.ARCHITECTURE);
    }

    // ---------------------------------------------------------------- problems

    /**
     * The step a problem's location (a JSON path such as {@code $.model.layers[2].params.units}) points at, if
     * any: a layer, a preprocessing step, the dataset, the optimizer, the training settings (which include the
     * split) or the architecture.
     */
    public static Optional<Step> stepFor(String location, Pipeline p) {
        if (location == null || !location.startsWith("$")) {
            return Optional.empty();
        }
        Optional<Integer> layer = indexAt(location, "$.model.layers[");
        if (layer.isPresent()) {
            return Optional.of(Step.layer(layer.get()));
        }
        Optional<Integer> pre = indexAt(location, "$.preprocessing[");
        if (pre.isPresent()) {
            return Optional.of(Step.preprocessing(pre.get()));
        }
        if (under(location, "$.dataset")) {
            return Optional.of(Step.DATASET);
        }
        if (under(location, "$.training.optimizer")) {
            return Optional.of(Step.OPTIMIZER);
        }
        if (under(location, "$.training") || under(location, "$.split")) {
            return Optional.of(Step.TRAINING);
        }
        if (under(location, "$.model") && !p.model().isLayerStack()) {
            return Optional.of(Step.ARCHITECTURE);
        }
        return Optional.empty();
    }

    /** The layer index a location names ({@code $.model.layers[3]...}), if it names one. */
    public static Optional<Integer> layerIndex(String location) {
        return location == null ? Optional.empty() : indexAt(location, "$.model.layers[");
    }

    private static Optional<Integer> indexAt(String location, String prefix) {
        if (!location.startsWith(prefix)) {
            return Optional.empty();
        }
        int close = location.indexOf(']', prefix.length());
        if (close < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(location.substring(prefix.length(), close)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean under(String location, String path) {
        if (!location.startsWith(path)) {
            return false;
        }
        if (location.length() == path.length()) {
            return true;
        }
        char next = location.charAt(path.length());
        return next == '.' || next == '[';
    }

    // ---------------------------------------------------------------- texts

    /** "Display Name (id)" for an installed component, else just the id. */
    public static String label(Catalog catalog, ComponentKind kind, String id) {
        return catalog.descriptor(kind, id).map(d -> d.displayName() + " (" + id + ")").orElse(id);
    }

    /** A count with thousands separators: 1,234. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A fraction as a whole percentage: "20 %". */
    public static String percent(double fraction) {
        double pct = fraction * 100;
        return (Math.abs(pct - Math.rint(pct)) < 1e-9
                ? String.valueOf((long) Math.rint(pct))
                : String.format(Locale.ROOT, "%.1f", pct)) + " %";
    }

    /**
     * One line about the training settings, e.g.
     * "loss: categorical-cross-entropy · 60 epochs · batch 16 · validation 20 % · test 20 %".
     */
    public static String trainingSummary(Pipeline p) {
        TrainingSpec t = p.training();
        SplitSpec s = p.split();
        StringBuilder b = new StringBuilder("loss: ").append(t.loss())
                .append(" · ").append(t.epochs()).append(t.epochs() == 1 ? " epoch" : " epochs")
                .append(" · ").append(t.batchSize() == 0 ? "full batch" : "batch " + t.batchSize());
        if (s.isKFold()) {
            b.append(" · ").append(s.folds()).append(" folds");
        } else {
            b.append(" · validation ").append(percent(s.validation()));
        }
        b.append(" · test ").append(percent(s.test()));
        if (!t.regularisation().equals(org.cajal.api.pipeline.Regularisation.NONE)) {
            b.append(" · regularised");
        }
        t.earlyStop().ifPresent(e -> b.append(" · early stopping (patience ").append(e.patience()).append(')'));
        return b.toString();
    }

    /** What the run's evaluation will score: the test split, the validation split, the training data or k folds. */
    public static String evaluationSummary(Pipeline p) {
        SplitSpec s = p.split();
        if (s.isKFold()) {
            return s.folds() + "-fold cross-validation: each of the " + s.folds()
                    + " models is evaluated on its own held-out fold, and the results are averaged (mean ± sd)"
                    + (s.test() > 0 ? " (" + percent(s.test()) + " of the data is set aside as a test split before the folds"
                    + " are made)" : "")
                    + ".";
        }
        if (s.test() > 0) {
            return "After training, the model is evaluated on the held-out test split (" + percent(s.test())
                    + " of the data).";
        }
        if (s.validation() > 0) {
            return "After training, the model is evaluated on the validation split (" + percent(s.validation())
                    + " of the data): there is no test split.";
        }
        return "After training, the model is evaluated on the training data itself (no validation or test split),"
                + " so the scores are optimistic.";
    }

    // ---------------------------------------------------------------- helpers

    private static <T> List<T> swap(List<T> list, int i, int j) {
        List<T> copy = new ArrayList<>(list);
        T a = copy.get(i);
        copy.set(i, copy.get(j));
        copy.set(j, a);
        return copy;
    }

    private static void checkIndex(int i, int size, String what) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("no " + what + " at position " + i + " (there are " + size + ")");
        }
    }
}
