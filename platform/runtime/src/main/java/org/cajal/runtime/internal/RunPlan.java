package org.cajal.runtime.internal;

import java.util.List;

import org.cajal.api.Parameters;
import org.cajal.api.data.DataSchema;
import org.cajal.api.data.Dataset;
import org.cajal.api.data.FittedTransform;
import org.cajal.api.model.ArchitectureProvider;
import org.cajal.api.model.LayerBuild;
import org.cajal.api.pipeline.Pipeline;
import org.cajal.api.pipeline.PipelineDocument;
import org.cajal.api.train.Loss;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * A validated pipeline, resolved against the installed components and ready to train: the opened dataset, its
 * split, the fitted preprocessing, and either the built layer stack or the chosen architecture. Holds the open
 * dataset, hence {@link AutoCloseable}.
 *
 * @param schema the schema after preprocessing (what the model sees)
 * @param layers the built layer stack (empty for another architecture)
 * @param architecture the architecture provider, or null for a layer stack
 */
record RunPlan(PipelineDocument document, Pipeline pipeline, Dataset dataset, Split split,
               List<FittedTransform> transforms, DataSchema schema, Loss loss, IUpdater updater,
               List<LayerBuild> layers, ArchitectureProvider architecture, Parameters architectureParameters)
        implements AutoCloseable {

    /** Total trainable parameters of the layer stack (0 for other architectures until built). */
    long layerParameterCount() {
        return layers.stream().mapToLong(LayerBuild::parameterCount).sum();
    }

    @Override
    public void close() {
        dataset.close();
    }
}
