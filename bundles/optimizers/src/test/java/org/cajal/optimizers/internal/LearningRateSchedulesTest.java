package org.cajal.optimizers.internal;

import static org.cajal.optimizers.internal.Steps.assertClose;
import static org.cajal.optimizers.internal.Steps.params;
import static org.cajal.optimizers.internal.Steps.updates;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.cajal.api.train.OptimizerProvider;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;

/** The learning rate each schedule gives at given epochs (0 = first epoch), on every optimizer. */
class LearningRateSchedulesTest {

    static final List<OptimizerProvider> ALL = List.of(new GdOptimizer(), new SgdOptimizer(), new MomentumOptimizer(),
            new NesterovOptimizer(), new RmsPropOptimizer(), new AdaGradOptimizer(), new AdamOptimizer(),
            new AdamWOptimizer(), new SignOptimizer());

    @Test
    void noScheduleKeepsTheRateConstant() {
        Sgd sgd = assertInstanceOf(Sgd.class, new SgdOptimizer().updater(params(new SgdOptimizer(),
                Map.of("learningRate", 0.2))));
        assertNull(sgd.getLearningRateSchedule());
        assertEquals(0.2, sgd.getLearningRate(1000, 99), 0.0);
    }

    @Test
    void stepHalvesEveryDecayEveryEpochs() {
        IUpdater u = sgd(Map.of("learningRate", 0.8, "schedule", "step", "decayRate", 0.5, "decayEvery", 10));
        assertInstanceOf(StepSchedule.class, ((Sgd) u).getLearningRateSchedule());
        assertEquals(ScheduleType.EPOCH, ((StepSchedule) ((Sgd) u).getLearningRateSchedule()).getScheduleType());
        assertEquals(0.8, u.getLearningRate(0, 0), 1e-12);
        assertEquals(0.8, u.getLearningRate(500, 9), 1e-12, "iterations do not count, epochs do");
        assertEquals(0.4, u.getLearningRate(0, 10), 1e-12);
        assertEquals(0.4, u.getLearningRate(0, 19), 1e-12);
        assertEquals(0.1, u.getLearningRate(0, 30), 1e-12);
    }

    @Test
    void exponentialMultipliesByDecayRateEachEpoch() {
        IUpdater u = sgd(Map.of("learningRate", 0.8, "schedule", "exponential", "decayRate", 0.9));
        assertInstanceOf(ExponentialSchedule.class, ((Sgd) u).getLearningRateSchedule());
        assertEquals(0.8, u.getLearningRate(0, 0), 1e-12);
        assertEquals(0.72, u.getLearningRate(0, 1), 1e-12);
        assertEquals(0.8 * Math.pow(0.9, 5), u.getLearningRate(7, 5), 1e-12);
    }

    @Test
    void cosineAnnealsFromLearningRateToTheMinimumThenStays() {
        IUpdater u = sgd(Map.of("learningRate", 0.1, "schedule", "cosine", "cosinePeriod", 10,
                "minLearningRate", 0.02));
        assertInstanceOf(CosineSchedule.class, ((Sgd) u).getLearningRateSchedule());
        assertEquals(0.1, u.getLearningRate(0, 0), 1e-12);
        assertEquals(0.06, u.getLearningRate(0, 5), 1e-12, "half way: the mean of start and end");
        assertEquals(0.02 + 0.08 * (1 + Math.cos(Math.PI * 0.2)) / 2, u.getLearningRate(0, 2), 1e-12, "epoch 2 of 10");
        assertEquals(0.02, u.getLearningRate(0, 10), 1e-12);
        assertEquals(0.02, u.getLearningRate(0, 500), 1e-12);
    }

    @Test
    void everyOptimizerAcceptsEverySchedule() {
        for (OptimizerProvider optimizer : ALL) {
            IUpdater u = optimizer.updater(params(optimizer, Map.of("learningRate", 0.4, "schedule", "step",
                    "decayRate", 0.25, "decayEvery", 2)));
            assertEquals(0.4, u.getLearningRate(0, 1), 1e-12, optimizer.id());
            assertEquals(0.1, u.getLearningRate(0, 2), 1e-12, optimizer.id());
        }
    }

    /** The custom updaters use the scheduled rate in their update, not only report it. */
    @Test
    void customUpdatersStepWithTheScheduledRate() {
        MomentumOptimizer momentum = new MomentumOptimizer();
        IUpdater u = momentum.updater(params(momentum, Map.of("learningRate", 0.1, "schedule", "cosine",
                "cosinePeriod", 4, "minLearningRate", 0.0)));
        assertClose(new double[] {0.05}, updates(u, 2, new double[] {1.0}).get(0)); // lr(2) = 0.05
        SignOptimizer sign = new SignOptimizer();
        IUpdater s = sign.updater(params(sign, Map.of("learningRate", 0.1, "schedule", "exponential",
                "decayRate", 0.5)));
        assertClose(new double[] {-0.025}, updates(s, 2, new double[] {-3.0}).get(0)); // lr(2) = 0.1 * 0.25
    }

    @Test
    void adamKeepsItsScheduleToo() {
        Adam adam = assertInstanceOf(Adam.class, new AdamOptimizer().updater(params(new AdamOptimizer(),
                Map.of("schedule", "exponential", "decayRate", 0.5))));
        assertEquals(0.00025, adam.getLearningRate(0, 2), 1e-15);
    }

    @Test
    void aCosinePeriodBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CosineSchedule(0.1, 0, 0));
    }

    private static IUpdater sgd(Map<String, ?> raw) {
        SgdOptimizer sgd = new SgdOptimizer();
        return sgd.updater(params(sgd, raw));
    }
}
