package org.cajal.api.pipeline;

import java.nio.file.Path;

import org.cajal.api.visual.RunRecord;
import org.osgi.annotation.versioning.ProviderType;

/** Reads finished runs back for visualisers and views. Provided by the runtime bundle. */
@ProviderType
public interface RunReader {

    /**
     * Reads a finished (or cancelled) run's folder: its metrics per epoch, evaluation, and access to its
     * predictions and trained model for visualisers.
     *
     * @throws PipelineException if the folder is not a run folder or its files cannot be read (names the file)
     */
    RunRecord record(Path runFolder) throws PipelineException;
}
