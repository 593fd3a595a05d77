package org.cajal.bench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

class SmallExperimentsTest {

    @Test
    void drawsEachKindInItsRangeTheSameWayForTheSameSeed() throws Exception {
        JsonNode section = new ObjectMapper().readTree("{\"seed\": 1, \"parameters\": {"
                + "\"training.optimizer.params.learningRate\": {\"logUniform\": [0.001, 0.1]},"
                + "\"model.layers[0].params.units\": {\"choices\": [4, 8, 16, 32]},"
                + "\"x\": {\"uniform\": [0.0, 0.5]}}}");
        List<Map<String, Object>> points = SmallExperiments.draw(section, 8);
        assertEquals(8, points.size());
        assertEquals(points, SmallExperiments.draw(section, 8));
        for (Map<String, Object> p : points) {
            double lr = (Double) p.get("training.optimizer.params.learningRate");
            assertTrue(lr >= 0.001 && lr <= 0.1, "lr " + lr);
            assertTrue(List.of(4, 8, 16, 32).contains(p.get("model.layers[0].params.units")));
            double x = (Double) p.get("x");
            assertTrue(x >= 0 && x <= 0.5);
        }
        JsonNode grid = new ObjectMapper().readTree("{\"parameters\": {\"e\": {\"range\": [1, 5]}}}");
        assertThrows(IllegalArgumentException.class, () -> SmallExperiments.draw(grid, 1));
    }
}
