package org.cajal.runtime.internal.train;

import java.io.Serializable;
import java.util.List;
import java.util.Random;

/**
 * Everything one model's training needs to go on from the end of an epoch as if it had never stopped: what a
 * checkpoint file holds ({@link TrainingCheckpoint}).
 *
 * @param epoch        the epochs completed
 * @param trained      true when training had ended (the model is final: early stopping's best weights restored);
 *                     a resumed run then only evaluates and writes the model's files again
 * @param model        the layer stack's parameters, optimizer state and counters
 * @param order        the training rows in the order of the last epoch (the next epoch shuffles this order)
 * @param shuffle      the generator that shuffles the rows each epoch, where it had got to
 * @param nd4jRandom   ND4J's random generator's {root, node} state on the training thread (DL4J's dropout)
 * @param metrics      metrics.csv's rows so far
 * @param earlyStop    early stopping's state
 * @param diagnostics  the diagnostics' state and the run's notes so far
 * @param diverged     where the training loss stopped being a number ({epoch, batch}), or null
 */
record TrainingState(int epoch, boolean trained, StackState model, int[] order, Random shuffle, long[] nd4jRandom,
                     List<double[]> metrics, Checkpoints.State earlyStop, EpochDiagnostics.State diagnostics,
                     int[] diverged) implements Serializable {

    private static final long serialVersionUID = 1L;
}
