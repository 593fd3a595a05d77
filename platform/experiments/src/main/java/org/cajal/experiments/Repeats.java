package org.cajal.experiments;

import java.io.IOException;
import java.nio.file.Path;

import org.cajal.api.pipeline.PipelineException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Repeats over seeds and the comparison of two configurations. An OSGi service.
 */
@ProviderType
public interface Repeats {

    /**
     * Runs the pipeline {@code times} times with seeds {@code firstSeed, firstSeed + 1, ...} (seed of data
     * generation, split, shuffling and initialisation) and writes {@link ExperimentFolder#SUMMARY} (every
     * evaluation number as mean ± sd with its 95% interval; with a k-fold split, the per-fold values of every
     * repeat) and {@link ExperimentFolder#CURVES} (each metrics.csv column's mean with its 95% band per epoch).
     * Same pipeline and settings → same folder, resumed.
     */
    Experiment repeat(PipelineSource pipeline, Path runsDirectory, int times, long firstSeed, int parallel,
                      ExperimentListener listener) throws PipelineException;

    /**
     * As {@link #repeat(PipelineSource, Path, int, long, int, ExperimentListener)}, with the repeats run on a Spark
     * cluster ({@code parallel} is then unused); a null cluster runs them on this machine. The folder is the same
     * either way, so an experiment started on one resumes on the other.
     */
    default Experiment repeat(PipelineSource pipeline, Path runsDirectory, int times, long firstSeed, int parallel,
                              Cluster cluster, ExperimentListener listener) throws PipelineException {
        if (cluster != null) {
            throw new UnsupportedOperationException("this Repeats service runs repeats on this machine only");
        }
        return repeat(pipeline, runsDirectory, times, firstSeed, parallel, listener);
    }

    /** Reads a finished repeats folder's summary. */
    RepeatSummary summary(Path experimentFolder) throws IOException;

    /**
     * Compares two configurations with the corrected resampled t-test: each side a repeats folder (paired by
     * seed) or a k-fold run folder (paired by fold). The test/train ratio comes from the pipelines' split.
     *
     * @param metric an evaluation key ({@code accuracy}, {@code mse}); null: the first both have
     * @throws IOException when a side cannot be read, or they cannot be paired (the message says why: different
     *                     seeds, folds, or split)
     */
    Comparison compare(Path a, Path b, String metric) throws IOException;

    /**
     * A repeats folder's summary.
     *
     * @param metrics evaluation key → summary over repeats (k-fold: over repeats × folds)
     * @param curves metrics.csv column → per-epoch summary (the mean curve with its band)
     */
    record RepeatSummary(Path folder, java.util.List<Long> seeds, int folds,
                         java.util.Map<String, Summary> metrics,
                         java.util.Map<String, java.util.List<Summary>> curves) {
    }
}
