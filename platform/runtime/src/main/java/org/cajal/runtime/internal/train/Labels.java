package org.cajal.runtime.internal.train;

import org.cajal.api.data.DataSchema;
import org.cajal.api.data.Examples;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns a dataset's targets into what the network's output is trained against: one-hot rows for a softmax over
 * all classes, a 0/1 column for a single sigmoid unit, the values themselves for regression.
 */
final class Labels {

    private final DataSchema schema;
    private final long outputWidth;

    Labels(DataSchema schema, long outputWidth) {
        this.schema = schema;
        this.outputWidth = outputWidth;
    }

    /** The examples as a DataSet; without labels when the schema has no target (a generative model's data). */
    DataSet dataSet(Examples examples) {
        INDArray features = examples.features().castTo(DataType.FLOAT);
        if (schema.targetKind() == org.cajal.api.data.TargetKind.NONE) {
            return new DataSet(features, null);
        }
        return new DataSet(features, encode(examples.targets()));
    }

    INDArray encode(INDArray targets) {
        INDArray t = targets.castTo(DataType.FLOAT);
        if (!schema.targetKind().isClassification() || outputWidth == 1) {
            return t;
        }
        float[] classes = t.toFloatVector();
        int width = (int) outputWidth;
        float[] oneHot = new float[classes.length * width];
        for (int i = 0; i < classes.length; i++) {
            oneHot[i * width + (int) classes[i]] = 1f;
        }
        return Nd4j.create(oneHot, new long[] {classes.length, width}, DataType.FLOAT);
    }
}
