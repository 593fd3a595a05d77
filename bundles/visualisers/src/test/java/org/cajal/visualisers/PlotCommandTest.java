package org.cajal.visualisers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.cajal.api.visual.Drawing;
import org.cajal.api.visual.RunRecord;
import org.cajal.api.visual.Visualiser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cajal plot} over a run record, with visualisers that draw, fail or have nothing to show. */
class PlotCommandTest {

    @Test
    void plotWritesEveryAcceptingVisualiserAndReportsFailures(@TempDir Path dir) throws Exception {
        FakeRunData data = FakeRunData.xor(2);
        RunRecord record = new RunRecord("r1", dir, List.of("epoch"), List.of(), Map.of(), data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = PlotCommand.plot(record, List.of(new Fake("box", true, false), new Fake("broken", true, true),
                new Fake("never", false, false)), PlotCommand.Arguments.parse(List.of(dir.toString(),
                "--width", "200", "--height", "100")), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, status);
        Path plots = dir.resolve("plots");
        assertTrue(Files.size(plots.resolve("box.png")) > 0);
        assertTrue(Files.readString(plots.resolve("box.svg")).contains("<svg"));
        assertTrue(Files.notExists(plots.resolve("never.png")));
        assertEquals(2, out.toString(StandardCharsets.UTF_8).lines().count(), out.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("'broken' failed: no luck"),
                err.toString(StandardCharsets.UTF_8));
        assertThrows(IllegalArgumentException.class, () -> PlotCommand.Arguments.parse(List.of("a", "--width", "0")));
    }

    @Test
    void argumentsHaveDefaultsAndNameWhatIsWrong() {
        PlotCommand.Arguments a = PlotCommand.Arguments.parse(List.of("run"));
        assertEquals(Path.of("run"), a.run());
        assertEquals(PlotCommand.Arguments.WIDTH, a.width());
        assertEquals(PlotCommand.Arguments.HEIGHT, a.height());
        assertEquals("unknown option --x", assertThrows(IllegalArgumentException.class,
                () -> PlotCommand.Arguments.parse(List.of("run", "--x"))).getMessage());
        assertEquals("no run folder given", assertThrows(IllegalArgumentException.class,
                () -> PlotCommand.Arguments.parse(List.of())).getMessage());
    }

    @Test
    void noVisualiserIsAnError(@TempDir Path dir) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = PlotCommand.plot(new RunRecord("r1", dir, List.of(), List.of(), Map.of()), List.of(),
                PlotCommand.Arguments.parse(List.of(dir.toString())), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no visualiser is installed"));
    }

    /** A visualiser that draws a rectangle, or fails. */
    private record Fake(String name, boolean accepting, boolean failing) implements Visualiser {
        @Override
        public ComponentDescriptor descriptor() {
            return new ComponentDescriptor(name, name, "Test", "", List.of(ParameterSpec.integer("bins", 10)));
        }

        @Override
        public boolean accepts(RunRecord run) {
            return accepting;
        }

        @Override
        public Drawing render(RunRecord run, Parameters parameters) {
            if (failing) {
                throw new IllegalStateException("no luck");
            }
            assertEquals(10, parameters.getInt("bins"));
            assertNotNull(run.data());
            return (g, area) -> g.draw(area.getBounds2D());
        }
    }
}
