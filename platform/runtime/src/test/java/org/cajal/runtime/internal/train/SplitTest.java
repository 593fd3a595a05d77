package org.cajal.runtime.internal.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.cajal.api.data.DataSchema;
import org.cajal.api.data.Dataset;
import org.cajal.api.data.Examples;
import org.cajal.api.pipeline.SplitSpec;
import org.cajal.runfolder.RunFolders;
import org.cajal.runtime.internal.pipeline.Split;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class SplitTest {

    /** 100 examples, 80 of class 0 and 20 of class 1. */
    private static final Dataset DATA = new Dataset() {
        @Override
        public DataSchema schema() {
            return DataSchema.classification(List.of("x"), "y", List.of("a", "b"));
        }

        @Override
        public int size() {
            return 100;
        }

        @Override
        public Examples read(int[] indices) {
            float[][] f = new float[indices.length][1];
            float[][] t = new float[indices.length][1];
            for (int i = 0; i < indices.length; i++) {
                f[i][0] = indices[i];
                t[i][0] = indices[i] < 80 ? 0 : 1;
            }
            return new Examples(Nd4j.create(f), Nd4j.create(t));
        }

        @Override
        public String identity() {
            return "test";
        }
    };

    @Test
    void holdOutIsStratifiedDisjointAndComplete() throws Exception {
        Split s = Split.of(DATA, new SplitSpec(0.2, 0.2, true), 1).get(0);
        assertEquals(60, s.train().length);
        assertEquals(20, s.validation().length);
        assertEquals(20, s.test().length);
        assertEquals(4, minority(s.test()), "20% of the 20 minority examples");
        assertEquals(4, minority(s.validation()));
        assertCovers(100, s.train(), s.validation(), s.test());
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() throws Exception {
        SplitSpec spec = new SplitSpec(0.2, 0.2, true);
        assertArrayEquals(Split.of(DATA, spec, 5).get(0).train(), Split.of(DATA, spec, 5).get(0).train());
        assertTrue(!Arrays.equals(Split.of(DATA, spec, 5).get(0).train(), Split.of(DATA, spec, 6).get(0).train()));
    }

    @Test
    void kFoldValidationFoldsPartitionTheNonTestData() throws Exception {
        List<Split> folds = Split.of(DATA, new SplitSpec(0, 0.1, true, 5), 3);
        assertEquals(5, folds.size());
        Set<Integer> seen = new HashSet<>();
        for (Split f : folds) {
            assertEquals(18, f.validation().length);
            assertEquals(72, f.train().length);
            assertEquals(10, f.test().length);
            int m = minority(f.validation());
            assertTrue(m == 3 || m == 4, "stratified: 18 minority examples over 5 folds, got " + m);
            assertCovers(100, f.train(), f.validation(), f.test());
            for (int i : f.validation()) {
                assertTrue(seen.add(i), "each example validates in exactly one fold");
            }
        }
        assertEquals(90, seen.size());
    }

    @Test
    void crossValidationSummaryHasMeanAndSampleSd() {
        var summary = CrossValidation.summarise(List.of(
                new java.util.LinkedHashMap<>(java.util.Map.of("accuracy", 0.8, "examples", 10L)),
                new java.util.LinkedHashMap<>(java.util.Map.of("accuracy", 0.9, "examples", 10L)),
                new java.util.LinkedHashMap<>(java.util.Map.of("accuracy", 1.0, "examples", 10L))));
        assertEquals(0.9, (Double) summary.get("accuracy"), 1e-12);
        assertEquals(0.1, (Double) ((java.util.Map<?, ?>) summary.get("sd")).get("accuracy"), 1e-12);
        assertEquals("k-fold", summary.get("split"));
    }

    @Test
    void meanMetricsCoverFoldsThatStoppedEarly() {
        EpochMetrics a = new EpochMetrics("mse");
        a.add(1, 1.0, 2.0, 3.0);
        a.add(2, 0.5, 1.0, 1.0);
        EpochMetrics b = new EpochMetrics("mse");
        b.add(1, 3.0, 4.0, 5.0);
        assertEquals("epoch,train_loss,validation_loss,validation_mse\n1,2.00000000,3.00000000,4.00000000\n"
                + "2,0.500000000,1.00000000,1.00000000\n", RunFolders.metricsText(EpochMetrics.mean(List.of(a, b)).table()));
    }

    private static int minority(int[] indices) {
        return (int) IntStream.of(indices).filter(i -> i >= 80).count();
    }

    private static void assertCovers(int n, int[]... parts) {
        int[] all = IntStream.concat(IntStream.concat(IntStream.of(parts[0]), IntStream.of(parts[1])),
                IntStream.of(parts[2])).sorted().toArray();
        assertArrayEquals(IntStream.range(0, n).toArray(), all);
    }
}
