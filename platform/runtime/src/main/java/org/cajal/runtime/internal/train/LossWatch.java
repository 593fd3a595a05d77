package org.cajal.runtime.internal.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The loss-based diagnostics, for any model: a non-finite mini-batch loss ({@code nan-loss}), an epoch's training
 * loss far above the first epoch's ({@code exploding-loss}) and validation loss rising while training loss falls
 * ({@code overfitting}). One instance per model trained; fed in epoch order.
 *
 * <p>Thresholds: {@code exploding-loss} when an epoch's training loss exceeds {@value #EXPLODING_FACTOR} times
 * the first epoch's (which must be positive) and is higher than the previous epoch's; {@code overfitting} when the
 * validation loss rose in each of the last {@value #RISING_EPOCHS} epochs while the training loss fell in each of
 * them, by more in all than twice the standard deviation of the validation loss's epoch-to-epoch changes over the
 * (up to {@value #NOISE_EPOCHS}) epochs before — so that a validation loss wobbling at the data's noise floor is not
 * called overfitting (with fewer than 3 earlier changes to measure that noise by, the three rises suffice). Each of
 * these two is said at most once per model.
 */
final class LossWatch {

    /** How many times the first epoch's training loss counts as exploding. */
    static final double EXPLODING_FACTOR = 10;

    /** For how many consecutive epochs validation loss must rise (and training loss fall) to call it overfitting. */
    static final int RISING_EPOCHS = 3;

    /** Over how many epochs before the rise the validation loss's own noise is measured. */
    static final int NOISE_EPOCHS = 10;

    private final OptionalDouble learningRate;
    private final boolean earlyStopping;
    private final List<double[]> history = new ArrayList<>();
    private boolean explodingSaid;
    private boolean overfittingSaid;

    /**
     * @param learningRate the optimizer's (initial) learning rate, if it has one
     * @param earlyStopping whether the pipeline already stops early (the overfitting note is then shorter)
     */
    LossWatch(OptionalDouble learningRate, boolean earlyStopping) {
        this.learningRate = learningRate;
        this.earlyStopping = earlyStopping;
    }

    /** What a checkpoint keeps: the losses per epoch and which notes were given. */
    record State(List<double[]> history, boolean explodingSaid, boolean overfittingSaid)
            implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
    }

    State state() {
        return new State(new ArrayList<>(history), explodingSaid, overfittingSaid);
    }

    void resume(State s) {
        history.clear();
        history.addAll(s.history());
        explodingSaid = s.explodingSaid();
        overfittingSaid = s.overfittingSaid();
    }

    /** Whether the training loss rose in some epoch after {@code epoch} (1-based; 0: from the first on). */
    boolean roseAfter(int epoch) {
        for (int e = Math.max(epoch, 1); e < history.size(); e++) {
            if (history.get(e)[0] > history.get(e - 1)[0]) {
                return true;
            }
        }
        return false;
    }

    /** Whether the last epoch's training loss is above {@code share} of the first epoch's (false before two). */
    boolean stillAbove(double share) {
        int n = history.size();
        return n >= 2 && history.get(n - 1)[0] > share * history.get(0)[0];
    }

    /** Whether the {@code exploding-loss} note was given. */
    boolean saidExploding() {
        return explodingSaid;
    }

    /** The {@code nan-loss} note when a mini-batch loss is NaN or infinite, else null. */
    Note batch(int epoch, int batch, double loss) {
        if (Double.isFinite(loss)) {
            return null;
        }
        String became = Double.isNaN(loss) ? "NaN" : "infinite";
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("batch", batch);
        values.put("loss", Double.toString(loss));
        String advice;
        if (learningRate.isPresent()) {
            double lr = learningRate.getAsDouble();
            values.put("learningRate", lr);
            advice = "The learning rate (" + Note.number(lr) + ") is probably too high: try " + Note.number(lr / 10)
                    + ".";
        } else {
            advice = "Lower the learning rate, or look for missing or huge values in the data.";
        }
        return new Note("nan-loss", "The training loss became " + became + " at epoch " + epoch + " (batch " + batch
                + "). " + advice + " Training stopped.", values);
    }

    /** The notes an epoch's losses give (validation loss NaN when there is no validation split). */
    List<Note> epoch(int epoch, double trainLoss, double validationLoss) {
        history.add(new double[] {trainLoss, validationLoss});
        List<Note> notes = new ArrayList<>();
        Note exploding = exploding(epoch);
        if (exploding != null) {
            notes.add(exploding);
        }
        Note overfitting = overfitting();
        if (overfitting != null) {
            notes.add(overfitting);
        }
        return notes;
    }

    private Note exploding(int epoch) {
        int n = history.size();
        if (explodingSaid || n < 2) {
            return null;
        }
        double first = history.get(0)[0];
        double now = history.get(n - 1)[0];
        double before = history.get(n - 2)[0];
        if (!(first > 0) || !(now > EXPLODING_FACTOR * first) || !(now > before)) {
            return null;
        }
        explodingSaid = true;
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("firstLoss", first);
        values.put("loss", now);
        String advice = learningRate.isPresent()
                ? "Lower the learning rate (" + Note.number(learningRate.getAsDouble()) + "): try "
                        + Note.number(learningRate.getAsDouble() / 10) + "."
                : "Lower the learning rate.";
        learningRate.ifPresent(lr -> values.put("learningRate", lr));
        return new Note("exploding-loss", "The training loss at epoch " + epoch + " (" + Note.number(now)
                + ") is more than " + Note.number(EXPLODING_FACTOR) + " times that of epoch 1 ("
                + Note.number(first) + ") and still rising: training is diverging. " + advice, values);
    }

    private Note overfitting() {
        int n = history.size();
        if (overfittingSaid || n < RISING_EPOCHS + 1) {
            return null;
        }
        for (int i = n - RISING_EPOCHS; i < n; i++) {
            double[] now = history.get(i);
            double[] before = history.get(i - 1);
            if (!(now[1] > before[1]) || !(now[0] < before[0])) {
                return null; // NaN (no validation data) fails every comparison
            }
        }
        double[] from = history.get(n - 1 - RISING_EPOCHS);
        double[] to = history.get(n - 1);
        if (!aboveNoise(n - 1 - RISING_EPOCHS, to[1] - from[1])) {
            return null;
        }
        overfittingSaid = true;
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("fromValidationLoss", from[1]);
        values.put("toValidationLoss", to[1]);
        values.put("fromTrainLoss", from[0]);
        values.put("toTrainLoss", to[0]);
        String head = "Validation loss has risen for " + RISING_EPOCHS + " epochs (from " + Note.number(from[1])
                + " to " + Note.number(to[1]) + ") while training loss kept falling: the model is overfitting";
        String advice = earlyStopping
                ? " (early stopping is on and will stop it). L2 or dropout, or more data, may help."
                : ". Try early stopping (training.earlyStopping), L2 or dropout, or more data.";
        return new Note("overfitting", head + advice, values);
    }

    /**
     * Whether a rise of the validation loss from the epoch at {@code from} (an index into the history) is more than
     * twice the standard deviation of its epoch-to-epoch changes up to that epoch; true when fewer than 3 changes
     * are there to tell.
     */
    private boolean aboveNoise(int from, double rise) {
        List<Double> changes = new ArrayList<>();
        for (int i = Math.max(1, from - NOISE_EPOCHS + 1); i <= from; i++) {
            changes.add(history.get(i)[1] - history.get(i - 1)[1]);
        }
        if (changes.size() < 3) {
            return true;
        }
        double mean = changes.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double squares = changes.stream().mapToDouble(c -> (c - mean) * (c - mean)).sum();
        return rise > 2 * Math.sqrt(squares / (changes.size() - 1));
    }
}
