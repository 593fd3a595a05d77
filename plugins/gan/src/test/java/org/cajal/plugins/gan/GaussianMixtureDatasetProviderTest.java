package org.cajal.plugins.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.cajal.api.Parameters;
import org.cajal.api.data.Dataset;
import org.cajal.api.data.DatasetException;
import org.cajal.api.data.Examples;
import org.cajal.api.data.TargetKind;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class GaussianMixtureDatasetProviderTest {

    final GaussianMixtureDatasetProvider provider = new GaussianMixtureDatasetProvider();

    Dataset open(Map<String, ?> raw, long seed) throws DatasetException {
        return provider.open(Parameters.resolve(provider.descriptor(), raw, Path.of("").toAbsolutePath()), seed);
    }

    static int[] all(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    @Test
    void ringHasTheRequestedSizeNoTargetAndPointsNearTheCircle() throws Exception {
        try (Dataset data = open(Map.of(), 7)) {
            assertEquals(2000, data.size());
            assertEquals(TargetKind.NONE, data.schema().targetKind());
            assertEquals(List.of("x", "y"), data.schema().featureNames());
            assertEquals(List.of(2L), data.schema().featureShape());
            Examples e = data.read(all(2000));
            assertNull(e.targets());
            int[] perMode = new int[8];
            for (int i = 0; i < 2000; i++) {
                double x = e.features().getDouble(i, 0);
                double y = e.features().getDouble(i, 1);
                assertEquals(2.0, Math.hypot(x, y), 0.35, "point " + i);
                int mode = (int) Math.floorMod(Math.round(Math.atan2(y, x) / (2 * Math.PI / 8)), 8);
                perMode[mode]++;
            }
            for (int count : perMode) {
                assertTrue(count > 180 && count < 320, "points per mode " + java.util.Arrays.toString(perMode));
            }
        }
    }

    @Test
    void sameSeedSameDataOtherSeedOtherData() throws Exception {
        try (Dataset a = open(Map.of("examples", 100), 3); Dataset b = open(Map.of("examples", 100), 3);
             Dataset c = open(Map.of("examples", 100), 4)) {
            INDArray fa = a.read(all(100)).features();
            assertEquals(fa, b.read(all(100)).features());
            assertNotEquals(fa, c.read(all(100)).features());
            assertEquals(fa.getRow(42), a.read(new int[] {42}).features().getRow(0));
            assertTrue(a.identity().contains("seed 3"));
        }
    }

    @Test
    void gridPutsPointsOnASquareGridAndRejectsNonSquareCounts() throws Exception {
        try (Dataset data = open(Map.of("layout", "grid", "components", 9, "radius", 1.0, "std", 0.01,
                "examples", 500), 1)) {
            INDArray f = data.read(all(500)).features();
            java.util.Set<String> cells = new java.util.HashSet<>();
            for (int i = 0; i < 500; i++) {
                double x = f.getDouble(i, 0);
                double y = f.getDouble(i, 1);
                assertEquals(Math.round(x), x, 0.06);
                assertEquals(Math.round(y), y, 0.06);
                cells.add(Math.round(x) + "," + Math.round(y));
            }
            assertEquals(9, cells.size());
        }
        DatasetException e = assertThrows(DatasetException.class, () -> open(Map.of("layout", "grid",
                "components", 8), 1));
        assertTrue(e.getMessage().contains("square number") && e.getMessage().contains("9"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> open(Map.of("std", 0.0), 1));
        assertThrows(DatasetException.class, () -> open(Map.of("examples", 10), 1).read(new int[] {10}));
    }
}
