package org.cajal.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.cajal.launcher.CommandLine.Command;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    private static CommandLine parse(String... args) {
        return CommandLine.parse(List.of(args));
    }

    @Test
    void runKeepsTheFileAndItsOptionsInOrder() {
        CommandLine line = parse("run", "pipelines/xor.json", "--out", "runs", "--seed", "7");
        assertEquals(Command.RUN, line.command());
        assertEquals(List.of("pipelines/xor.json", "--out", "runs", "--seed", "7"), line.arguments());
        assertFalse(line.verbose());
        assertNull(line.error());
    }

    @Test
    void verboseIsTheLaunchersBeforeAndAfterTheCommandName() {
        assertTrue(parse("-v", "run", "x.json").verbose());
        CommandLine after = parse("run", "x.json", "--verbose");
        assertTrue(after.verbose());
        assertEquals(List.of("x.json"), after.arguments());
    }

    @Test
    void everythingAfterDoubleDashGoesToTheCommand() {
        CommandLine line = parse("run", "--", "-v", "x.json");
        assertFalse(line.verbose());
        assertEquals(List.of("-v", "x.json"), line.arguments());
    }

    @Test
    void noArgumentsMeansTheWorkbench() {
        assertEquals(Command.WORKBENCH, parse().command());
        assertEquals(Command.WORKBENCH, parse("-v").command());
        assertEquals("workbench", parse().name());
    }

    @Test
    void helpAndVersion() {
        assertEquals(Command.HELP, parse("--help").command());
        assertEquals(Command.HELP, parse("-h").command());
        assertEquals(Command.HELP, parse("help").command());
        assertNull(parse("--help").error());
        assertEquals(Command.VERSION, parse("--version").command());
        assertEquals(Command.SHELL, parse("shell").command());
    }

    @Test
    void usageErrorsNameWhatIsWrong() {
        assertEquals("unknown option --frobnicate", parse("--frobnicate", "run", "x.json").error());
        assertEquals("unknown command 'Train'", parse("Train", "x.json").error());
        assertEquals(Command.BUNDLE, parse("docs", "out").command());
        assertEquals("docs", parse("docs", "out").name());
        assertEquals(List.of("out"), parse("docs", "out").arguments());
        assertEquals("run needs a pipeline FILE", parse("run").error());
        assertEquals("run needs a pipeline FILE", parse("run", "-v").error());
        assertTrue(parse("shell", "extra").error().contains("[extra]"));
        assertEquals(Command.HELP, parse("Train").command());
    }

    @Test
    void aMistypedCommandSuggestsTheNearestName() {
        List<String> names = List.of("docs", "run", "shell", "train");
        assertEquals(" (did you mean 'train'?)", CommandLine.didYouMean("trian", names));
        assertEquals(" (did you mean 'run'?)", CommandLine.didYouMean("rnu", names));
        assertEquals("", CommandLine.didYouMean("xyzzy", names));
    }
}
