package org.cajal.api.trained;

import java.io.IOException;
import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/** Opens finished supervised runs with their trained model, fitted preprocessing and data. Provided by the runtime. */
@ProviderType
public interface TrainedRuns {

    /**
     * Opens a finished run folder: reads its model (with the preprocessing fitted on its training rows), reopens its
     * dataset as it was run and recomputes its split, checking it against split.json.
     *
     * @throws IOException naming the file or the reason when the folder is not a finished supervised run whose model
     *                     Cajal can load, or its dataset cannot be opened again
     */
    TrainedRun open(Path runFolder) throws IOException;
}
