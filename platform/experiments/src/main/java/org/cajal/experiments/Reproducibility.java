package org.cajal.experiments;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.cajal.api.pipeline.PipelineException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Reproducibility bundles and report export. An OSGi service.
 */
@ProviderType
public interface Reproducibility {

    /**
     * Writes one zip for a run or an experiment: the pipeline(s), seeds, the data fingerprint (SHA-256 of the
     * examples as loaded, from the run's provenance) and the data files themselves when they are local files of at
     * most 64 MiB, every bundle's version, backend and hardware, the model(s) and the metrics. {@code bundle.json}
     * at the root lists it all.
     */
    Path bundle(Path runOrExperiment, Path zip) throws IOException;

    /**
     * Runs a bundle's pipeline(s) again with its seeds (data from the bundle, or the original files when their
     * fingerprint still matches) into {@code runsDirectory}, and compares every metric with the bundle's.
     *
     * @throws PipelineException when the pipeline cannot run here (missing component, data changed: names which)
     */
    Rerun rerun(Path zip, Path runsDirectory, ExperimentListener listener) throws IOException, PipelineException;

    /**
     * Exports a report for a run or experiment into {@code outDirectory}: {@code methods.md} (a methods paragraph:
     * data and split, architecture, optimizer and schedule, epochs, regularisation, seeds, software versions),
     * {@code results.md}, {@code results.tex}, {@code results.csv}, and the charts as SVG and PNG.
     *
     * @return the files written
     */
    List<Path> report(Path runOrExperiment, Path outDirectory) throws IOException;

    /**
     * The outcome of a rerun.
     *
     * @param identical every metric equal to the last bit
     * @param differences one line per metric that differs ("accuracy: 0.9125 in the bundle, 0.9100 now"); and a
     *                    line when the backend, hardware or a bundle version differs from the bundle's
     */
    record Rerun(Path bundle, Path folder, boolean identical, List<String> differences) {
    }
}
