package org.cajal.datasets.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.cajal.api.Parameters;
import org.cajal.api.data.Dataset;
import org.cajal.api.data.DatasetException;
import org.cajal.api.data.Examples;
import org.cajal.api.data.TargetKind;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class XorDatasetProviderTest {

    private final XorDatasetProvider xor = new XorDatasetProvider();

    @Test
    void fourSamplesWithoutNoiseAreTheTruthTable() throws Exception {
        Dataset data = open(4, 0.0, 1L);
        Examples all = data.read(new int[] {0, 1, 2, 3});
        assertEquals(DataType.FLOAT, all.features().dataType());
        assertEquals(DataType.FLOAT, all.targets().dataType());
        assertArrayEquals(new long[] {4, 2}, all.features().shape());
        assertArrayEquals(new long[] {4, 1}, all.targets().shape());
        assertArrayEquals(new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}, all.features().toFloatMatrix());
        assertArrayEquals(new float[] {0, 1, 1, 0}, all.targets().toFloatVector());
    }

    @Test
    void schemaIsBinaryClassificationOfTwoFeatures() throws Exception {
        Dataset data = open(200, 0.1, 1L);
        assertEquals(200, data.size());
        assertEquals(TargetKind.BINARY, data.schema().targetKind());
        assertEquals(List.of("x1", "x2"), data.schema().featureNames());
        assertEquals(List.of("xor"), data.schema().targetNames());
        assertEquals(List.of("0", "1"), data.schema().classLabels());
        assertEquals(xor.descriptor().parameter("samples").orElseThrow().defaultValue(), 200);
    }

    @Test
    void sameSeedGivesSameDataAndOtherSeedOtherData() throws Exception {
        float[][] first = all(open(40, 0.2, 7L)).features().toFloatMatrix();
        float[][] again = all(open(40, 0.2, 7L)).features().toFloatMatrix();
        float[][] other = all(open(40, 0.2, 8L)).features().toFloatMatrix();
        assertArrayEquals(first, again);
        assertNotEquals(first[0][0], other[0][0]);
        assertTrue(open(40, 0.2, 7L).identity().contains("seed=7"));
    }

    @Test
    void noiseHasTheRequestedSpreadAndLabelsFollowTheCorners() throws Exception {
        Examples examples = all(open(4000, 0.2, 3L));
        float[][] x = examples.features().toFloatMatrix();
        float[] y = examples.targets().toFloatVector();
        double sumSquares = 0;
        for (int i = 0; i < x.length; i++) {
            float cornerX = (i % 4) / 2;
            float cornerY = (i % 4) % 2;
            sumSquares += Math.pow(x[i][0] - cornerX, 2) + Math.pow(x[i][1] - cornerY, 2);
            assertEquals(cornerX != cornerY ? 1f : 0f, y[i]);
        }
        double std = Math.sqrt(sumSquares / (2.0 * x.length));
        assertEquals(0.2, std, 0.01);
    }

    @Test
    void readReturnsRowsInTheRequestedOrder() throws Exception {
        Examples picked = open(4, 0.0, 1L).read(new int[] {3, 0, 3});
        assertArrayEquals(new float[][] {{1, 1}, {0, 0}, {1, 1}}, picked.features().toFloatMatrix());
        assertArrayEquals(new float[] {0, 0, 0}, picked.targets().toFloatVector());
    }

    private Dataset open(int samples, double noise, long seed) throws DatasetException {
        Parameters parameters = Parameters.resolve(xor.descriptor(), Map.of("samples", samples, "noise", noise),
                Path.of("."));
        return xor.open(parameters, seed);
    }

    private static Examples all(Dataset data) throws DatasetException {
        return data.read(IntStream.range(0, data.size()).toArray());
    }
}
