package org.cajal.bench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void defaultsAreBothCasesFourEpochsAllDataOneRepeat() {
        BenchOptions o = BenchOptions.parse(List.of());
        assertEquals(List.of(BenchCase.MLP, BenchCase.CNN), o.cases());
        assertEquals(4, o.epochs());
        assertEquals(0, o.limit());
        assertEquals(1, o.repeats());
        assertEquals(BenchOptions.DEFAULT_FOLDER, o.folder());
        assertFalse(o.diagnose());
    }

    @Test
    void readsEveryOption() {
        BenchOptions o = BenchOptions.parse(List.of("--case", "cnn", "--epochs", "3", "--limit", "5000",
                "--repeats", "2", "--folder", "/data/fm", "--diagnose"));
        assertEquals(List.of(BenchCase.CNN), o.cases());
        assertEquals(3, o.epochs());
        assertEquals(5000, o.limit());
        assertEquals(2, o.repeats());
        assertEquals("/data/fm", o.folder().toString());
        assertTrue(o.diagnose());
    }

    @Test
    void badValuesSayWhatIsWrong() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BenchOptions.parse(List.of("--case", "rnn")));
        assertTrue(e.getMessage().contains("mlp, cnn or all"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(List.of("--epochs", "0")));
        assertTrue(e.getMessage().contains("--epochs must be between 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(List.of("--limit")));
        assertTrue(e.getMessage().contains("--limit needs a value"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(List.of("--fast")));
        assertTrue(e.getMessage().contains("unknown argument --fast"), e.getMessage());
    }
}
