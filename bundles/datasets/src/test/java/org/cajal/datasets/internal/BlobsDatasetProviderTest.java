package org.cajal.datasets.internal;

import static org.cajal.datasets.internal.GeneratedData.all;
import static org.cajal.datasets.internal.GeneratedData.open;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.cajal.api.data.Dataset;
import org.cajal.api.data.Examples;
import org.cajal.api.data.TargetKind;
import org.junit.jupiter.api.Test;

class BlobsDatasetProviderTest {

    private final BlobsDatasetProvider blobs = new BlobsDatasetProvider();

    @Test
    void schemaNamesFeaturesAndClasses() throws Exception {
        Dataset data = open(blobs, Map.of("classes", 4, "features", 5, "samples", 40), 1L);
        assertEquals(TargetKind.MULTICLASS, data.schema().targetKind());
        assertEquals(List.of("x1", "x2", "x3", "x4", "x5"), data.schema().featureNames());
        assertEquals(List.of("0", "1", "2", "3"), data.schema().classLabels());
        assertArrayEquals(new long[] {40, 5}, all(data).features().shape());
        assertEquals(TargetKind.BINARY, open(blobs, Map.of("classes", 2), 1L).schema().targetKind());
    }

    @Test
    void classesAreBalancedAndEachBlobSitsAtItsCentreWithTheGivenSpread() throws Exception {
        long seed = 5L;
        Examples data = all(open(blobs, Map.of("classes", 3, "features", 2, "samples", 3000, "spread", 0.5), seed));
        double[][] centres = BlobsDatasetProvider.centres(new Random(seed), 3, 2);
        float[][] x = data.features().toFloatMatrix();
        float[] y = data.targets().toFloatVector();
        int[] counts = new int[3];
        double[][] sums = new double[3][2];
        double[] squares = new double[3];
        for (int i = 0; i < x.length; i++) {
            int k = (int) y[i];
            counts[k]++;
            for (int j = 0; j < 2; j++) {
                sums[k][j] += x[i][j];
                squares[k] += Math.pow(x[i][j] - centres[k][j], 2);
            }
        }
        assertArrayEquals(new int[] {1000, 1000, 1000}, counts);
        for (int k = 0; k < 3; k++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(centres[k][j], sums[k][j] / counts[k], 0.05);
                assertTrue(Math.abs(centres[k][j]) <= BlobsDatasetProvider.BOX);
            }
            assertEquals(0.5, Math.sqrt(squares[k] / (2.0 * counts[k])), 0.02);
        }
    }
}
