package org.cajal.experiments;

import org.cajal.api.run.ExperimentFiles;
import org.cajal.api.run.RunFiles;

/**
 * The files of an experiment folder (a folder under the runs directory, beside run folders); the names are the
 * run-folder format's ({@link ExperimentFiles}, {@link RunFiles}), repeated here for existing callers. All JSON is
 * written with Jackson, pretty-printed; CSV has a header row, {@code .} as the decimal point, no quoting needed (ids and
 * numbers only; parameter values containing a comma are quoted as in RFC 4180).
 *
 * <pre>
 * &lt;runs&gt;/&lt;kind&gt;-&lt;pipeline name&gt;-&lt;key&gt;/
 *   experiment.json   {"kind": "search|repeats|sweep", "pipeline": "&lt;the pipeline file's text, as a JSON object&gt;",
 *                      "source": "&lt;path of the pipeline file&gt;", "settings": {...}, "created": "&lt;ISO instant&gt;"}
 *   trials.jsonl      one JSON object per finished trial / repeat / sweep point, appended (one line each):
 *                     {"trial": 3, "params": {"&lt;path&gt;": value, ...}, "seed": 45, "run": "runs/&lt;run id&gt;",
 *                      "status": "finished|failed|cancelled", "objective": 0.31, "metrics": {&lt;evaluation.json's numbers&gt;},
 *                      "train": {&lt;last epoch's train_* columns&gt;}, "validation": {&lt;last epoch's validation_* columns&gt;},
 *                      "error": "message when failed"}
 *   runs/             the run folders of the trials, as `cajal run` writes them
 *   results.csv       search: trial, the parameters, seed, status, objective, the metrics; sorted best first
 *   best-pipeline.json  search: the best trial's pipeline, runnable with `cajal run`
 *   summary.json      repeats: {"metrics": {"accuracy": {"n","mean","sd","ciLow","ciHigh","method"}, ...},
 *                               "seeds": [...], "folds": k or 1}
 *   curves.csv        repeats: epoch, then for each metrics.csv column c: c_mean, c_low, c_high, c_n (the band on
 *                     the column's scale, MetricScale)
 *   sweep.csv         sweep: value, train_error, validation_error, test_error (as many as the split has), and the
 *                     metrics; one row per swept value
 * </pre>
 *
 * <p>The key in the folder name is the first 8 hex digits of SHA-256 over the pipeline text and the settings, so
 * starting the same experiment again finds the same folder and resumes it: trials already in trials.jsonl are
 * not run again; a run folder of a trial that did not finish is deleted and that trial run again.
 */
public final class ExperimentFolder {

    /** {@link ExperimentFiles#EXPERIMENT}. */
    public static final String EXPERIMENT = ExperimentFiles.EXPERIMENT;
    /** {@link ExperimentFiles#TRIALS}. */
    public static final String TRIALS = ExperimentFiles.TRIALS;
    /** {@link ExperimentFiles#RUNS}. */
    public static final String RUNS = ExperimentFiles.RUNS;
    /** {@link ExperimentFiles#RESULTS}. */
    public static final String RESULTS = ExperimentFiles.RESULTS;
    /** {@link ExperimentFiles#BEST_PIPELINE}. */
    public static final String BEST_PIPELINE = ExperimentFiles.BEST_PIPELINE;
    /** {@link ExperimentFiles#SUMMARY}. */
    public static final String SUMMARY = ExperimentFiles.SUMMARY;
    /** {@link ExperimentFiles#CURVES}. */
    public static final String CURVES = ExperimentFiles.CURVES;
    /** {@link ExperimentFiles#SWEEP}. */
    public static final String SWEEP = ExperimentFiles.SWEEP;

    /** A run folder's tags, written by {@link RunStore#tag}: {@link RunFiles#TAGS}. */
    public static final String TAGS = RunFiles.TAGS;
    /** Diagnostics the runtime wrote during training: {@link RunFiles#DIAGNOSTICS}. */
    public static final String DIAGNOSTICS = RunFiles.DIAGNOSTICS;

    private ExperimentFolder() {
    }
}
