package org.cajal.launcher.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

class CommandArgumentsTest {

    /** What a command's options look like. */
    static final class Options {
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;
        @Option(names = "--out")
        Path out = Path.of("runs");
        @Option(names = "--seed")
        Long seed;
        @Option(names = "--rate")
        double rate = 0.5;
    }

    private static String message(String... args) {
        return assertThrows(IllegalArgumentException.class,
                () -> CommandArguments.parse(new Options(), List.of(args))).getMessage();
    }

    @Test
    void fillsTheOptions() {
        Options o = CommandArguments.parse(new Options(), List.of("a.json", "--seed", "-3", "--out", "x"));
        assertEquals(Path.of("a.json"), o.file);
        assertEquals(-3L, o.seed);
        assertEquals(Path.of("x"), o.out);
        assertEquals(0.5, CommandArguments.parse(new Options(), List.of("a.json")).rate);
    }

    @Test
    void usageErrorsInTheSameWordsForEveryCommand() {
        assertEquals("unknown option --fast", message("a.json", "--fast"));
        assertEquals("--out needs a value", message("a.json", "--out"));
        assertEquals("--seed needs a whole number, got 'x'", message("a.json", "--seed", "x"));
        assertEquals("--rate needs a number, got 'fast'", message("a.json", "--rate", "fast"));
        assertEquals("missing FILE", message());
        assertEquals("unexpected argument b.json", message("a.json", "b.json"));
        assertEquals("--out needs a value, got an empty one", message("a.json", "--out", ""));
        assertEquals("an empty argument where FILE was expected", message(""));
    }
}
