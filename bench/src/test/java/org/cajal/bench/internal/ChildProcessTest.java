package org.cajal.bench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ChildProcessTest {

    @Test
    void childrenGetTheUsersCajalOptsWithoutTheBenchsPluginFolder() {
        assertEquals("-Xmx2g -Dcajal.command.wait=30", ChildProcess.childCajalOpts(
                "-Dfelix.fileinstall.dir=/tmp/cajal-bench-plugins.x  -Xmx2g -Dcajal.command.wait=30"));
        assertEquals("", ChildProcess.childCajalOpts("-Dfelix.fileinstall.dir=/tmp/p "));
        assertEquals("", ChildProcess.childCajalOpts(null));
    }

    @Test
    void runsACommandWithTheGivenEnvironmentAndKeepsItsLines() throws Exception {
        ChildProcess p = ChildProcess.run(List.of("sh", "-c", "echo $BENCH_TEST_VALUE; echo oops >&2; exit 3"),
                Path.of("."), Map.of("BENCH_TEST_VALUE", "42"), List.of(), null);
        assertEquals(3, p.status());
        assertEquals(List.of("42", "oops"), p.lines());
        assertTrue(p.seconds() >= 0);
        assertEquals("42\n    oops", p.tail(5));
    }
}
