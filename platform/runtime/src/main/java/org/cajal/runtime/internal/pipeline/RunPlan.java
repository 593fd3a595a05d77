package org.cajal.runtime.internal.pipeline;

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
import org.nd4j.linalg.learning.regularization.Regularization;

/**
 * A validated pipeline, resolved against the installed components and ready to train: the opened dataset, its
 * splits (one, or one per fold), the preprocessing, and either the built layer stack or the chosen architecture.
 * Holds the open dataset, hence {@link AutoCloseable}.
 *
 * @param splits one hold-out split, or one per cross-validation fold
 * @param transforms the preprocessing fitted on the first split's training data
 * @param schema the schema after preprocessing (what the model sees)
 * @param batchSize examples per mini-batch for the first split, after the optimizer's say (full batch resolved)
 * @param optimizerRegularization weight penalties that come with the optimizer (AdamW's weight decay)
 * @param layers the built layer stack (empty for another architecture)
 * @param architecture the architecture provider, or null for a layer stack
 */
public record RunPlan(PipelineDocument document, Pipeline pipeline, Dataset dataset, List<Split> splits,
               PreprocessingPlan preprocessing, List<FittedTransform> transforms, DataSchema schema, Loss loss,
               IUpdater updater, int requestedBatchSize, List<Regularization> optimizerRegularization,
               List<LayerBuild> layers, ArchitectureProvider architecture, Parameters architectureParameters)
        implements AutoCloseable {

    /**
     * Whether the model learns from the features alone (a generative architecture): the schema then has no
     * target, batches carry no labels and the model scores itself.
     */
    public boolean generative() {
        return generative(architecture);
    }

    public static boolean generative(ArchitectureProvider architecture) {
        return architecture != null && !architecture.usesTargets();
    }

    /** The schema a generative model sees: the same features, no target (a labelled dataset's labels ignored). */
    public static DataSchema withoutTarget(DataSchema schema) {
        return new DataSchema(schema.featureNames(), schema.featureShape(), org.cajal.api.data.TargetKind.NONE,
                List.of(), List.of(), schema.featureCategories());
    }

    /** Total trainable parameters of the layer stack (0 for other architectures until built). */
    long layerParameterCount() {
        return layers.stream().mapToLong(LayerBuild::parameterCount).sum();
    }

    /** Mini-batch size for a training split of {@code n} examples (0 requested = full batch). */
    public int batchSize(int n) {
        return requestedBatchSize == 0 ? n : Math.min(requestedBatchSize, n);
    }

    @Override
    public void close() {
        dataset.close();
    }
}
