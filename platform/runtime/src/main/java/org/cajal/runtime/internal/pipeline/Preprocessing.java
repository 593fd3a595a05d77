package org.cajal.runtime.internal.pipeline;

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
public final class Preprocessing {

    private Preprocessing() {
    }

    static List<FittedTransform> fit(Dataset dataset, Split split, List<Preprocessor> steps,
                                     List<Parameters> parameters) throws DatasetException {
        if (steps.isEmpty()) {
            return List.of();
        }
        DataSchema schema = dataset.schema();
        List<FittedTransform> fitted = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            List<FittedTransform> before = List.copyOf(fitted);
            Iterable<Examples> batches = () -> new TrainingBatches(dataset, split.train(), before);
            FittedTransform t;
            try {
                t = steps.get(i).fit(batches, schema, parameters.get(i));
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause().getCause() instanceof DatasetException d ? d
                        : new DatasetException(e.getMessage(), e);
            }
            schema = t.outputSchema(schema);
            fitted.add(t);
        }
        return List.copyOf(fitted);
    }

    /** Examples per batch when streaming the training split to a preprocessing step. */
    static final int FIT_BATCH = 4096;

    /** The training split in batches, with the transforms fitted so far applied. */
    private static final class TrainingBatches implements java.util.Iterator<Examples> {
        private final Dataset dataset;
        private final int[] indices;
        private final List<FittedTransform> transforms;
        private int next;

        TrainingBatches(Dataset dataset, int[] indices, List<FittedTransform> transforms) {
            this.dataset = dataset;
            this.indices = indices;
            this.transforms = transforms;
        }

        @Override
        public boolean hasNext() {
            return next < indices.length;
        }

        @Override
        public Examples next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            int[] batch = java.util.Arrays.copyOfRange(indices, next, Math.min(indices.length, next + FIT_BATCH));
            next += batch.length;
            try {
                return apply(transforms, dataset.read(batch));
            } catch (DatasetException e) {
                throw new java.io.UncheckedIOException(new java.io.IOException(e.getMessage(), e));
            }
        }
    }

    static DataSchema schema(DataSchema input, List<FittedTransform> transforms) {
        DataSchema s = input;
        for (FittedTransform t : transforms) {
            s = t.outputSchema(s);
        }
        return s;
    }

    public static Examples apply(List<FittedTransform> transforms, Examples examples) {
        Examples e = examples;
        for (FittedTransform t : transforms) {
            e = t.apply(e);
        }
        return e;
    }
}
