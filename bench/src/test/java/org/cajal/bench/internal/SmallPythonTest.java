package org.cajal.bench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

class SmallPythonTest {

    @Test
    void readsTheScriptsJsonLinesByKind() throws Exception {
        SmallPython.Parsed p = SmallPython.parse(List.of(
                "PYSMALL {\"kind\": \"config\", \"torch\": \"1.13.1\", \"threads\": 1, \"import_seconds\": 1.5}",
                "/usr/lib/python3/dist-packages/torch/__init__.py: UserWarning: something",
                "PYSMALL {\"kind\": \"run\", \"label\": \"xor\", \"seed\": 42, \"parameters\": 42, \"steps\": 480,"
                        + " \"train_seconds\": 0.25, \"validation_loss\": null, \"test_metric\": \"accuracy\","
                        + " \"test_value\": 0.975}",
                "PYSMALL {\"kind\": \"done\", \"runs\": 1, \"seconds\": 2.5}"));
        assertEquals("1.13.1", p.config().path("torch").asText());
        assertEquals(1, p.runs().size());
        assertEquals(2.5, p.done().path("seconds").asDouble());
        assertEquals(List.of("/usr/lib/python3/dist-packages/torch/__init__.py: UserWarning: something"), p.other());
        assertNull(p.missing());
        SmallRun r = SmallPython.measurement(p.runs().get(0), "xor", 1, 3.0);
        assertEquals(480, r.steps());
        assertEquals(1920, r.stepsPerSecond(), 1e-9);
        assertEquals(0.975, r.testValue());
        assertEquals(3.0, r.processSeconds());
        assertTrue(Double.isNaN(SmallPython.number(p.runs().get(0), "validation_loss")), "null is not a number");
    }

    @Test
    void errorsAndAMissingModuleAreKeptAndABrokenLineIsAnError() throws Exception {
        SmallPython.Parsed p = SmallPython.parse(List.of("PYSMALL {\"kind\": \"error\", \"message\": \"no rows\"}",
                "PYSMALL {\"kind\": \"missing\", \"module\": \"torch\"}"));
        assertEquals(List.of("no rows"), p.errors());
        assertEquals("torch", p.missing());
        IOException e = assertThrows(IOException.class, () -> SmallPython.parse(List.of("PYSMALL {\"kind\": ")));
        assertTrue(e.getMessage().contains("PYSMALL {\"kind\": "), e.getMessage());
        assertThrows(IOException.class, () -> SmallPython.parse(List.of("PYSMALL [1, 2]")));
    }
}
