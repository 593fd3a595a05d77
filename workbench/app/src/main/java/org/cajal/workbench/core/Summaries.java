package org.cajal.workbench.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

import org.cajal.api.pipeline.ModelSummary;
import org.cajal.api.pipeline.Pipeline;

/**
 * The latest model summary (shapes and parameter counts from the runtime) of the edited pipeline, as the pipeline
 * editor computes it, for the other views that draw the model (the network diagram). Event-dispatch thread.
 */
public final class Summaries {

    private final List<BiConsumer<Pipeline, ModelSummary>> listeners = new CopyOnWriteArrayList<>();
    private Pipeline pipeline;
    private ModelSummary summary;

    /** A summary of this version of the pipeline arrived (null when it could not be made). */
    public void publish(Pipeline of, ModelSummary latest) {
        pipeline = of;
        summary = latest;
        listeners.forEach(l -> l.accept(of, latest));
    }

    /** Told of every summary from now on; called at once with the latest one, if any. */
    public void addListener(BiConsumer<Pipeline, ModelSummary> listener) {
        listeners.add(listener);
        if (pipeline != null) {
            listener.accept(pipeline, summary);
        }
    }
}
