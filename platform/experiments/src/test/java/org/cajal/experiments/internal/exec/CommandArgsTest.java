package org.cajal.experiments.internal.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The experiments' commands parse with the launcher SPI's picocli parser, in the same words as every command. */
class CommandArgsTest {

    private static final Set<String> KNOWN = Set.of("--times", "--seed", "--out");

    @Test
    void positionalArgumentsAndOptionValuesInOrder() {
        CommandSupport.Args a = CommandSupport.Args.parse(List.of("a.json", "--times", "3", "--seed", "-5"), KNOWN);
        assertEquals(List.of("a.json"), a.positional());
        assertEquals(Map.of("--times", "3", "--seed", "-5"), a.options());
        assertEquals(3, a.integer("--times", 1));
        assertEquals(-5L, a.whole("--seed"));
    }

    @Test
    void usageErrorsNameWhatIsWrong() {
        assertEquals("unknown option --bogus", assertThrows(IllegalArgumentException.class,
                () -> CommandSupport.Args.parse(List.of("a.json", "--bogus", "1"), KNOWN)).getMessage());
        assertEquals("--times needs a value", assertThrows(IllegalArgumentException.class,
                () -> CommandSupport.Args.parse(List.of("a.json", "--times"), KNOWN)).getMessage());
        assertEquals("--times must be at least 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> CommandSupport.Args.parse(List.of("a.json", "--times", "0"), KNOWN).integer("--times", 1))
                .getMessage());
    }

    @Test
    void theSameMessageIsPrintedOnce() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        var printer = CommandSupport.printer(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
        printer.message("warning: the test split lacks class c");
        printer.message("warning: the test split lacks class c");
        printer.message("another line");
        assertEquals(List.of("warning: the test split lacks class c", "another line"),
                bytes.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList());
    }
}
