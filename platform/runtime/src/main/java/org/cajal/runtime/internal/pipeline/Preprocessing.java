package org.cajal.runtime.internal.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cajal.api.Parameters;
import org.cajal.api.data.DataSchema;
import org.cajal.api.data.Dataset;
import org.cajal.api.data.DatasetException;
import org.cajal.api.data.Examples;
import org.cajal.api.data.FittedTransform;
import org.cajal.api.data.Preprocessor;

/**
 * Fits preprocessing on the training split only (no leakage) and applies the fitted chain to any split. For a
 * table of named columns the chain starts with {@link TrainingColumns}: the categories the training rows hold and
 * the fill values of missing cells, fitted on those rows; the pipeline's steps follow.
 */
public final class Preprocessing {

    private Preprocessing() {
    }

    static List<FittedTransform> fit(Dataset dataset, Split split, List<Preprocessor> steps,
                                     List<Parameters> parameters) throws DatasetException {
        DataSchema schema = dataset.schema();
        List<FittedTransform> fitted = new ArrayList<>();
        if (TrainingColumnsFit.applies(schema)) {
            TrainingColumns columns = TrainingColumnsFit.fit(dataset, split);
            schema = columns.outputSchema(schema);
            fitted.add(columns);
        }
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

    /**
     * What the run records in provenance.json about the fitted training columns, as top-level keys: {@code imputed}
     * (for each column with a missing cell, the cells filled per split: {@code {"x": {"train": 2, "validation": 0,
     * "test": 1}}}; empty when no cell was missing) and {@code dataPreparation} (the rows per split and, per filled
     * column, the fill value, its statistic, the number of training values it came from, the missing cells and the
     * cells holding a category the training rows lack, per split). Empty for data that is no table, or for
     * transforms read back from a model file.
     */
    public static Map<String, Object> provenance(List<FittedTransform> transforms) {
        return TrainingColumns.record(transforms).map(TrainingColumns::provenance).orElse(Map.of());
    }

    public static Examples apply(List<FittedTransform> transforms, Examples examples) {
        Examples e = examples;
        for (FittedTransform t : transforms) {
            e = t.apply(e);
        }
        return e;
    }
}
