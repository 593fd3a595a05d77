package org.cajal.runtime.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;

import org.cajal.api.data.DataSchema;
import org.cajal.api.data.Dataset;
import org.cajal.api.data.Examples;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Label noise touches exactly the asked share of the training rows, always with a wrong class, and nothing else. */
class NoisyLabelsTest {

    /** 200 rows of 4 classes (row i has class i mod 4). */
    private static final Dataset CLASSES = new Dataset() {
        @Override
        public DataSchema schema() {
            return DataSchema.classification(List.of("x"), "class", List.of("a", "b", "c", "d"));
        }

        @Override
        public int size() {
            return 200;
        }

        @Override
        public Examples read(int[] indices) {
            INDArray x = Nd4j.create(indices.length, 1);
            INDArray y = Nd4j.create(indices.length, 1);
            for (int i = 0; i < indices.length; i++) {
                x.putScalar(i, 0, indices[i]);
                y.putScalar(i, 0, indices[i] % 4);
            }
            return new Examples(x, y);
        }

        @Override
        public String identity() {
            return "classes";
        }
    };

    private static final int[] TRAIN = IntStream.range(40, 160).toArray();
    private static final int[] ALL = IntStream.range(0, 200).toArray();

    @Test
    void relabelsExactlyTheShareOfTrainingRowsWithWrongClasses() throws Exception {
        NoisyLabels noisy = NoisyLabels.of(CLASSES, TRAIN, 0.25, 7);
        assertEquals(30, noisy.changedRows());
        INDArray y = noisy.read(ALL).targets();
        int changed = 0;
        for (int row = 0; row < 200; row++) {
            int label = (int) y.getDouble(row, 0);
            assertTrue(label >= 0 && label < 4, "a class of the dataset");
            if (label != row % 4) {
                changed++;
                assertTrue(row >= 40 && row < 160, "row " + row + " is not a training row but was relabelled");
            }
        }
        assertEquals(30, changed, "every picked row gets another class than its own");
        assertTrue(noisy.identity().contains("label noise 0.25 on 30 training rows"), noisy.identity());
    }

    @Test
    void theSameSeedPicksTheSameRowsAndLabelsWhateverTheReadOrder() throws Exception {
        INDArray first = NoisyLabels.of(CLASSES, TRAIN, 0.3, 11).read(ALL).targets();
        int[] reversed = IntStream.range(0, 200).map(i -> 199 - i).toArray();
        INDArray again = NoisyLabels.of(CLASSES, TRAIN, 0.3, 11).read(reversed).targets();
        for (int i = 0; i < 200; i++) {
            assertEquals(first.getDouble(i, 0), again.getDouble(199 - i, 0), "row " + i);
        }
        INDArray other = NoisyLabels.of(CLASSES, TRAIN, 0.3, 12).read(ALL).targets();
        assertNotEquals(first, other, "another seed, other rows");
    }

    @Test
    void doesNotChangeTheDatasetItReads() throws Exception {
        NoisyLabels.of(CLASSES, TRAIN, 1.0, 3).read(ALL);
        INDArray y = CLASSES.read(ALL).targets();
        for (int row = 0; row < 200; row++) {
            assertEquals(row % 4, (int) y.getDouble(row, 0));
        }
        assertEquals(120, NoisyLabels.of(CLASSES, TRAIN, 1.0, 3).changedRows());
        assertEquals(0, NoisyLabels.of(CLASSES, TRAIN, 0.0, 3).changedRows());
    }
}
