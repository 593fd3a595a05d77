package org.cajal.api.pipeline;

import java.util.Objects;
import java.util.Optional;

/**
 * The training section.
 *
 * @param loss a {@link org.cajal.api.train.Loss} id
 * @param optimizer an installed optimizer with its parameters
 * @param epochs passes over the training split (the most, with early stopping)
 * @param batchSize examples per mini-batch; 0 means the whole training split (full-batch gradient descent)
 * @param regularisation L1/L2 penalties, dropout and input noise ({@link Regularisation#NONE} for none)
 * @param earlyStopping when to stop on validation loss, or {@code null} to train all epochs
 * @param engine which loop trains a layer stack ({@link TrainingEngine#AUTO} when {@code null})
 */
public record TrainingSpec(String loss, ComponentRef optimizer, int epochs, int batchSize,
                           Regularisation regularisation, EarlyStopping earlyStopping, TrainingEngine engine) {

    public TrainingSpec {
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(optimizer, "optimizer");
        regularisation = Objects.requireNonNullElse(regularisation, Regularisation.NONE);
        engine = Objects.requireNonNullElse(engine, TrainingEngine.AUTO);
    }

    /** Training with the default engine ({@link TrainingEngine#AUTO}). */
    public TrainingSpec(String loss, ComponentRef optimizer, int epochs, int batchSize,
                        Regularisation regularisation, EarlyStopping earlyStopping) {
        this(loss, optimizer, epochs, batchSize, regularisation, earlyStopping, TrainingEngine.AUTO);
    }

    /** The same training with another engine. */
    public TrainingSpec withEngine(TrainingEngine other) {
        return new TrainingSpec(loss, optimizer, epochs, batchSize, regularisation, earlyStopping, other);
    }

    /** Training without regularisation or early stopping. */
    public TrainingSpec(String loss, ComponentRef optimizer, int epochs, int batchSize) {
        this(loss, optimizer, epochs, batchSize, Regularisation.NONE, null);
    }

    public Optional<EarlyStopping> earlyStop() {
        return Optional.ofNullable(earlyStopping);
    }
}
