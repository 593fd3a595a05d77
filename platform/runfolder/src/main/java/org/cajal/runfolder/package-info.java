/**
 * The one reader and writer of run and experiment folders. {@link org.cajal.runfolder.RunFolders} reads a run
 * folder's files into the API's types ({@link org.cajal.api.run.Provenance}, {@link org.cajal.api.run.Evaluation},
 * {@link org.cajal.api.run.MetricsTable}); {@link org.cajal.runfolder.RunFolderWriter} creates run folders;
 * {@link org.cajal.runfolder.AtomicFiles} writes every file (a temporary file in the same folder, forced to disk,
 * then moved over the target); {@link org.cajal.runfolder.Json} and {@link org.cajal.runfolder.CsvTable} are the
 * only JSON and CSV codecs of the format.
 */
@Version("1.1.0")
package org.cajal.runfolder;

import org.osgi.annotation.versioning.Version;
