package org.cajal.optimizers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.cajal.api.Parameters;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Adam;

class AdamOptimizerTest {

    private final AdamOptimizer adam = new AdamOptimizer();

    @Test
    void defaultsAreTheUsualAdamSettings() {
        Adam updater = assertInstanceOf(Adam.class, adam.updater(Parameters.defaults(adam.descriptor())));
        assertEquals(0.001, updater.getLearningRate(), 0.0);
        assertEquals(0.9, updater.getBeta1(), 0.0);
        assertEquals(0.999, updater.getBeta2(), 0.0);
        assertEquals(1e-8, updater.getEpsilon(), 0.0);
    }

    @Test
    void givenValuesReachTheUpdater() {
        Map<String, Object> raw = Map.of("learningRate", 0.01, "beta1", 0.8, "beta2", 0.99, "epsilon", 1e-6);
        Adam updater = assertInstanceOf(Adam.class, adam.updater(Parameters.resolve(adam.descriptor(), raw, Path.of("."))));
        assertEquals(0.01, updater.getLearningRate(), 0.0);
        assertEquals(0.8, updater.getBeta1(), 0.0);
        assertEquals(0.99, updater.getBeta2(), 0.0);
        assertEquals(1e-6, updater.getEpsilon(), 0.0);
    }

    @Test
    void eachRunGetsItsOwnUpdaterInstance() {
        Parameters defaults = Parameters.defaults(adam.descriptor());
        assertTrue(adam.updater(defaults) != adam.updater(defaults));
    }

    @Test
    void outOfRangeValuesAreRejectedBySpecs() {
        assertTrue(adam.descriptor().parameter("beta1").orElseThrow().problem(1.0).isPresent());
        assertTrue(adam.descriptor().parameter("epsilon").orElseThrow().problem(0.0).isPresent());
        assertEquals("adam", adam.id());
    }
}
