package org.cajal.runtime.internal;

import java.io.IOException;
import java.nio.file.Path;

import org.cajal.api.trained.TrainedRun;
import org.cajal.api.trained.TrainedRuns;
import org.cajal.runtime.internal.folder.FolderTrainedRun;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The runtime's {@link TrainedRuns}: {@link FolderTrainedRun} over the datasets installed now. */
@Component(service = TrainedRuns.class)
public class TrainedRunsService implements TrainedRuns {

    @Reference
    InstalledComponents installed;

    /** Only active with the engine (ND4J must be ready to load a model). */
    @Reference
    org.cajal.api.compute.ComputeBackend backend;

    @Override
    public TrainedRun open(Path runFolder) throws IOException {
        return FolderTrainedRun.open(runFolder, installed.catalog());
    }
}
