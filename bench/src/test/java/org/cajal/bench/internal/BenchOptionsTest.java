package org.cajal.bench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void defaultsAreBothCasesThreeEpochsAllDataOneRepeatThreeSides() {
        BenchOptions o = BenchOptions.parse(List.of(), 7);
        assertEquals(List.of(BenchCase.MLP, BenchCase.CNN), o.cases());
        assertEquals(3, o.epochs());
        assertEquals(0, o.limit());
        assertEquals(1, o.repeats());
        assertEquals(BenchOptions.DEFAULT_FOLDER, o.folder());
        assertFalse(o.diagnose());
        assertFalse(o.loop());
        assertEquals(List.of("cajal", "dl4j", "pytorch"), o.sides());
        assertEquals("/usr/bin/python3", o.python());
        assertEquals(7, o.threads());
    }

    @Test
    void theLoopHasItsOwnDefaultsUnlessEpochsOrLimitAreGiven() {
        BenchOptions loop = BenchOptions.parse(List.of("--case", "loop"), 2);
        assertTrue(loop.loop());
        assertEquals(List.of(BenchCase.MLP), loop.cases());
        assertEquals(1, loop.epochs());
        assertEquals(2000, loop.limit());
        assertEquals(50, loop.runs());
        BenchOptions given = BenchOptions.parse(List.of("--limit", "500", "--case", "loop", "--epochs", "2",
                "--runs", "5"), 2);
        assertEquals(2, given.epochs());
        assertEquals(500, given.limit());
        assertEquals(5, given.runs());
    }

    @Test
    void theSidesRotateFromRepeatToRepeat() {
        BenchOptions o = BenchOptions.parse(List.of(), 2);
        assertEquals(List.of("cajal", "dl4j", "pytorch"), o.order(1));
        assertEquals(List.of("dl4j", "pytorch", "cajal"), o.order(2));
        assertEquals(List.of("pytorch", "cajal", "dl4j"), o.order(3));
        assertEquals(List.of("cajal", "dl4j", "pytorch"), o.order(4));
        BenchOptions two = BenchOptions.parse(List.of("--sides", "pytorch,cajal"), 2);
        assertEquals(List.of("pytorch", "cajal"), two.order(1));
        assertEquals(List.of("cajal", "pytorch"), two.order(2));
        assertFalse(two.runs("dl4j"));
    }

    @Test
    void pytorchThreadsDefaultToOmpNumThreadsElseTheCores() {
        assertEquals(3, BenchOptions.defaultThreads("3", 16));
        assertEquals(16, BenchOptions.defaultThreads(null, 16));
        assertEquals(16, BenchOptions.defaultThreads("4,2", 16));
        assertEquals(16, BenchOptions.defaultThreads("0", 16));
        assertEquals(1, BenchOptions.defaultThreads(null, 0));
    }

    @Test
    void readsEveryOption() {
        BenchOptions o = BenchOptions.parse(List.of("--case", "cnn", "--epochs", "5", "--limit", "5000",
                "--repeats", "2", "--folder", "/data/fm", "--diagnose", "--sides", "dl4j,cajal", "--python",
                "/opt/py/bin/python", "--threads", "4"), 2);
        assertEquals(List.of(BenchCase.CNN), o.cases());
        assertEquals(5, o.epochs());
        assertEquals(List.of("dl4j", "cajal"), o.sides());
        assertEquals("/opt/py/bin/python", o.python());
        assertEquals(4, o.threads());
        assertEquals(5000, o.limit());
        assertEquals(2, o.repeats());
        assertEquals("/data/fm", o.folder().toString());
        assertTrue(o.diagnose());
    }

    @Test
    void badValuesSayWhatIsWrong() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BenchOptions.parse(List.of("--case", "rnn")));
        assertTrue(e.getMessage().contains("mlp, cnn, all, loop or small"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(List.of("--sides", "cajal,tf")));
        assertTrue(e.getMessage().contains("not 'tf'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(List.of("--sides", "dl4j,dl4j")));
        assertTrue(e.getMessage().contains("dl4j twice"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> BenchOptions.parse(List.of("--case", "loop", "--diagnose")));
        assertTrue(e.getMessage().contains("--diagnose does not go with --case loop"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(List.of("--epochs", "0")));
        assertTrue(e.getMessage().contains("--epochs must be between 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(List.of("--limit")));
        assertTrue(e.getMessage().contains("--limit needs a value"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(List.of("--fast")));
        assertTrue(e.getMessage().contains("unknown option --fast"), e.getMessage());
    }

    @Test
    void theSmallCaseHasItsOwnOptionsAndOneThreadByDefault() {
        BenchOptions o = BenchOptions.parse(List.of("--case", "small"), 8);
        assertTrue(o.small());
        assertEquals(List.of(), o.cases());
        assertEquals(1, o.threads());
        assertEquals(List.of(SmallWorkload.values()), o.smallOptions().workloads());
        assertTrue(o.smallOptions().experiments());
        assertEquals(5, o.smallOptions().times());
        assertEquals(0, o.smallOptions().trials());
        assertTrue(o.engine().isEmpty());
        BenchOptions given = BenchOptions.parse(List.of("--case", "small", "--workloads", "survey,xor",
                "--no-experiments", "--times", "3", "--trials", "4", "--keep", "--engine", "fused", "--threads", "2"),
                8);
        assertEquals(List.of(SmallWorkload.SURVEY, SmallWorkload.XOR), given.smallOptions().workloads());
        assertFalse(given.smallOptions().experiments());
        assertEquals(3, given.smallOptions().times());
        assertEquals(4, given.smallOptions().trials());
        assertTrue(given.smallOptions().keep());
        assertEquals("fused", given.engine().orElseThrow());
        assertEquals(2, given.threads());
    }

    @Test
    void smallOptionsOutsideTheSmallCaseAndBadEnginesAreRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(List.of("--case", "mlp",
                "--trials", "3"), 2)).getMessage().contains("--case small"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(List.of("--engine",
                "fast"), 2)).getMessage().contains("auto, dl4j, fused"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(List.of("--case", "small",
                "--epochs", "3"), 2)).getMessage().contains("--epochs"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(List.of("--case", "small",
                "--workloads", "iris"), 2)).getMessage().contains("iris"));
        assertEquals("dl4j", BenchOptions.parse(List.of("--case", "mlp", "--engine", "dl4j"), 2).engine()
                .orElseThrow());
    }
}
