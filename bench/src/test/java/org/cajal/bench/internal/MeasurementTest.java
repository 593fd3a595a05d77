package org.cajal.bench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class MeasurementTest {

    @Test
    void secondsPerEpochIsTheMedianOfEpochsTwoToN() {
        Measurement m = new Measurement(BenchCase.MLP, "dl4j", 1, List.of(9.0, 2.0, 4.0, 3.0), 60_000, 1, 0.9, -1);
        assertEquals(List.of(2.0, 4.0, 3.0), m.countedEpochs());
        assertEquals(3.0, m.secondsPerEpoch());
        assertEquals(20_000.0, m.samplesPerSecond());
    }

    @Test
    void withFewerThanThreeEpochsAllCount() {
        Measurement m = new Measurement(BenchCase.MLP, "dl4j", 1, List.of(5.0, 3.0), 100, 1, 0.9, -1);
        assertEquals(4.0, m.secondsPerEpoch());
    }

    @Test
    void pooledMedianTakesEveryCountedEpochOfOneSide() {
        List<Measurement> all = List.of(
                new Measurement(BenchCase.MLP, "cajal", 1, List.of(9.0, 2.0, 2.0), 100, 1, 0.9, -1),
                new Measurement(BenchCase.MLP, "dl4j", 1, List.of(9.0, 1.0, 1.0), 100, 1, 0.9, -1),
                new Measurement(BenchCase.MLP, "cajal", 2, List.of(9.0, 4.0, 4.0), 100, 1, 0.9, -1));
        assertEquals(3.0, ResultTable.pooledSecondsPerEpoch(all, "cajal"));
        assertEquals(1.0, ResultTable.pooledSecondsPerEpoch(all, "dl4j"));
    }

    @Test
    void ratiosAndTheAccuracyDifferenceComeFromPooledMediansAndMeans() {
        List<Measurement> all = List.of(
                new Measurement(BenchCase.MLP, "cajal", 1, List.of(9.0, 4.0, 4.0), 100, 1, 0.87, -1),
                new Measurement(BenchCase.MLP, "dl4j", 1, List.of(9.0, 5.0, 3.0), 100, 1, 0.86, -1),
                new Measurement(BenchCase.MLP, "pytorch", 1, List.of(3.0, 1.0, 2.0), 100, 1, 0.88, -1),
                new Measurement(BenchCase.MLP, "pytorch", 2, List.of(3.0, 2.0, 1.5), 100, 1, 0.86, -1));
        assertEquals(1.0, ResultTable.ratio(all, "cajal", "dl4j"), 1e-12);
        // pytorch's counted epochs 1.0 2.0 2.0 1.5: median 1.75
        assertEquals(4.0 / 1.75, ResultTable.ratio(all, "cajal", "pytorch"), 1e-12);
        assertEquals(0.87, ResultTable.meanAccuracy(all, "pytorch"), 1e-12);
        assertEquals(0.0, ResultTable.accuracyDifferencePoints(all, "cajal", "pytorch"), 1e-9);
        assertEquals(1.0, ResultTable.accuracyDifferencePoints(all, "cajal", "dl4j"), 1e-9);
        assertEquals("-", ResultTable.fmt(ResultTable.ratio(all, "cajal", "absent"), 3));
        assertEquals("+1.00", ResultTable.signed(1.0, 2));
        assertEquals("-0.35", ResultTable.signed(-0.35, 2));
    }
}
