package org.cajal.api.model;

import java.io.IOException;
import java.nio.file.Path;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;

/**
 * A model the runtime's training loop can drive, whatever its inside: a layer stack, a transformer, a GAN.
 *
 * <p>Life cycle: built for one run, then {@link #fit} is called per mini-batch from one worker thread; never
 * shared between runs.
 */
public interface TrainableModel {

    /** Number of trainable parameters. */
    long parameterCount();

    /** One optimisation step on a mini-batch; returns the mini-batch loss before the step. */
    double fit(DataSet batch);

    /** Called after every epoch, so that epoch-based learning-rate schedules advance. */
    default void endEpoch() {
    }

    /** The loss on a set of examples, without changing the model (no regularisation terms). */
    double loss(DataSet examples);

    /** The model's output for a batch of features: class probabilities, or regression values. */
    INDArray predict(INDArray features);

    /**
     * A copy of the current weights, for early stopping's "restore best weights"; empty if this model cannot
     * take one.
     */
    default java.util.Optional<Object> snapshot() {
        return java.util.Optional.empty();
    }

    /** Puts back weights taken by {@link #snapshot()}. */
    default void restore(Object snapshot) {
        throw new UnsupportedOperationException("this model cannot restore weights");
    }

    /**
     * Writes the trained model to a file (for a layer stack: DL4J's ModelSerializer zip). The file lies in the run
     * folder (under a temporary name, renamed when done), so a model may write files of its own beside it. When the
     * pipeline has preprocessing, the runtime adds the fitted steps to a zip model file (entry
     * {@code objects/cajal-preprocessing}); a model file in another format gets them beside it, in
     * {@code preprocessing.zip} with that entry.
     */
    void save(Path file) throws IOException;
}
