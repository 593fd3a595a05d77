package org.cajal.runtime.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class RunArgumentsTest {

    private static final Path DEFAULT = Path.of("/home/u/.cajal/runs");

    @Test
    void parsesFileOutAndSeed() {
        var a = RunCommand.RunArguments.parse(List.of("x.json", "--out", "/tmp/r", "--seed", "9"), DEFAULT);
        assertEquals(Path.of("x.json"), a.file());
        assertEquals(Path.of("/tmp/r"), a.runs());
        assertEquals(9L, a.seed().getAsLong());
    }

    @Test
    void defaultsToTheUsersRunsFolder() {
        var a = RunCommand.RunArguments.parse(List.of("x.json"), DEFAULT);
        assertEquals(DEFAULT, a.runs());
        assertTrue(a.seed().isEmpty());
    }

    @Test
    void rejectsBadInputWithAReason() {
        assertEquals("no pipeline file given", message(List.of()));
        assertEquals("--seed needs a whole number, got 'x'", message(List.of("a.json", "--seed", "x")));
        assertEquals("--out needs a value", message(List.of("a.json", "--out")));
        assertEquals("unknown option --fast", message(List.of("a.json", "--fast")));
    }

    private static String message(List<String> args) {
        return assertThrows(IllegalArgumentException.class, () -> RunCommand.RunArguments.parse(args, DEFAULT))
                .getMessage();
    }
}
