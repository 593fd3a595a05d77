/**
 * Research-grade experiments over pipelines, as OSGi services the workbench and the batch commands share.
 *
 * <p>Every experiment lives in an <em>experiment folder</em> under the runs directory (the run store), beside
 * ordinary run folders, and holds {@code experiment.json} (its kind, the pipeline, the settings), the run folders
 * of its trials or repeats in {@code runs/}, and its summary files. Folder formats are documented on
 * {@link ExperimentFolder}. Everything is written atomically (temp file + move), so a killed experiment loses at
 * most the run in progress and is resumed by starting it again.
 *
 * <ul>
 *   <li>{@link RunStore}: list, filter, tag, delete and compare runs and experiments; overlay their curves.</li>
 *   <li>{@link Searches}: grid and random hyperparameter search, and capacity sweeps.</li>
 *   <li>{@link Repeats}: a pipeline over n seeds (mean ± sd, 95% interval, mean curve with band), and the
 *       comparison of two configurations (corrected resampled t-test).</li>
 *   <li>{@link Reproducibility}: reproducibility bundles (zip) and their rerun; report export.</li>
 *   <li>{@link Statistics}: the numbers behind the above, as plain functions.</li>
 * </ul>
 */
@org.osgi.annotation.versioning.Version("1.2.0")
package org.cajal.experiments;
