package org.cajal.api.model;

import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A model trained without targets — a GAN, an autoencoder, a density model — that judges its own quality.
 * An {@link ArchitectureProvider} whose {@link ArchitectureProvider#usesTargets()} is false builds one.
 *
 * <p>The runtime then treats the data as target-less (the run's schema has {@code TargetKind.NONE}, the batches
 * given to {@link #fit} and {@link #loss} have features only: {@code getLabels()} is null) and, instead of scoring
 * {@link #predict} against targets, asks the model:
 * <ul>
 *   <li>after every epoch: {@link #metric} on the validation split (the curve {@code validation_<metricName>} in
 *       metrics.csv and the workbench) and {@link #epochValues()} (more metrics.csv columns);</li>
 *   <li>at the end: {@link #evaluate} on the evaluated split (test, else validation, else training) — what
 *       evaluation.json holds; no predictions.csv is written.</li>
 * </ul>
 * Both get the split's preprocessed features in one array, at most {@link #MAX_EVALUATION_EXAMPLES} examples (a
 * random sample of a larger split). Early stopping watches {@link #metric} in the direction
 * {@link #higherIsBetter()} says (its {@code minDelta} is then in the metric's units). {@link #predict} is the model's own output for real examples (for a GAN: the
 * discriminator's probability that they are real).
 *
 * <p>All methods are called from the run's one worker thread.
 *
 * @since 1.1
 */
@ConsumerType
public interface GenerativeModel extends TrainableModel {

    /** The most examples {@link #metric} and {@link #evaluate} are given. */
    int MAX_EVALUATION_EXAMPLES = 10_000;

    /**
     * Name of the per-epoch quality measure, used as a column name: lower-case letters, digits and underscores
     * (for example {@code energy_distance}); not {@code loss}, {@code epoch}, {@code train_loss} nor starting with
     * {@code validation_}, which would clash with metrics.csv's own columns (the run fails, naming the clash).
     */
    String metricName();

    /** Whether a larger {@link #metric} is better (false for a distance). */
    boolean higherIsBetter();

    /** The quality measure on held-out features {@code [n, ...featureShape]}, without changing the model. */
    double metric(INDArray features);

    /**
     * The final evaluation on held-out features: JSON-friendly values (numbers, strings, lists, maps) keyed by
     * name, the same keys on every call (k-fold cross-validation averages the numbers over folds); the runtime adds
     * {@code split} and {@code examples}.
     */
    Map<String, Object> evaluate(INDArray features);

    /**
     * Values of the epoch just trained, added to metrics.csv as columns in this map's iteration order (for a GAN:
     * the generator's and the discriminator's mean losses). The same keys every epoch, lower-case letters, digits
     * and underscores. Called after {@link #endEpoch()}.
     */
    default Map<String, Double> epochValues() {
        return Map.of();
    }
}
