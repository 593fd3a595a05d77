package org.cajal.runtime.internal.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** weights.json's nested lists: one level per dimension, a bias row vector as one list, any shape. */
class ModelFilesTest {

    @Test
    void arraysOfEveryShapeBecomeNestedListsInCOrder() {
        assertEquals(List.of(1.0, 2.0, 3.0), ModelFiles.nested(Nd4j.createFromArray(1.0, 2.0, 3.0)));
        assertEquals(List.of(1.0, 2.0), ModelFiles.nested(Nd4j.createFromArray(new double[][] {{1, 2}})));
        assertEquals(List.of(List.of(1.0), List.of(2.0)),
                ModelFiles.nested(Nd4j.createFromArray(new double[][] {{1}, {2}})));
        INDArray conv = Nd4j.arange(12).reshape(2, 1, 2, 3).castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE);
        assertEquals(List.of(List.of(List.of(List.of(0.0, 1.0, 2.0), List.of(3.0, 4.0, 5.0))),
                List.of(List.of(List.of(6.0, 7.0, 8.0), List.of(9.0, 10.0, 11.0)))), ModelFiles.nested(conv));
        // a view of one filter with a dimension of 1, as a convolution layer's parameter table holds them
        INDArray view = conv.get(org.nd4j.linalg.indexing.NDArrayIndex.point(1));
        assertEquals(List.of(List.of(List.of(6.0, 7.0, 8.0), List.of(9.0, 10.0, 11.0))), ModelFiles.nested(view));
        assertEquals(4.0, ModelFiles.nested(Nd4j.scalar(4.0)));
    }
}
