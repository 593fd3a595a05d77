package org.cajal.api.data;

import org.cajal.api.Describable;
import org.cajal.api.Parameters;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A preprocessing step (standardise, min-max, one-hot, ...). It is fitted on the training split only and the
 * fitted transform is then applied to every split and saved with the model, so nothing leaks from validation or
 * test data into training.
 */
@ConsumerType
public interface Preprocessor extends Describable {

    /**
     * Learns the transform's statistics from the training split, streamed in mini-batches so that a large
     * dataset is never held in memory twice. The iterable may be iterated more than once (for two-pass
     * statistics); each pass reads the training split again.
     *
     * @param training the training split's examples, batch by batch (after the preceding steps' transforms)
     * @param schema the schema of those examples
     */
    FittedTransform fit(Iterable<Examples> training, DataSchema schema, Parameters parameters) throws DatasetException;
}
