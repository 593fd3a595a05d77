package org.cajal.bench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class SmallTableTest {

    private static SmallRun run(String side, double train, double process) {
        return new SmallRun("xor", side, 1, 42, 42, 480, train, process, "accuracy", 1.0);
    }

    @Test
    void ratiosAreMediansOfTimesCajalOverTheOther() {
        List<SmallRun> runs = List.of(run("cajal", 4, 6), run("cajal", 2, 8), run("cajal", 3, 7),
                run("dl4j", 1.5, Double.NaN), run("pytorch", 0.5, 2));
        assertEquals(3, SmallTable.median(runs, "cajal", false));
        assertEquals(2, SmallTable.ratio(runs, "cajal", "dl4j", false));
        assertEquals(6, SmallTable.ratio(runs, "cajal", "pytorch", false));
        assertEquals(3.5, SmallTable.ratio(runs, "cajal", "pytorch", true));
        assertTrue(Double.isNaN(SmallTable.median(runs, "dl4j", true)), "dl4j has no process of its own");
    }

    @Test
    void experimentsCompareWallTimePerTrialAndCountTrialsPerMinute() {
        List<SmallTable.Experiment> e = List.of(
                new SmallTable.Experiment("search", "survey", "cajal", 8, 1, 48, Double.NaN, "accuracy", List.of(0.7)),
                new SmallTable.Experiment("search", "survey", "dl4j", 8, 1, 16, 15, "accuracy", List.of(0.7)),
                new SmallTable.Experiment("search", "survey", "pytorch", 4, 1, 4, 2, "accuracy",
                        List.of(0.6, Double.NaN, 0.8)));
        assertEquals(10, e.get(0).trialsPerMinute());
        assertEquals(0.7, e.get(2).meanTest(), 1e-12, "the mean of the trials with a value");
        assertEquals(6, SmallTable.wallRatio(e, "cajal", "pytorch"));
        assertEquals(3, SmallTable.wallRatio(e, "cajal", "dl4j"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SmallTable.printExperiments(e, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("search: trials per minute: cajal 10.0, dl4j 30.0, pytorch 60.0; wall-time ratio"
                + " cajal/pytorch = 6.00, cajal/dl4j = 3.00"), text);
    }

    @Test
    void overlappingTrialsAreCountedFromTheirStartAndEndTimes() {
        java.time.Instant t = java.time.Instant.parse("2026-12-07T10:00:00Z");
        assertEquals(1, SmallCajal.maxOverlap(List.of(new java.time.Instant[] {t, t.plusSeconds(2)},
                new java.time.Instant[] {t.plusSeconds(2), t.plusSeconds(4)})), "one after the other");
        assertEquals(2, SmallCajal.maxOverlap(List.of(new java.time.Instant[] {t, t.plusSeconds(3)},
                new java.time.Instant[] {t.plusSeconds(1), t.plusSeconds(4)},
                new java.time.Instant[] {t.plusSeconds(3), t.plusSeconds(5)})));
    }
}
