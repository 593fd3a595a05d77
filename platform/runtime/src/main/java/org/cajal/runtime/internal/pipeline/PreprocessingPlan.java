package org.cajal.runtime.internal.pipeline;

import java.util.List;

import org.cajal.api.Parameters;
import org.cajal.api.data.Dataset;
import org.cajal.api.data.DatasetException;
import org.cajal.api.data.FittedTransform;
import org.cajal.api.data.Preprocessor;

/** The pipeline's preprocessing steps with their parameters, to fit on each split's training data. */
public record PreprocessingPlan(List<Preprocessor> steps, List<Parameters> parameters) {

    public List<FittedTransform> fit(Dataset dataset, Split split) throws DatasetException {
        return Preprocessing.fit(dataset, split, steps, parameters);
    }
}
