package org.cajal.runtime.internal;

import java.util.ArrayList;
import java.util.List;

import org.cajal.api.Parameters;
import org.cajal.api.data.DataSchema;
import org.cajal.api.data.Dataset;
import org.cajal.api.data.DatasetException;
import org.cajal.api.data.Examples;
import org.cajal.api.data.FittedTransform;
import org.cajal.api.data.Preprocessor;

/** Fits preprocessing steps on the training split only (no leakage) and applies the fitted chain to any split. */
final class Preprocessing {

    private Preprocessing() {
    }

    static List<FittedTransform> fit(Dataset dataset, Split split, List<Preprocessor> steps,
                                     List<Parameters> parameters) throws DatasetException {
        if (steps.isEmpty()) {
            return List.of();
        }
        Examples examples = dataset.read(split.train());
        DataSchema schema = dataset.schema();
        List<FittedTransform> fitted = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            FittedTransform t = steps.get(i).fit(examples, schema, parameters.get(i));
            examples = t.apply(examples);
            schema = t.outputSchema(schema);
            fitted.add(t);
        }
        return List.copyOf(fitted);
    }

    static DataSchema schema(DataSchema input, List<FittedTransform> transforms) {
        DataSchema s = input;
        for (FittedTransform t : transforms) {
            s = t.outputSchema(s);
        }
        return s;
    }

    static Examples apply(List<FittedTransform> transforms, Examples examples) {
        Examples e = examples;
        for (FittedTransform t : transforms) {
            e = t.apply(e);
        }
        return e;
    }
}
