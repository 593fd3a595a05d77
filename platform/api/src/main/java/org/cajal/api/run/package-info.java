/**
 * The run-folder format as types: the file names of run and experiment folders ({@link RunFiles},
 * {@link ExperimentFiles}), a run's {@link RunStatus}, and typed views of provenance.json ({@link Provenance}),
 * evaluation.json ({@link Evaluation}) and metrics.csv ({@link MetricsTable}). The platform's run-folder library
 * ({@code org.cajal.runfolder}) reads and writes them; nothing else knows the file names.
 */
@Version("1.1.0")
package org.cajal.api.run;

import org.osgi.annotation.versioning.Version;
