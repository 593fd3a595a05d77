package org.cajal.experiments;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cajal.api.visual.Drawing;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The run store: the run folders and experiment folders under a runs directory (default {@code ~/.cajal/runs},
 * or the framework property {@code cajal.runs}). An OSGi service. Blocking file I/O: off the event-dispatch
 * thread.
 */
@ProviderType
public interface RunStore {

    /** The default runs directory. */
    Path directory();

    /** Runs and experiments directly under {@code directory}, newest first, that pass the filter. */
    List<StoredRun> list(Path directory, Filter filter) throws IOException;

    /** Adds and removes tags ({@link ExperimentFolder#TAGS}); tags are trimmed, case kept, no commas. */
    Set<String> tag(Path folder, Collection<String> add, Collection<String> remove) throws IOException;

    /**
     * Deletes a run or experiment folder.
     *
     * @throws IOException when it is not a run or experiment folder, or a run in it is still running
     */
    void delete(Path folder) throws IOException;

    /** The evaluation numbers of several runs side by side: a header row (run, then metrics), one row per run. */
    List<List<String>> compare(List<Path> folders) throws IOException;

    /**
     * One chart with a metrics.csv column of any number of runs, one series per run (an experiment: its mean with
     * the 95% band); drawable in the workbench and exportable to PNG and SVG with the charts bundle.
     */
    Drawing overlay(List<Path> folders, String column) throws IOException;

    /**
     * A run or experiment as listed.
     *
     * @param kind {@code run}, {@code search}, {@code repeats} or {@code sweep}
     * @param status {@code running}, {@code finished}, {@code failed}, {@code cancelled} (experiments: from their
     *               trials; {@code incomplete} when interrupted)
     * @param metrics the headline numbers (evaluation.json; experiments: best trial or means)
     */
    record StoredRun(Path folder, String id, String kind, String pipeline, Instant start, String status,
                     Set<String> tags, Map<String, Double> metrics) {
    }

    /**
     * Which runs to list; null or empty parts match everything.
     *
     * @param text a part of the id or pipeline name (case-insensitive)
     * @param tags all of these tags
     */
    record Filter(String text, Set<String> tags, String status, String kind) {
        public static final Filter ALL = new Filter(null, Set.of(), null, null);
    }
}
