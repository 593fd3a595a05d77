package org.cajal.workbench.palette;

import java.util.Locale;
import java.util.Optional;

import org.cajal.api.pipeline.Pipeline;
import org.cajal.workbench.core.Catalog;
import org.cajal.workbench.core.Step;
import org.cajal.workbench.editor.PipelineEdits;

/**
 * What adding a palette component does to the pipeline, by kind: a dataset replaces the dataset (parameters
 * reset), a preprocessor is appended, a layer is inserted after the selected layer or else before the output
 * layer, an optimizer replaces the optimizer, an architecture becomes the model's architecture (layers kept), and a
 * visualiser adds nothing (it appears in Results). No Swing here.
 */
public final class PaletteActions {

    private PaletteActions() {
    }

    /**
     * The outcome of adding a component.
     *
     * @param pipeline the pipeline afterwards (the same one when nothing was added)
     * @param select   the step to select afterwards, or null
     * @param status   a line for the status bar saying what happened
     */
    public record Outcome(Pipeline pipeline, Step select, String status) {
    }

    /**
     * Adds the component to the pipeline.
     *
     * @param selected the step selected in the editor now (decides where a layer goes)
     */
    public static Outcome add(Pipeline p, Catalog.Entry entry, Optional<Step> selected) {
        String id = entry.id();
        String name = entry.descriptor().displayName() + " (" + id + ")";
        return switch (entry.kind()) {
            case DATASET -> outcome(PipelineEdits.switchDataset(p, id), "Dataset is now " + name + ".");
            case PREPROCESSOR -> outcome(PipelineEdits.addPreprocessing(p, id),
                    "Added preprocessing step " + name + ".");
            case LAYER_TYPE -> {
                if (!p.model().isLayerStack()) {
                    yield new Outcome(p, null, "The model uses the architecture '" + p.model().architecture()
                            + "', not a layer stack: switch the architecture to a layer stack to add layers.");
                }
                PipelineEdits.Result r = PipelineEdits.insertLayer(p, id, selected);
                yield outcome(r, "Added layer " + name + " at position " + r.select().index() + ".");
            }
            case OPTIMIZER -> outcome(PipelineEdits.switchOptimizer(p, id), "Optimizer is now " + name + ".");
            case ARCHITECTURE -> outcome(PipelineEdits.switchArchitecture(p, id),
                    "Architecture is now " + name + ".");
            case VISUALISER -> new Outcome(p, null, "Visualisers are not part of the pipeline: " + name
                    + " appears in Results once a run has finished.");
        };
    }

    private static Outcome outcome(PipelineEdits.Result r, String status) {
        return new Outcome(r.pipeline(), r.select(), status);
    }

    /**
     * Whether a component matches a search: every word of the query occurs (ignoring case) in its id, display
     * name, category, help text or kind.
     */
    public static boolean matches(Catalog.Entry entry, String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
        String haystack = String.join("\n", entry.id(), entry.descriptor().displayName(),
                entry.descriptor().category(), entry.descriptor().help(), entry.kind().label())
                .toLowerCase(Locale.ROOT);
        for (String word : query.trim().toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
