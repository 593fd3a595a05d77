package org.cajal.optimizers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;

class SgdOptimizerTest {

    private final SgdOptimizer sgd = new SgdOptimizer();

    @Test
    void defaultsGivePlainSgdWithLearningRatePointOne() {
        IUpdater updater = sgd.updater(Parameters.defaults(sgd.descriptor()));
        Sgd plain = assertInstanceOf(Sgd.class, updater);
        assertEquals(0.1, plain.getLearningRate(), 0.0);
    }

    @Test
    void positiveMomentumGivesNesterovs() {
        IUpdater updater = sgd.updater(resolve(Map.of("learningRate", 0.05, "momentum", 0.9)));
        Nesterovs nesterovs = assertInstanceOf(Nesterovs.class, updater);
        assertEquals(0.05, nesterovs.getLearningRate(), 0.0);
        assertEquals(0.9, nesterovs.getMomentum(), 0.0);
    }

    @Test
    void descriptorDeclaresRangesAndMentionsNesterov() {
        ParameterSpec lr = sgd.descriptor().parameter("learningRate").orElseThrow();
        ParameterSpec momentum = sgd.descriptor().parameter("momentum").orElseThrow();
        assertEquals("sgd", sgd.id());
        assertEquals("Optimizers", sgd.descriptor().category());
        assertEquals(1e-6, lr.min());
        assertEquals(10.0, lr.max());
        assertEquals(0.999, momentum.max());
        assertTrue(momentum.problem(1.0).isPresent(), "momentum 1 must be rejected");
        assertTrue(sgd.descriptor().help().contains("Nesterov"));
    }

    private Parameters resolve(Map<String, ?> raw) {
        return Parameters.resolve(sgd.descriptor(), raw, Path.of("."));
    }
}
