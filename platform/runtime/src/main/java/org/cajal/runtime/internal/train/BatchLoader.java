package org.cajal.runtime.internal.train;

import java.util.List;

import org.cajal.api.data.Dataset;
import org.cajal.api.data.DatasetException;
import org.cajal.api.data.FittedTransform;
import org.cajal.runtime.internal.pipeline.Preprocessing;
import org.nd4j.linalg.dataset.DataSet;

/** Reads examples by index, applies the fitted preprocessing and encodes the labels: one ready mini-batch. */
record BatchLoader(Dataset dataset, List<FittedTransform> transforms, Labels labels) {

    DataSet load(int[] indices) throws DatasetException {
        return labels.dataSet(Preprocessing.apply(transforms, dataset.read(indices)));
    }
}
