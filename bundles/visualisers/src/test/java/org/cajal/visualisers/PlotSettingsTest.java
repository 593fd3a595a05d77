package org.cajal.visualisers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

/** {@code cajal plot --set VISUALISER.PARAM=VALUE}: parsed, checked against the parameter specs, and used. */
class PlotSettingsTest {

    private final Box box = new Box("box", true);
    private final List<Visualiser> installed = List.of(box, new Box("other", false));

    private String problem(String... settings) {
        return assertThrows(IllegalArgumentException.class,
                () -> VisualiserSettings.parse(List.of(settings), installed)).getMessage();
    }

    @Test
    void settingsAreTypedByTheParameterAndTheLastOneWins() {
        PlotCommand.Arguments args = PlotCommand.Arguments.parse(List.of("run", "--set", "box.bins=3",
                "--set", "box.scale=0.5", "--set", "box.log=TRUE", "--set", "box.bins=4", "--set", "box.title=a=b"));
        VisualiserSettings s = VisualiserSettings.parse(args.set(), installed);
        assertEquals(Map.of("bins", 4, "scale", 0.5, "log", true, "title", "a=b"), s.of("box"));
        assertEquals(Map.of(), s.of("other"));
        assertEquals(List.of(), PlotCommand.Arguments.parse(List.of("run")).set());
    }

    @Test
    void aBadSettingNamesTheVisualiserAndTheParameter() {
        assertEquals("--set needs VISUALISER.PARAM=VALUE, such as decision-boundary.resolution=200; got 'bins=3'",
                problem("bins=3"));
        assertTrue(problem("box.bins").contains("got 'box.bins'"));
        assertEquals("--set boxes.bins=3: no visualiser 'boxes' is installed (installed: box, other)",
                problem("boxes.bins=3"));
        assertEquals("--set box.size=3: visualiser 'box' has no parameter 'size' (its parameters: bins, scale, log, "
                + "title)", problem("box.size=3"));
        assertEquals("--set box.bins=many: visualiser 'box', parameter 'bins': expected a whole number but got "
                + "text \"many\"", problem("box.bins=many"));
        assertEquals("--set box.bins=0: visualiser 'box', parameter 'bins': value 0 is out of range; allowed: "
                + "1 .. 100", problem("box.bins=0"));
        assertTrue(problem("box.log=yes").contains("parameter 'log': expected true or false"), problem("box.log=yes"));
    }

    @Test
    void plotDrawsWithTheSettingsAndRefusesABadOneBeforeDrawing(@TempDir Path dir) {
        RunRecord record = new RunRecord("r1", dir, List.of("epoch"), List.of(), Map.of(), FakeRunData.xor(2));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = PlotCommand.plot(record, installed, PlotCommand.Arguments.parse(List.of(dir.toString(),
                "--set", "box.bins=7", "--set", "other.bins=2", "--width", "50", "--height", "50")),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertEquals(List.of(7), box.bins);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--set for 'other' is not used"));

        ByteArrayOutputStream bad = new ByteArrayOutputStream();
        Path elsewhere = dir.resolve("elsewhere");
        status = PlotCommand.plot(record, installed, PlotCommand.Arguments.parse(List.of(dir.toString(), "--out",
                elsewhere.toString(), "--set", "box.bins=700")), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(bad, true, StandardCharsets.UTF_8));
        assertEquals(2, status);
        assertTrue(bad.toString(StandardCharsets.UTF_8).contains("visualiser 'box', parameter 'bins'"));
        assertTrue(Files.notExists(elsewhere), "nothing is drawn");
    }

    /** A visualiser with one parameter of each kind that records the bins it was drawn with. */
    private static final class Box implements Visualiser {
        private final String id;
        private final boolean accepting;
        final List<Integer> bins = new ArrayList<>();

        Box(String id, boolean accepting) {
            this.id = id;
            this.accepting = accepting;
        }

        @Override
        public ComponentDescriptor descriptor() {
            return new ComponentDescriptor(id, id, "Test", "", List.of(ParameterSpec.integer("bins", 10).range(1, 100),
                    ParameterSpec.number("scale", 1.0), ParameterSpec.bool("log", false),
                    ParameterSpec.string("title", "")));
        }

        @Override
        public boolean accepts(RunRecord run) {
            return accepting;
        }

        @Override
        public Drawing render(RunRecord run, Parameters parameters) {
            bins.add(parameters.getInt("bins"));
            return (g, area) -> g.draw(area.getBounds2D());
        }
    }
}
