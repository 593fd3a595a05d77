package org.cajal.experiments;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.cajal.api.pipeline.PipelineException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Hyperparameter search (grid and random, Bergstra and Bengio 2012) and capacity sweeps over any parameter of a
 * pipeline, addressed by its path in the pipeline file ({@code model.layers[0].params.units},
 * {@code training.optimizer.params.learningRate}, {@code training.epochs}). An OSGi service.
 *
 * <p>The search space is the pipeline file's {@code "search"} section (or one given in {@link SearchOptions}):
 * <pre>
 * "search": {
 *   "method": "random",                  // or "grid"
 *   "trials": 20,                        // the budget: random draws this many; grid runs at most this many
 *   "parallel": 2,                       // trials at once (default: one per core)
 *   "objective": "validation_loss",      // a metrics.csv column at the last epoch, or an evaluation.json key
 *   "goal": "min",                       // or "max"; default from the name (loss, mse, mae: min; else max)
 *   "seed": 1,                           // the sampler's seed (default: the pipeline's)
 *   "parameters": {
 *     "training.optimizer.params.learningRate": { "logUniform": [0.0001, 0.1] },   // grid: add "count": 4
 *     "model.layers[0].params.units": { "choices": [4, 8, 16] },
 *     "training.epochs": { "range": [10, 50], "step": 10 },                       // integers, both ends
 *     "model.layers[0].params.dropout": { "uniform": [0.0, 0.5] }                  // grid: add "count": 3
 *   }
 * }
 * </pre>
 * Selection uses the objective on validation data (or the mean over folds with a k-fold split), never the test
 * split. Every trial's pipeline is validated before the search starts; a bad path or value is a
 * {@link PipelineException} naming {@code $.search.parameters['...']}.
 */
@ProviderType
public interface Searches {

    /** Checks the search section (its own JSON paths) and every pipeline it would generate; empty when fine. */
    List<String> validate(PipelineSource pipeline, SearchOptions options);

    /** Starts (or resumes: same pipeline and settings → same folder) a search. */
    Experiment search(PipelineSource pipeline, SearchOptions options, ExperimentListener listener)
            throws PipelineException;

    /**
     * Starts (or resumes) a capacity sweep: the pipeline once per value of one parameter (width, depth as a
     * number of repeated hidden layers, epochs...), writing training, validation and test error per value
     * ({@link ExperimentFolder#SWEEP}): the bias–variance picture, and double descent where it occurs.
     */
    Experiment sweep(PipelineSource pipeline, SweepOptions options, ExperimentListener listener)
            throws PipelineException;

    /**
     * How to run a search; nulls take the pipeline's search section's values or the defaults.
     *
     * @param cluster where the trials run: null for this machine's threads ({@code parallel} at once), else a
     *                Spark cluster (then {@code parallel} is unused: Spark's cores decide)
     */
    record SearchOptions(Path runsDirectory, Map<String, Object> search, Integer trials, Integer parallel,
                         Cluster cluster) {

        /** On this machine. */
        public SearchOptions(Path runsDirectory, Map<String, Object> search, Integer trials, Integer parallel) {
            this(runsDirectory, search, trials, parallel, null);
        }
    }

    /**
     * How to run a sweep.
     *
     * @param path the parameter swept, e.g. {@code model.layers[0].params.units}, {@code training.epochs}, or
     *             {@code depth} (the number of hidden layers: the first hidden layer repeated)
     * @param values the values, in order (numbers)
     * @param repeats seeds per value (mean of the errors; 1 by default)
     * @param cluster where the trials run: null for this machine's threads, else a Spark cluster
     */
    record SweepOptions(Path runsDirectory, String path, List<Object> values, int repeats, int parallel,
                        Cluster cluster) {

        /** On this machine. */
        public SweepOptions(Path runsDirectory, String path, List<Object> values, int repeats, int parallel) {
            this(runsDirectory, path, values, repeats, parallel, null);
        }
    }
}
