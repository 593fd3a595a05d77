package org.cajal.workbench.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void readsJacksonsIndentedOutput() {
        Map<String, Object> map = Json.parseObject("{\n  \"run\" : \"20240101-iris\",\n  \"seed\" : 42,\n"
                + "  \"end\" : null,\n  \"ok\" : true,\n  \"loss\" : -1.5e-3,\n  \"nested\" : { \"a\" : [ 1, 2.5, "
                + "\"x\" ] },\n  \"text\" : \"quote \\\" slash \\\\ tab\\t \\u00e9\"\n}\n");
        assertEquals("20240101-iris", map.get("run"));
        assertEquals(42L, map.get("seed"));
        assertNull(map.get("end"));
        assertTrue(map.containsKey("end"));
        assertEquals(Boolean.TRUE, map.get("ok"));
        assertEquals(-0.0015, (Double) map.get("loss"), 1e-15);
        assertEquals(Map.of("a", List.of(1L, 2.5, "x")), map.get("nested"));
        assertEquals("quote \" slash \\ tab\t é", map.get("text"));
        assertEquals(List.of("run", "seed", "end", "ok", "loss", "nested", "text"), List.copyOf(map.keySet()));
    }

    @Test
    void rejectsBrokenTextWithAPosition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Json.parse("{\"a\": 1,, }"));
        assertTrue(e.getMessage().contains("character"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\": 1} x"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\": "));
        assertThrows(IllegalArgumentException.class, () -> Json.parseObject("[1]"));
    }
}
