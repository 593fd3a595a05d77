package org.cajal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ParameterSpecTest {

    private final ParameterSpec units = ParameterSpec.integer("units", 8).range(1, 65536).help("Neurons");

    @Test
    void acceptsValuesOfItsKindInRange() {
        assertTrue(units.problem(1).isEmpty());
        assertTrue(units.problem(65536L).isEmpty());
        assertTrue(units.problem(4.0).isEmpty(), "a whole double from JSON is a whole number");
    }

    @Test
    void namesTheRangeAndTheType() {
        assertEquals("value 0 is out of range; allowed: 1 .. 65536", units.problem(0).orElseThrow());
        assertEquals("expected a whole number but got text \"8\"", units.problem("8").orElseThrow());
        assertEquals("expected a whole number but got number 2.5", units.problem(2.5).orElseThrow());
        // a whole number too large for the parameter names the allowed range, not the type
        assertTrue(units.problem(99999999999L).orElseThrow().startsWith("value 99999999999 is out of range; allowed: "),
                units.problem(99999999999L).orElseThrow());
        ParameterSpec act = ParameterSpec.choice("activation", List.of("relu", "tanh"));
        assertEquals("'sigmoid' is not one of relu, tanh", act.problem("sigmoid").orElseThrow());
        assertEquals("relu", act.defaultValue());
        assertEquals("value NaN is out of range; allowed: >= 0",
                ParameterSpec.number("rate", 0.1).atLeast(0).problem(Double.NaN).orElseThrow());
    }

    @Test
    void aNumberMustBeFiniteEvenWithoutARange() {
        // a pipeline file cannot hold Infinity or NaN (JSON has neither), so neither is a value
        ParameterSpec any = ParameterSpec.number("rate", null);
        assertTrue(any.problem(0.5).isEmpty());
        assertEquals("value Infinity is out of range; allowed: any number",
                any.problem(Double.POSITIVE_INFINITY).orElseThrow());
        assertTrue(any.problem(Double.NaN).isPresent());
    }

    @Test
    void rejectsBadDeclarations() {
        assertThrows(IllegalArgumentException.class, () -> ParameterSpec.integer("Units", 1));
        assertThrows(IllegalArgumentException.class, () -> ParameterSpec.integer("units", 1).withDefault("x"));
        assertThrows(IllegalArgumentException.class, () -> ParameterSpec.choice("a", List.of()));
        assertThrows(IllegalArgumentException.class, () -> new ComponentDescriptor("Dense", "", "", "", List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new ComponentDescriptor("dense", "", "", "", List.of(units, units)));
    }

    @Test
    void parametersFillDefaultsAndResolveFiles() {
        ComponentDescriptor d = new ComponentDescriptor("csv", "CSV", "Files", "",
                List.of(ParameterSpec.file("file"), units, ParameterSpec.string("target", null).optional()));
        Parameters p = Parameters.resolve(d, Map.of("file", "data/a.csv"), Path.of("/work/x"));
        assertEquals(8, p.getInt("units"));
        assertEquals(Path.of("/work/x/data/a.csv"), p.getPath("file"));
        assertFalse(p.has("target"));
        assertThrows(IllegalArgumentException.class, () -> Parameters.resolve(d, Map.of("size", 1), Path.of("/")));
    }
}
