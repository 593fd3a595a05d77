package org.cajal.api.data;

import java.io.Serializable;

/** A preprocessing step with its learned statistics; serialisable so that it is saved with the model. */
public interface FittedTransform extends Serializable {

    /** The schema of transformed examples. */
    DataSchema outputSchema(DataSchema input);

    /** Transforms examples (features and, where the step says so, targets); never modifies its argument. */
    Examples apply(Examples examples);
}
