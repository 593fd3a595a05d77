package org.cajal.bench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class PythonOutputTest {

    @Test
    void readsTheLinesOfACompleteRun() {
        PythonOutput out = PythonOutput.parse(List.of(
                "PYBENCH config torch=1.13.0a0 numpy=1.24.2 threads=2 interop_threads=2 mkldnn=1 onednn=v2.6.3"
                        + " blas=generic env.OPENBLAS_CORETYPE=(unset)",
                "/usr/lib/python3/dist-packages/torch/__init__.py:1: UserWarning: something",
                "PYBENCH data case=mlp train=60000 test=10000 parameters=235146 load_seconds=1.234",
                "PYBENCH epoch n=1 seconds=2.5000 loss=0.5",
                "PYBENCH epoch n=2 seconds=1.2500 loss=0.4",
                "PYBENCH epoch n=3 seconds=1.7500 loss=0.3",
                "PYBENCH result test_accuracy=0.8712 peak_rss_kib=512345"));
        assertEquals("1.13.0a0", out.config().get("torch"));
        assertEquals("(unset)", out.config().get("env.OPENBLAS_CORETYPE"));
        assertEquals(List.of(2.5, 1.25, 1.75), out.epochSeconds());
        assertEquals(60_000, out.trainExamples());
        assertEquals(235_146, out.parameters());
        assertEquals(0.8712, out.testAccuracy());
        assertEquals(512_345, out.peakRssKib());
        assertTrue(out.complete(3));
        assertFalse(out.complete(4));
        assertEquals(1, out.otherLines().size());
        assertTrue(out.missingModule().isEmpty());

        Measurement m = new Measurement(BenchCase.MLP, PythonSide.NAME, 1, out.epochSeconds(), out.trainExamples(),
                out.parameters(), out.testAccuracy(), out.peakRssKib());
        assertEquals(1.5, m.secondsPerEpoch());
        assertEquals(40_000.0, m.samplesPerSecond());
    }

    @Test
    void anErrorAMissingModuleOrACrashIsNotComplete() {
        PythonOutput error = PythonOutput.parse(List.of("PYBENCH error no t10k-images-idx3-ubyte.gz in /tmp/x"));
        assertEquals(List.of("no t10k-images-idx3-ubyte.gz in /tmp/x"), error.errors());
        assertFalse(error.complete(1));

        PythonOutput missing = PythonOutput.parse(List.of("PYBENCH missing module=torch"));
        assertEquals("torch", missing.missingModule().orElseThrow());

        PythonOutput crash = PythonOutput.parse(List.of("PYBENCH data case=cnn train=10 test=10 parameters=5",
                "PYBENCH epoch n=1 seconds=1.0", "Traceback (most recent call last):", "RuntimeError: out of memory"));
        assertFalse(crash.complete(1));
        assertEquals(Double.NaN, crash.testAccuracy());
        assertEquals(-1, crash.peakRssKib());
        assertEquals("RuntimeError: out of memory", crash.otherLines().get(1));
    }

    @Test
    void malformedLinesAreRefusedWithTheLineQuoted() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PythonOutput.parse(List.of("PYBENCH epoch n=2 seconds=1.0")));
        assertTrue(e.getMessage().contains("epoch 2 out of order (expected 1)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> PythonOutput.parse(List.of("PYBENCH epoch n=1 seconds=fast")));
        assertTrue(e.getMessage().contains("seconds=fast is not a number in: PYBENCH epoch"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> PythonOutput.parse(List.of("PYBENCH result test_accuracy=0.5")));
        assertTrue(e.getMessage().contains("no peak_rss_kib="), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> PythonOutput.parse(List.of("PYBENCH data case mlp")));
        assertTrue(e.getMessage().contains("'case' is not key=value"), e.getMessage());
    }
}
