package org.cajal.optimizers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.cajal.api.train.OptimizerProvider;
import org.junit.jupiter.api.Test;

/** What every optimizer promises the workbench and the runtime. */
class DescriptorsTest {

    @Test
    void theNineIdsAreDistinctAndInTheOptimizersCategory() {
        List<String> ids = LearningRateSchedulesTest.ALL.stream().map(OptimizerProvider::id).toList();
        assertEquals(List.of("gd", "sgd", "momentum", "nesterov", "rmsprop", "adagrad", "adam", "adamw", "sign"), ids);
        LearningRateSchedulesTest.ALL.forEach(o -> assertEquals("Optimizers", o.descriptor().category(), o.id()));
    }

    @Test
    void everyParameterHasHelpAndAValidDefaultAndEveryHelpStatesAnUpdateRule() {
        for (OptimizerProvider o : LearningRateSchedulesTest.ALL) {
            assertTrue(o.descriptor().help().contains("<-"), o.id() + " help states its rule");
            for (ParameterSpec spec : o.descriptor().parameters()) {
                assertFalse(spec.help().isBlank(), o.id() + "." + spec.key() + " has help");
                assertTrue(spec.defaultValue() != null && spec.problem(spec.defaultValue()).isEmpty(),
                        o.id() + "." + spec.key() + " default is valid");
            }
            assertTrue(o.descriptor().parameter(LearningRateSchedules.SCHEDULE).isPresent(), o.id());
            assertTrue(o.descriptor().parameter("learningRate").isPresent(), o.id());
        }
    }

    @Test
    void eachCallGivesANewUpdater() {
        for (OptimizerProvider o : LearningRateSchedulesTest.ALL) {
            Parameters p = Parameters.resolve(o.descriptor(), Map.of("schedule", "cosine"), java.nio.file.Path.of("."));
            assertNotSame(o.updater(p), o.updater(p), o.id());
            assertEquals(o.updater(p), o.updater(p), o.id() + " equal values");
        }
    }

    @Test
    void sgdNoLongerTakesMomentumAndSaysWhatBatchSizeOneMeans() {
        SgdOptimizer sgd = new SgdOptimizer();
        assertTrue(sgd.descriptor().parameter("momentum").isEmpty());
        assertTrue(sgd.descriptor().help().contains("batchSize 1"));
        assertTrue(sgd.descriptor().parameter("learningRate").orElseThrow().problem(0.0).isPresent());
    }

    @Test
    void onlyGdImpliesABatchSizeAndOnlyAdamWAddsRegularisation() {
        for (OptimizerProvider o : LearningRateSchedulesTest.ALL) {
            Parameters p = Parameters.defaults(o.descriptor());
            assertEquals(o.id().equals("gd"), o.batchSize(p).isPresent(), o.id());
            assertEquals(o.id().equals("adamw"), !o.regularization(p).isEmpty(), o.id());
        }
    }

    @Test
    void badChoicesAreRejectedBySpecs() {
        assertTrue(new SignOptimizer().descriptor().parameter("normalise").orElseThrow().problem("l1").isPresent());
        assertTrue(new AdamOptimizer().descriptor().parameter("schedule").orElseThrow().problem("linear").isPresent());
        assertTrue(new MomentumOptimizer().descriptor().parameter("momentum").orElseThrow().problem(1.0).isPresent());
    }
}
