package org.cajal.api.run;

/**
 * The files of an experiment folder ({@code <runs>/<kind>-<pipeline name>-<key>/}): a search, repeats, sweep or
 * comparison, with its trials' run folders under {@link #RUNS}.
 */
public final class ExperimentFiles {

    /** {@code {"kind", "pipeline", "source", "settings", "created"}}. */
    public static final String EXPERIMENT = "experiment.json";
    /** One JSON object per finished trial, appended. */
    public static final String TRIALS = "trials.jsonl";
    /** The trials' run folders. */
    public static final String RUNS = "runs";
    /** Search: one row per trial, best first. */
    public static final String RESULTS = "results.csv";
    /** Search: the best trial's pipeline. */
    public static final String BEST_PIPELINE = "best-pipeline.json";
    /** Repeats: mean, SD and interval per metric. */
    public static final String SUMMARY = "summary.json";
    /** Repeats: per epoch, each metrics.csv column's mean and band. */
    public static final String CURVES = "curves.csv";
    /** Sweep: one row per swept value. */
    public static final String SWEEP = "sweep.csv";

    private ExperimentFiles() {
    }
}
