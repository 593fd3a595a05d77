package org.cajal.runtime.internal.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

/** The loss-based diagnostics on hand-made loss sequences. */
class LossWatchTest {

    private static List<Note> feed(LossWatch w, double[][] epochs) {
        List<Note> notes = new ArrayList<>();
        for (int e = 0; e < epochs.length; e++) {
            notes.addAll(w.epoch(e + 1, epochs[e][0], epochs[e][1]));
        }
        return notes;
    }

    @Test
    void aNonFiniteBatchLossNamesEpochBatchAndATenthOfTheLearningRate() {
        LossWatch w = new LossWatch(OptionalDouble.of(5), false);
        assertNull(w.batch(1, 1, 0.7));
        Note nan = w.batch(3, 4, Double.NaN);
        assertEquals("nan-loss", nan.kind());
        assertTrue(nan.message().startsWith("The training loss became NaN at epoch 3 (batch 4). The learning rate "
                + "(5) is probably too high: try 0.5."), nan.message());
        assertEquals(4, nan.values().get("batch"));
        assertEquals(5.0, nan.values().get("learningRate"));
        Note inf = new LossWatch(OptionalDouble.of(0.003), false).batch(1, 2, Double.POSITIVE_INFINITY);
        assertTrue(inf.message().startsWith("The training loss became infinite at epoch 1 (batch 2). The learning "
                + "rate (0.003) is probably too high: try 0.0003."), inf.message());
        Note noRate = new LossWatch(OptionalDouble.empty(), false).batch(1, 1, Double.NaN);
        assertTrue(noRate.message().contains("Lower the learning rate"), noRate.message());
    }

    @Test
    void explodingIsTenTimesTheFirstEpochAndRisingSaidOnce() {
        LossWatch w = new LossWatch(OptionalDouble.of(1), false);
        List<Note> notes = feed(w, new double[][] {{1, Double.NaN}, {9, Double.NaN}, {10.5, Double.NaN},
                {8, Double.NaN}, {12, Double.NaN}, {40, Double.NaN}});
        assertEquals(1, notes.size(), notes.toString());
        Note n = notes.get(0);
        assertEquals("exploding-loss", n.kind());
        assertTrue(n.message().contains("at epoch 3 (10.5)") && n.message().contains("epoch 1 (1)")
                && n.message().contains("try 0.1"), n.message());
        assertEquals(10.5, n.values().get("loss"));
    }

    @Test
    void highButFallingIsNotExploding() {
        LossWatch w = new LossWatch(OptionalDouble.of(1), false);
        assertEquals(List.of(), feed(w, new double[][] {{1, 1}, {30, 30}, {20, 20}, {15, 15}}).stream()
                .filter(n -> n.kind().equals("exploding-loss")).filter(n -> !n.message().contains("epoch 2"))
                .toList());
    }

    @Test
    void overfittingNeedsThreeRisesOfValidationWithTrainingFalling() {
        LossWatch w = new LossWatch(OptionalDouble.of(0.1), false);
        List<Note> notes = feed(w, new double[][] {{1.0, 0.9}, {0.8, 0.7}, {0.6, 0.75}, {0.5, 0.8}, {0.45, 0.7},
                {0.4, 0.72}, {0.3, 0.8}, {0.2, 0.95}, {0.1, 1.2}});
        assertEquals(1, notes.size(), notes.toString());
        Note n = notes.get(0);
        assertEquals("overfitting", n.kind());
        assertEquals("Validation loss has risen for 3 epochs (from 0.7 to 0.95) while training loss kept falling: "
                + "the model is overfitting. Try early stopping (training.earlyStopping), L2 or dropout, or more "
                + "data.", n.message());
        assertEquals(0.95, n.values().get("toValidationLoss"));
    }

    @Test
    void threeRisesWithinTheValidationLossesOwnNoiseAreNotOverfitting() {
        // training loss falls steadily; validation loss wobbles by about 0.05 around its floor of 0.5
        double[] validation = {0.9, 0.7, 0.55, 0.5, 0.56, 0.47, 0.53, 0.45, 0.52, 0.48, 0.55, 0.46, 0.47, 0.5, 0.53};
        double[][] epochs = new double[validation.length + 3][];
        for (int e = 0; e < validation.length; e++) {
            epochs[e] = new double[] {1.0 - 0.04 * e, validation[e]};
        }
        LossWatch noisy = new LossWatch(OptionalDouble.of(0.1), false);
        assertEquals(List.of(), feed(noisy, java.util.Arrays.copyOf(epochs, validation.length)),
                "0.46 -> 0.47 -> 0.5 -> 0.53 rises by 0.07, within twice the changes' standard deviation");
        // then it climbs well above the wobble: that is overfitting
        epochs[validation.length] = new double[] {0.38, 0.65};
        epochs[validation.length + 1] = new double[] {0.36, 0.8};
        epochs[validation.length + 2] = new double[] {0.34, 0.95};
        List<Note> notes = feed(new LossWatch(OptionalDouble.of(0.1), false), epochs);
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).message().startsWith("Validation loss has risen for 3 epochs (from 0.47 to 0.65)"),
                notes.get(0).message());
    }

    @Test
    void withEarlyStoppingTheNoteIsShorterAndWithoutValidationThereIsNone() {
        double[][] rising = {{1.0, 0.5}, {0.9, 0.6}, {0.8, 0.7}, {0.7, 0.8}};
        List<Note> notes = feed(new LossWatch(OptionalDouble.of(0.1), true), rising);
        assertTrue(notes.get(0).message().contains("early stopping is on"), notes.get(0).message());
        double[][] noValidation = {{1.0, Double.NaN}, {0.9, Double.NaN}, {0.8, Double.NaN}, {0.7, Double.NaN}};
        assertEquals(List.of(), feed(new LossWatch(OptionalDouble.of(0.1), false), noValidation));
        double[][] bothRising = {{1.0, 0.5}, {1.1, 0.6}, {1.2, 0.7}, {1.3, 0.8}};
        assertEquals(List.of(), feed(new LossWatch(OptionalDouble.of(0.1), false), bothRising));
    }

    @Test
    void roseAfterAndStillAboveReadTheTrainingLosses() {
        LossWatch w = new LossWatch(OptionalDouble.empty(), false);
        assertTrue(!w.roseAfter(0) && !w.stillAbove(0.5));
        feed(w, new double[][] {{1.0, 1}, {0.8, 1}, {0.9, 1}, {0.7, 1}, {0.4, 1}});
        assertTrue(w.roseAfter(0) && w.roseAfter(2));
        assertTrue(!w.roseAfter(3), "epochs 4 and 5 fell");
        assertTrue(!w.stillAbove(0.5) && w.stillAbove(0.3));
    }
}
